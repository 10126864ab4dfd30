import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shlexSplit } from '../../packages/engine/src/text/shlex.js';
import { loadInventory } from '../../packages/engine/src/inventory/load.js';
import { RecordingSink } from '../../packages/engine/src/output/events.js';
import { runTsible } from './run-cli.js';

// Recorded by test/fixtures/inventory/record.sh with ansible-inventory 2.14.
const fixtures = fileURLToPath(new URL('../fixtures/inventory/', import.meta.url));
const cases = readdirSync(fixtures).filter((d) => existsSync(join(fixtures, d, 'args')));

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

describe.each(cases)('tsible inventory matches ansible-inventory: %s', (name) => {
  const dir = join(fixtures, name);
  const invocations = lines(join(dir, 'args')).map((line, i) => ({ line, id: String(i + 1).padStart(2, '0') }));

  it.each(invocations)('$line', async ({ line, id }) => {
    const expected = readFileSync(join(dir, 'expected', `${id}.stdout`), 'utf8');
    const expectedCode = Number(readFileSync(join(dir, 'expected', `${id}.rc`), 'utf8').trim());
    const run = await runTsible(['inventory', ...shlexSplit(line)], dir);
    expect(run.code).toBe(expectedCode);
    if (expected.trimStart().startsWith('{')) expect(JSON.parse(run.stdout)).toEqual(JSON.parse(expected));
    expect(run.stdout).toBe(expected);
  });
});

const patternCases = cases.filter((d) => existsSync(join(fixtures, d, 'patterns')));

describe.each(patternCases)('host patterns select what ansible selects: %s', (name) => {
  const dir = join(fixtures, name);
  const [header, ...rest] = lines(join(dir, 'patterns'));
  const sources = shlexSplit((header ?? '').replace(/^inventory:\s*/, '')).filter((a) => a !== '-i');
  const checks = rest.map((line, i) => ({ line, id: String(i + 1).padStart(2, '0') }));

  it.each(checks)('$line', async ({ line, id }) => {
    const [pattern, ...opts] = shlexSplit(line);
    const limitAt = opts.indexOf('--limit');
    const limit = limitAt >= 0 ? opts[limitAt + 1] : undefined;
    const inventory = await loadInventory({ sources, cwd: dir, sink: new RecordingSink() });
    const expected = lines(join(dir, 'expected', `pattern-${id}.hosts`));
    let got: string[];
    try {
      got = inventory.selectHosts(pattern as string, { limit }).map((h) => h.name);
    } catch {
      got = [];
    }
    // Ansible's own order varies between runs for these (see record.sh).
    if (line.includes('# any-order')) expect([...got].sort()).toEqual([...expected].sort());
    else expect(got).toEqual(expected);
  });
});
