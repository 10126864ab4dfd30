import fc from 'fast-check';
import { Emitter, RecordingSink } from '../../output/events.js';
import { TsibleError } from '../../errors/tsible-error.js';
import { InventoryData } from '../model/inventory-data.js';
import { parseIniInventory } from './ini.js';
import { NotYamlInventory, parseYamlInventory } from './yaml.js';
import type { SourceContext } from './source-context.js';

function context(): SourceContext {
  const events = new Emitter(new RecordingSink());
  return { data: new InventoryData(events), file: 'fuzz', events, warnOnce: (code, message) => events.warn(code, message) };
}

/** Only clean failures are allowed: a TsibleError (or, for YAML, "not a YAML inventory"). */
function expectCleanFailure(run: () => void, allowNotYaml: boolean): void {
  try {
    run();
  } catch (err) {
    if (err instanceof TsibleError) return;
    if (allowNotYaml && err instanceof NotYamlInventory) return;
    throw err;
  }
}

const iniPiece = fc.oneof(
  fc.constantFrom('[web]', '[web:vars]', '[web:children]', '[db]', '[x:y]', '[a b]', 'db', 'web', '#c', ';c', '', '---'),
  fc.constantFrom('h1', 'h[1:3]', 'h[a:c]', 'h[01:3]', 'h[1:]', '[::1]:22', 'h:22', 'h:', 'x=1', 'k="v w"', "k='[1, 2]'", 'k={"a": 1}', 'k="#x"'),
  fc.string({ maxLength: 20 }),
);
const iniText = fc.array(fc.array(iniPiece, { maxLength: 5 }).map((p) => p.join(' ')), { maxLength: 30 }).map((l) => l.join('\n'));

const yamlPiece = fc.oneof(
  fc.constantFrom('all:', '  hosts:', '  children:', '  vars:', '    web:', '      hosts:', '        h1:', '        h[1:3]:', '          x: 1', '    - a', '  &a k: *a', '<<: *a', 'plugin: x', '  hosts: str'),
  fc.string({ maxLength: 20 }),
);
const yamlText = fc.array(yamlPiece, { maxLength: 30 }).map((l) => l.join('\n'));

describe('inventory parsers never crash', () => {
  it('INI: any text gives an inventory or a TsibleError', () => {
    fc.assert(fc.property(iniText, (text) => expectCleanFailure(() => parseIniInventory(text, context()), false)), { numRuns: 400 });
  });

  it('YAML: any text gives an inventory or a clean error', () => {
    fc.assert(fc.property(yamlText, (text) => expectCleanFailure(() => parseYamlInventory(text, context()), true)), { numRuns: 300 });
  });

  it('INI: time grows linearly with the number of hosts', () => {
    const time = (n: number): number => {
      const lines = ['[web]'];
      for (let i = 0; i < n; i++) lines.push(`web${i}.example.com ansible_host=10.0.${i % 250}.${i % 200} idx=${i} tags="['a', 'b']"`);
      const text = lines.join('\n');
      const started = process.hrtime.bigint();
      parseIniInventory(text, context());
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    time(500);
    const small = time(2_000);
    const large = time(8_000);
    // Four times the input may take at most ~12 times as long (generous for a shared machine).
    expect(large).toBeLessThan(Math.max(small, 5) * 12);
  });

  it('pathological values finish quickly', () => {
    const started = Date.now();
    expectCleanFailure(() => parseIniInventory(`h x=${'['.repeat(20_000)}\nh2 y="${'\\\\'.repeat(20_000)}"\n[${'a'.repeat(50_000)}`, context()), false);
    expectCleanFailure(() => parseYamlInventory(`a: &x [${'*x, '.repeat(2_000)}]`, context()), true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
