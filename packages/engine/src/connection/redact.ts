import { SECRET_MASK } from '../output/secrets/secret-registry.js';
import type { ShellText } from './quote.js';
import type { RunRequest } from './types.js';

export const HIDDEN_COMMAND = "<command hidden: 'no_log: true' was specified>";

/** Text for logs: the request's secrets and become password replaced by a mask; nothing of a no_log command. */
export function maskSecrets(text: ShellText, request?: Pick<RunRequest, 'secrets' | 'become' | 'hideInLogs'>, extra: readonly (string | undefined)[] = []): string {
  if (request?.hideInLogs === true) return HIDDEN_COMMAND;
  let out = typeof text === 'string' ? text : text.toString('utf8');
  const secrets = [...(request?.secrets ?? []), request?.become?.password, ...extra];
  for (const secret of secrets) {
    if (secret !== undefined && secret !== '') out = out.split(secret).join(SECRET_MASK);
  }
  return out;
}

/**
 * An ssh2 protocol trace line without the command of an exec request: the
 * EXEC log line before it already shows that command, masked or hidden.
 */
export function traceWithoutCommand(line: string): string {
  return line.replace(/^(.*CHANNEL_REQUEST \(r:\d+, exec): [\s\S]*\)$/, '$1)');
}
