import type { Module, ModuleResult } from '@tsible/engine';
import { waitForScript } from './wait-for-script.js';
import { waitForSpec, type WaitForParams } from './wait-for-spec.js';

/** Ansible's wording when the wait runs out. */
function timeoutMessage(p: WaitForParams): string {
  if (p.path !== null) {
    if (p.search_regex !== null) return `Timeout when waiting for search string ${p.search_regex} in ${p.path}`;
    return p.state === 'absent' ? `Timeout when waiting for ${p.path} to be absent.` : `Timeout when waiting for file ${p.path}`;
  }
  if (p.state === 'drained') return `Timeout when waiting for ${p.host}:${p.port} to drain`;
  if (p.state === 'stopped') return `Timeout when waiting for ${p.host}:${p.port} to stop.`;
  return `Timeout when waiting for ${p.host}:${String(p.port)}`;
}

/**
 * Waits on the target for a port to open, close or drain, or a file to
 * appear (with a pattern) or go away; one bounded shell loop, one round trip.
 */
export const waitForModule: Module<typeof waitForSpec> = {
  name: 'wait_for',
  spec: waitForSpec,
  supportsCheckMode: false,
  async run(ctx, params: WaitForParams): Promise<ModuleResult> {
    if (params.path !== null && params.port !== null) return { changed: false, failed: true, msg: 'port and path parameter can not both be passed to wait_for' };
    if (params.path !== null && (params.state === 'stopped' || params.state === 'drained')) return { changed: false, failed: true, msg: `state=${params.state} should only be used for checking a port in the wait_for module` };
    if (params.search_regex !== null && params.path === null) return { changed: false, failed: true, msg: 'tsible supports search_regex with path only' };
    // The wait itself is bounded by `timeout`; the connection gets a little more.
    const boundMs = (params.delay + params.timeout + params.connect_timeout + 10) * 1000;
    const run = await ctx.connection.run({
      script: waitForScript(params),
      ...(ctx.become === undefined ? {} : { become: ctx.become }),
      timeoutMs: ctx.timeoutMs === undefined ? boundMs : Math.min(ctx.timeoutMs, boundMs),
    });
    const elapsed = Number.parseInt(run.stdout.toString('utf8').trim(), 10);
    const where: Record<string, unknown> = params.path !== null ? { path: params.path } : params.port !== null ? { port: params.port } : {};
    const base: ModuleResult = { changed: false, elapsed: Number.isNaN(elapsed) ? 0 : elapsed, state: params.state, ...where };
    if (params.search_regex !== null) base['search_regex'] = params.search_regex;
    if (run.rc === 0) return base;
    if (run.rc === 1) return { ...base, failed: true, msg: params.msg ?? timeoutMessage(params) };
    return { ...base, failed: true, rc: run.rc, msg: run.stderr.toString('utf8').trim() || 'wait_for failed on the target' };
  },
};
