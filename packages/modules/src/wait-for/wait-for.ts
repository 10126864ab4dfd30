import type { Module, ModuleResult } from '@tsible/engine';
import { pythonRegex } from '@tsible/engine/template/python/regex';
import { TCP_STATE_CODES, waitForScript } from './wait-for-script.js';
import { waitForSpec, type WaitForParams } from './wait-for-spec.js';

/** Ansible's wording when the wait runs out. */
function timeoutMessage(p: WaitForParams): string {
  if (p.path !== null) {
    if (p.search_regex !== null) return `Timeout when waiting for search string ${p.search_regex} in ${p.path}`;
    return p.state === 'absent' ? `Timeout when waiting for ${p.path} to be absent.` : `Timeout when waiting for file ${p.path}`;
  }
  if (p.state === 'drained') return `Timeout when waiting for ${p.host}:${p.port} to drain`;
  if (p.state === 'stopped') return `Timeout when waiting for ${p.host}:${p.port} to stop.`;
  if (p.search_regex !== null) return `Timeout when waiting for search string ${p.search_regex} in ${p.host}:${String(p.port)}`;
  return `Timeout when waiting for ${p.host}:${String(p.port)}`;
}

/** The groups of the first match in a searched file, as Ansible returns them (Python regex, MULTILINE). */
function matchGroups(regex: string, content: string): { match_groupdict: Record<string, string | null>; match_groups: Array<string | null> } {
  let match: RegExpExecArray | null = null;
  try {
    match = pythonRegex(regex, { multiline: true }).exec(content);
  } catch {
    // A pattern JavaScript cannot read still matched on the target: no groups to report.
  }
  if (match === null) return { match_groupdict: {}, match_groups: [] };
  const groupdict = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, v ?? null]));
  return { match_groupdict: groupdict, match_groups: match.slice(1).map((g) => g ?? null) };
}

/** Ansible's checks before it waits, in its order. */
function invalidParams(p: WaitForParams): string | undefined {
  if (p.port !== null && p.path !== null) return 'port and path parameter can not both be passed to wait_for';
  if (p.path !== null && (p.state === 'stopped' || p.state === 'drained')) return `state=${p.state} should only be used for checking a port in the wait_for module`;
  if (p.exclude_hosts !== null && p.state !== 'drained') return 'exclude_hosts should only be with state=drained';
  const unknown = p.active_connection_states.find((s) => TCP_STATE_CODES[s] === undefined);
  if (unknown !== undefined) return `unknown active_connection_state (${unknown}) defined`;
  return undefined;
}

/**
 * Waits on the target for a port to open (and say something that matches),
 * close or drain, or a file to appear (with a pattern) or go away; one
 * bounded shell loop, one round trip.
 */
export const waitForModule: Module<typeof waitForSpec> = {
  name: 'wait_for',
  spec: waitForSpec,
  supportsCheckMode: false,
  async run(ctx, params: WaitForParams): Promise<ModuleResult> {
    const invalid = invalidParams(params);
    if (invalid !== undefined) return { changed: false, failed: true, msg: invalid, elapsed: 0 };
    // The wait itself is bounded by `timeout`; the connection gets a little more.
    const boundMs = (params.delay + params.timeout + params.connect_timeout + 10) * 1000;
    const run = await ctx.connection.run({
      script: waitForScript(params),
      ...(ctx.become === undefined ? {} : { become: ctx.become }),
      timeoutMs: ctx.timeoutMs === undefined ? boundMs : Math.min(ctx.timeoutMs, boundMs),
    });
    const output = run.stdout.toString('utf8');
    const newline = output.indexOf('\n');
    const parsed = Number.parseInt(newline < 0 ? output : output.slice(0, newline), 10);
    const elapsed = Number.isNaN(parsed) ? 0 : parsed;
    if (run.rc === 0) {
      const groups = params.path !== null && params.search_regex !== null ? matchGroups(params.search_regex, output.slice(newline + 1)) : { match_groupdict: {}, match_groups: [] };
      return { changed: false, elapsed, ...groups, path: params.path, port: params.port, search_regex: params.search_regex, state: params.state };
    }
    if (run.rc === 1) return { changed: false, failed: true, elapsed, msg: params.msg ?? timeoutMessage(params) };
    return { changed: false, failed: true, elapsed, rc: run.rc, msg: run.stderr.toString('utf8').trim() || 'wait_for failed on the target' };
  },
};
