import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordingSink } from '../packages/engine/src/output/events.js';
import { Templar } from '../packages/engine/src/template/templar.js';
import { TsibleError } from '../packages/engine/src/errors/tsible-error.js';

// Outputs recorded from ansible-playbook 2.14 by test/fixtures/template/record.py.
interface Recorded {
  id: string;
  kind?: 'when' | 'file';
  files?: Record<string, string>;
  template: string;
  vars: Record<string, unknown>;
  result?: unknown;
  error?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = JSON.parse(readFileSync(path.join(here, 'fixtures/template/recorded.json'), 'utf8')) as Recorded[];

/** Compare as JSON, the way the recording saw the value. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'object' && v !== null && 'value' in v && v.constructor?.name === 'PyFloat' ? (v as { value: number }).value : v)));
}

// lookup-env-join depends on the recording machine's environment; ipaddr (ansible.utils) is not supported;
// dict-int-keys: JavaScript objects only have string keys, so {1: 'a'} prints as {'1': 'a'};
// expr-int-big: integers beyond 2**53 lose precision in JavaScript numbers.
const SKIP = new Set(['lookup-env-join', 'ipaddr-unsupported', 'dict-int-keys', 'expr-int-big']);

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(templar: Templar, c: Recorded): unknown {
  if (c.kind === 'when') return templar.evaluateConditional(c.template);
  if (c.kind === 'file') {
    // Files recorded next to the template (includes, imports) go next to it here too.
    const dir = mkdtempSync(path.join(tmpdir(), 'tsible-fixture-'));
    tempDirs.push(dir);
    for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(path.join(dir, name), text);
    return templar.renderTemplateFile(c.template, path.join(dir, 'src.j2'));
  }
  return templar.renderString(c.template);
}

describe('rendering matches ansible-playbook 2.14 recordings', () => {
  for (const c of recorded.filter((r) => !SKIP.has(r.id))) {
    it(c.id, () => {
      const templar = new Templar({ vars: { ...c.vars }, sink: new RecordingSink() });
      if (c.error !== undefined) {
        let thrown: unknown;
        try {
          run(templar, c);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(TsibleError);
        const firstLine = c.error.split('\n')[0] ?? '';
        // Ansible appends the original exception text again; tsible states it once.
        expect(firstLine.startsWith((thrown as TsibleError).message)).toBe(true);
        return;
      }
      expect(asJson(run(templar, c))).toEqual(c.result);
    });
  }
});
