import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { RecordingSink } from '../output/events.js';
import { loadConfig } from './config.js';
import { dumpConfig, formatDump } from './dump.js';
import { settingDefinition, SETTING_NAMES, type SettingName } from './settings.js';

/** Cases recorded from `ansible-config dump --only-changed` by test/fixtures/config/record.py. */
interface RecordedCase {
  name: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
  errorLine?: number;
  rc: number;
  stdout: string[];
  stderr: string;
  /** `--format json` output, for cases that succeed. */
  json?: Array<{ name: string; origin: string; type: null; value: unknown }>;
}

const recordings = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/config/ansible-config-recordings.json', import.meta.url), 'utf8'),
) as { cases: RecordedCase[] };

/** Builds the case's directory tree: <DIR>/home is $HOME, <DIR>/work the cwd. */
function materialize(c: RecordedCase): { dir: string; home: string; cwd: string; env: Record<string, string> } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tsible-cfg-')));
  const home = join(dir, 'home');
  const cwd = join(dir, 'work');
  mkdirSync(home);
  mkdirSync(cwd);
  for (const [rel, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const env: Record<string, string> = { HOME: home };
  for (const [k, v] of Object.entries(c.env ?? {})) env[k] = v.split('<DIR>').join(dir);
  return { dir, home, cwd, env };
}

const byName = new Map<string, SettingName>(SETTING_NAMES.map((n) => [n, n]));

/** Dump output as setting name -> full entry (a multi-line value keeps its continuation lines). */
function entries(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const line of lines) {
    const m = /^([A-Z0-9_]+)\(/.exec(line);
    if (m) {
      current = m[1] as string;
      out.set(current, line);
    } else {
      out.set(current, `${out.get(current) ?? ''}\n${line}`);
    }
  }
  return out;
}

describe('config matches ansible-config dump --only-changed recordings', () => {
  for (const c of recordings.cases) {
    it(c.name, async () => {
      const { dir, home, cwd, env } = materialize(c);
      const options = { cwd, env, home, systemFile: join(dir, 'no-system.cfg'), sink: new RecordingSink() };
      if (c.rc !== 0) {
        const err = await loadConfig(options).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(TsibleError);
        expect((err as TsibleError).exitCode).toBe(c.rc);
        if (c.errorLine !== undefined) expect((err as TsibleError).location?.line).toBe(c.errorLine);
        return;
      }
      const config = await loadConfig(options);
      const ours = entries(dumpConfig(config, true).join('\n').split(dir).join('<DIR>').split('\n'));
      const expected = entries(c.stdout);
      for (const [name, entry] of expected) {
        if (name === 'DEFAULT_LOCAL_TMP') {
          // Ansible creates a random directory inside local_tmp at load; tsible reports the base.
          expect(entry.startsWith(`${ours.get(name) ?? '?'}/ansible-local-`)).toBe(true);
        } else {
          expect(ours.get(name)).toBe(entry);
        }
      }
      // --format json: the same rows (tsible may add plugin options, and reports local_tmp's base).
      const json = JSON.parse(formatDump(config, true, 'json').split(dir).join('<DIR>')) as RecordedCase['json'];
      const jsonByName = new Map((json ?? []).map((row) => [row.name, row]));
      for (const row of c.json ?? []) {
        if (row.name !== 'DEFAULT_LOCAL_TMP') expect(jsonByName.get(row.name)).toEqual(row);
      }
      // Extra lines may only be settings that Ansible keeps as plugin options.
      for (const name of ours.keys()) {
        if (expected.has(name)) continue;
        const setting = byName.get(name);
        expect([name, setting === undefined ? false : settingDefinition(setting).plugin === true]).toEqual([name, true]);
      }
    });
  }
});
