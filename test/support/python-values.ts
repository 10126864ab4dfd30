import { pythonFloatRepr } from '../../packages/engine/src/text/python-format.js';
import { UnsafeText, VaultText } from '../../packages/engine/src/loader/tagged-values.js';

/**
 * Compares loaded JS values with values recorded from Python (see the
 * recorders under test/fixtures/yaml). Both sides are brought to one shape;
 * Python's int/float distinction cannot survive in a JS number, so numbers
 * compare by value.
 */
export function encodeLoaded(value: unknown): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return { number: numberText(value) };
  if (value instanceof UnsafeText) return { unsafe: value.text };
  if (value instanceof VaultText) return { vault: value.ciphertext };
  if (Buffer.isBuffer(value)) return { bytes: value.toString('base64') };
  if (Array.isArray(value)) return value.map(encodeLoaded);
  if (typeof value === 'object') return { map: Object.entries(value).map(([k, v]) => [k, encodeLoaded(v)]) };
  throw new Error(`unexpected value ${String(value)}`);
}

function numberText(value: number): string {
  return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : pythonFloatRepr(value);
}

export function normalizeRecorded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeRecorded);
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v['int'] === 'string') return { number: String(Number(v['int'])) };
  if (typeof v['float'] === 'string') {
    const text = v['float'];
    return { number: numberText(text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text)) };
  }
  if (typeof v['timestamp'] === 'string') return v['timestamp'];
  if (Array.isArray(v['set'])) return v['set'];
  if (Array.isArray(v['tuple'])) return normalizeRecorded(v['tuple']);
  if (Array.isArray(v['map'])) return { map: (v['map'] as Array<[string, unknown]>).map(([k, x]) => [k, normalizeRecorded(x)]) };
  return value;
}

/** The Python type name a recorded value had: null, bool, str, int, float, timestamp or other. */
export function recordedKind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  const v = value as Record<string, unknown>;
  for (const kind of ['int', 'float', 'timestamp']) if (kind in v) return kind;
  return 'other';
}
