import type { ShellText } from './quote.js';
import type { RunRequest } from './types.js';

const MASK = '********';

/** Text for logs: the request's secrets and become password replaced by a mask. */
export function maskSecrets(text: ShellText, request?: Pick<RunRequest, 'secrets' | 'become'>, extra: readonly (string | undefined)[] = []): string {
  let out = typeof text === 'string' ? text : text.toString('utf8');
  const secrets = [...(request?.secrets ?? []), request?.become?.password, ...extra];
  for (const secret of secrets) {
    if (secret !== undefined && secret !== '') out = out.split(secret).join(MASK);
  }
  return out;
}
