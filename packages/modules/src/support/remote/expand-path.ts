import { remotePathWord } from '../remote-path.js';
import { firstRecord, type ScriptOutcome } from './run-script.js';

/** sh printing where a `~` path leads on the target (Ansible expands `path` options there); nothing for other paths. */
export function expandCall(path: string): string {
  return path.startsWith('~') ? `printf '@e\\t%s\\n' ${remotePathWord(path)}` : ':';
}

/** The path as the target expanded it (see expandCall), for results. */
export function expandedPath(outcome: ScriptOutcome, path: string): string {
  return path.startsWith('~') ? (firstRecord(outcome, '@e')?.[0] ?? path) : path;
}
