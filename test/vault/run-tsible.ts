import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TSIBLE_BIN = join(dirname(fileURLToPath(import.meta.url)), '../../packages/engine/bin/tsible.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Gets the child as soon as it runs (to signal it). */
  onSpawn?: (child: ChildProcess) => void;
  /** Run in a new session: no controlling terminal at all. */
  detached?: boolean;
}

/** Runs the built CLI as a user would, with a clean vault environment. */
export function runTsible(args: string[], options: RunOptions): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const key of ['ANSIBLE_CONFIG', 'TSIBLE_CONFIG', 'ANSIBLE_VAULT_PASSWORD_FILE', 'TSIBLE_VAULT_PASSWORD_FILE', 'ANSIBLE_VAULT_IDENTITY_LIST', 'ANSIBLE_ASK_VAULT_PASS', 'EDITOR']) {
    if (options.env?.[key] === undefined) delete env[key];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSIBLE_BIN, ...args], { cwd: options.cwd, env, detached: options.detached === true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

/** Hex digits masked, so outputs with random salts can be compared by shape. */
export function shapeOf(text: string): string {
  return text.replace(/[0-9a-f]{2,}/g, (m) => 'h'.repeat(m.length));
}

/** Raises Jest's per-test timeout for this file (ESM tests reach Jest through import.meta). */
export function slowTests(ms = 20000): void {
  (import.meta as unknown as { jest?: { setTimeout(ms: number): void } }).jest?.setTimeout(ms);
}
