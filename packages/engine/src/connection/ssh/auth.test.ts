import type { AnyAuthMethod, AuthenticationType, KeyboardInteractiveAuthMethod } from 'ssh2';
import { createAuthHandler, type AuthReport, type AuthSources } from './auth.js';

/** Plays ssh2's side: calls the handler as the server rejects method after method. */
async function attempts(sources: AuthSources, serverMethods: AuthenticationType[], rounds: number): Promise<(AnyAuthMethod | false)[]> {
  const report: AuthReport = { serverMethods: [], notes: [] };
  const handler = createAuthHandler(sources, report);
  const seen: (AnyAuthMethod | false)[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const next = await new Promise<AnyAuthMethod | false>((resolve) =>
      handler(i === 0 ? (null as unknown as AuthenticationType[]) : serverMethods, false, (method) => resolve(method as AnyAuthMethod | false)),
    );
    seen.push(next);
    if (next === false) break;
  }
  return seen;
}

const base: AuthSources = { user: 'deploy', identityFiles: [], explicitIdentityFiles: [], identitiesOnly: false };

describe('createAuthHandler', () => {
  it('asks "none" first, then agent, then password, then keyboard-interactive answered with the password', async () => {
    const seen = await attempts({ ...base, password: 's3cret', agentSocket: '/run/agent' }, ['publickey', 'password', 'keyboard-interactive'], 6);
    expect(seen.map((m) => (m === false ? false : m.type))).toEqual(['none', 'agent', 'password', 'keyboard-interactive', false]);
    const kbd = seen[3] as KeyboardInteractiveAuthMethod;
    const answers = await new Promise<string[]>((resolve) => kbd.prompt('', '', '', [{ prompt: 'Password: ', echo: false }], resolve));
    expect(answers).toEqual(['s3cret']);
  });

  it('skips methods the server does not offer, and the agent under IdentitiesOnly', async () => {
    const seen = await attempts({ ...base, password: 'x', agentSocket: '/run/agent', identitiesOnly: true }, ['keyboard-interactive'], 4);
    expect(seen.map((m) => (m === false ? false : m.type))).toEqual(['none', 'keyboard-interactive', false]);
  });
});
