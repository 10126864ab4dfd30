import { readFileSync } from 'node:fs';
import { TsibleError } from '../errors/tsible-error.js';
import { parseYaml } from './yaml.js';
import { pythonFloatRepr } from '../text/python-format.js';
import { resolvePlainTag } from './yaml11-scalars.js';

/** Cases recorded from PyYAML's safe_load by test/fixtures/yaml/record.py. */
interface RecordedCase {
  kind: 'scalar' | 'document';
  yaml: string;
  value?: unknown;
  error?: string;
  line?: number;
}

const recordings = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/yaml/pyyaml-recordings.json', import.meta.url), 'utf8'),
) as { cases: RecordedCase[] };

/** Encodes a loaded JS value the way record.py encodes the Python value. */
function encode(value: unknown): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0) ? { number: String(value) } : { number: pythonFloatRepr(value) };
  }
  if (Buffer.isBuffer(value)) return { bytes: value.toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object') return { map: Object.entries(value).map(([k, v]) => [k, encode(v)]) };
  throw new Error(`unexpected value ${String(value)}`);
}

/** Python's int/float distinction cannot survive in a JS number; compare numerically. */
function normalizeExpected(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeExpected);
  if (value !== null && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v['int'] === 'string') return { number: String(Number(v['int'])) };
    if (typeof v['float'] === 'string') {
      const f = Number(v['float'] === 'inf' ? Infinity : v['float'] === '-inf' ? -Infinity : v['float']);
      return Number.isInteger(f) ? { number: String(f) } : { number: pythonFloatRepr(f) };
    }
    if (typeof v['timestamp'] === 'string') return v['timestamp'];
    if (Array.isArray(v['set'])) return v['set'];
    if (Array.isArray(v['tuple'])) return normalizeExpected(v['tuple']);
    if (Array.isArray(v['map'])) return { map: (v['map'] as [string, unknown][]).map(([k, x]) => [k, normalizeExpected(x)]) };
    return value;
  }
  return value;
}

function pythonKind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  const v = value as Record<string, unknown>;
  if ('int' in v) return 'int';
  if ('float' in v) return 'float';
  if ('timestamp' in v) return 'timestamp';
  return 'other';
}

describe('YAML values match PyYAML safe_load recordings', () => {
  const cases = recordings.cases;

  it('has a substantial corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  for (const c of cases) {
    const title = `${c.kind} ${JSON.stringify(c.yaml)}`;
    if (c.error !== undefined) {
      it(`${title} fails like PyYAML (${c.error})`, () => {
        let thrown: unknown;
        try {
          parseYaml(c.yaml, 'case.yml');
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(TsibleError);
        const err = thrown as TsibleError;
        expect(err.exitCode).toBe(4);
        expect(err.location?.file).toBe('case.yml');
        if (c.line !== undefined) expect(Math.abs((err.location?.line ?? 0) - c.line)).toBeLessThanOrEqual(1);
      });
      continue;
    }
    it(`${title} loads like PyYAML`, () => {
      const loaded = c.yaml === '' || c.kind === 'document' ? parseYaml(c.yaml, 'case.yml') : parseYaml(c.yaml, 'case.yml');
      let actual = encode(loaded);
      // Sets come back as arrays of their members; compare as sorted lists.
      const expected = normalizeExpected(c.value);
      if (c.yaml.includes('!!set')) actual = JSON.parse(JSON.stringify(actual), (_k, v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v));
      expect(actual).toEqual(expected);
      if (c.kind === 'scalar' && c.yaml !== '' && !/^['"]/.test(c.yaml)) {
        const kind = pythonKind(c.value);
        if (kind !== 'other') expect(resolvePlainTag(c.yaml)).toBe(kind);
      }
    });
  }
});
