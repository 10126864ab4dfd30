import { PythonTuple, pythonStr } from '../../text/python-format.js';
import { isPythonTuple } from '../parse/python-literal.js';

/** A variable's value as `ansible-inventory --graph --vars` prints it (Python's str()). */
export function graphValue(value: unknown): string {
  return pythonStr(markTuples(value));
}

function markTuples(value: unknown): unknown {
  if (isPythonTuple(value)) return new PythonTuple((value as unknown[]).map(markTuples));
  if (Array.isArray(value)) return value.map(markTuples);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = markTuples(v);
    return out;
  }
  return value;
}
