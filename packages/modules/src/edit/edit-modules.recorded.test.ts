import { existsSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules } from '../index.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

/** One recording of ansible-core 2.14 (test/fixtures/modules-edit/record.sh). */
interface RecordedCase {
  name: string;
  module: string;
  input: string | null;
  input_mode?: string;
  /** template cases: the template's text (its path is @T) and the host's variables. */
  template?: string;
  template_mode?: string;
  vars?: Record<string, unknown>;
  check?: boolean;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
  output: string | null;
  output_mode: string | null;
}

/**
 * Cases where tsible differs on purpose: Ansible writes the new line and only
 * then fails on a bad mode; tsible rejects the bad input before changing anything.
 */
const UNCHANGED_ON_BAD_INPUT = new Set(['li-err-bad-mode']);

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/modules-edit/recorded.json', import.meta.url));
const cases = JSON.parse(readFileSync(fixtures, 'utf8')) as RecordedCase[];
const ws = tempWorkspace('edit');
beforeEach(ws.setup);
afterEach(ws.cleanup);

const withPaths = (value: unknown, path: string, template: string): unknown => JSON.parse(JSON.stringify(value).split('@F').join(path).split('@T').join(template)) as unknown;
const scrub = (value: unknown, path: string, template: string): unknown => JSON.parse(JSON.stringify(value ?? null).split(template).join('@T').split(path).join('@F')) as unknown;

/**
 * The content diff: Ansible gives one dict, or a list of [content, attributes].
 * A template's new side is named after Ansible's local temp copy of it; tsible names the template itself.
 */
function contentDiff(diff: unknown): unknown {
  const first: unknown = Array.isArray(diff) ? diff[0] : diff;
  if (first === null || typeof first !== 'object') return first;
  const header = (first as Record<string, unknown>)['after_header'];
  return typeof header === 'string' && header.endsWith('/t.j2') ? { ...first, after_header: '@T' } : first;
}

describe.each(cases.map((c) => [c.name, c] as const))('%s behaves as ansible 2.14', (_name, recorded) => {
  it('same result and same file', async () => {
    const path = join(ws.dir(), 'f');
    const template = join(ws.dir(), 't.j2');
    if (recorded.template !== undefined) writeFileSync(template, recorded.template);
    if (recorded.template_mode !== undefined) chmodSync(template, parseInt(recorded.template_mode, 8));
    if (recorded.input !== null) {
      writeFileSync(path, recorded.input);
      if (recorded.input_mode !== undefined) chmodSync(path, parseInt(recorded.input_mode, 8));
    }
    const module = modules.get(recorded.module);
    if (module === undefined) throw new Error(`no module ${recorded.module}`);
    const extra = { hostVars: recorded.vars ?? {}, controller: { inventoryHostname: 'localhost', searchPaths: [ws.dir()], workDir: ws.dir() } };
    const run = await runLocal(module, withPaths(recorded.args, path, template) as Record<string, unknown>, { checkMode: recorded.check === true, diffMode: true, extra });
    const result = scrub(run.result, path, template) as Record<string, unknown>;
    const want = recorded.result;
    expect(result['failed'] === true).toBe(want['failed'] === true);
    expect(result['changed'] === true).toBe(want['changed'] === true);
    expect(result['msg']).toEqual(want['msg']);
    for (const key of ['found', 'rc']) if (key in want) expect(result[key]).toEqual(want[key]);
    expect('warnings' in result).toBe('warnings' in want);
    const expected = UNCHANGED_ON_BAD_INPUT.has(recorded.name) ? recorded.input : recorded.output;
    expect(existsSync(path) ? readFileSync(path, 'latin1') : null).toEqual(expected === null ? null : Buffer.from(expected, 'utf8').toString('latin1'));
    if (recorded.output_mode !== null && existsSync(path)) expect(`0o${(statSync(path).mode & 0o7777).toString(8)}`).toEqual(recorded.output_mode);
    if (want['failed'] !== true) {
      expect(contentDiff(result['diff'])).toEqual(contentDiff(want['diff']));
      if (Array.isArray(want['diff'])) expect((result['diff'] as unknown[]).slice(1)).toEqual(want['diff'].slice(1));
      expect('backup' in result).toBe('backup' in want);
      expect(result['backup_made'] === true || typeof result['backup_file'] === 'string' || (typeof result['backup'] === 'string' && result['backup'] !== '')).toBe(want['backup_made'] === true);
    }
    // The common case costs one exec when nothing changes, two when a change is written.
    if (want['failed'] !== true) expect(run.execs).toBeLessThanOrEqual(want['changed'] === true && recorded.check !== true ? 2 : 1);
  });
});
