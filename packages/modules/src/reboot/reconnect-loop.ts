import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection, ModuleContext } from '@tsible/engine';

/** The outcome of polling a host until a command answers, or why it never did. */
export type PollOutcome = { ok: true; stdout: string } | { ok: false; error: string };

/**
 * Reconnects and runs `script` every `sleepSeconds` until `accept` takes
 * its output or `deadline` (ms since epoch) passes. A host that is down
 * (connect fails) is simply tried again.
 */
export async function pollHost(ctx: ModuleContext, script: string, accept: (stdout: string) => boolean, deadline: number, sleepSeconds: number, connectTimeoutMs: number): Promise<PollOutcome> {
  let error = 'no attempt made';
  for (;;) {
    try {
      if (!ctx.reconnect) return { ok: false, error: 'this connection cannot be reopened' };
      const connection: Connection = await withTimeout(ctx.reconnect(), connectTimeoutMs);
      const run = await connection.run({ script, timeoutMs: connectTimeoutMs, ...(ctx.become === undefined ? {} : { become: ctx.become }) });
      const stdout = run.stdout.toString('utf8');
      if (run.rc === 0 && accept(stdout)) return { ok: true, stdout };
      error = run.rc === 0 ? `unexpected output: ${stdout.trim()}` : `rc=${run.rc}: ${run.stderr.toString('utf8').trim()}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() + sleepSeconds * 1000 > deadline) return { ok: false, error };
    await sleep(sleepSeconds * 1000);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
