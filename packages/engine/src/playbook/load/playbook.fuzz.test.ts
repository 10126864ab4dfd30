import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isTsibleError } from '../../errors/tsible-error.js';
import { PLAY_KEYWORDS, TASK_KEYWORDS } from '../keywords.js';
import { loadPlaybook } from './playbook.js';

/**
 * Whatever a playbook holds, loading it either gives a model or one
 * TsibleError with a message: never a crash of another kind.
 */
const knownActions = new Set(['debug', 'command', 'file', 'include_tasks', 'import_tasks', 'include_role', 'import_role']);
const value = fc.jsonValue({ maxDepth: 3 });
const key = (names: Iterable<string>) => fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 }));
const taskArb = fc.dictionary(key([...TASK_KEYWORDS, ...knownActions, 'block', 'rescue', 'with_items']), value, { maxKeys: 4 });
const playArb = fc.oneof(
  fc.dictionary(key(PLAY_KEYWORDS), value, { maxKeys: 5 }),
  fc.record({ hosts: fc.constantFrom('all', 'web', '{{ x }}'), tasks: fc.array(taskArb, { maxLength: 4 }), pre_tasks: fc.array(taskArb, { maxLength: 2 }) }),
  value,
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsible-pb-fuzz-'));
  writeFileSync(join(dir, 'a.yml'), '- debug: msg=a\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPlaybook on arbitrary input', () => {
  it('returns a model or throws a TsibleError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(playArb, { maxLength: 3 }), value), (doc) => {
        const file = join(dir, 'site.json');
        writeFileSync(file, JSON.stringify(doc));
        try {
          loadPlaybook(file, { knownActions, rolesPath: [] });
        } catch (err) {
          if (!isTsibleError(err) || err.message.length === 0) throw err;
        }
      }),
      { numRuns: 400 },
    );
  });
});
