import { literalEval } from './python/literal-eval.js';
import { PyFloat } from './python/float.js';
import { isPlainMapping } from './python/repr.js';
import { setItem } from './python/dict.js';

/**
 * Ansible 2.14 with jinja2_native off renders to text, then turns text that
 * looks like a list, dict or boolean back into that value with
 * ast.literal_eval. Numbers stay strings ("{{ 1 + 1 }}" is '2').
 */
export function nativeConcat(output: string): unknown {
  if (output.startsWith('{') || output.startsWith('[') || output === 'True' || output === 'False') {
    const parsed = literalEval(output);
    if (parsed.ok) return parsed.value;
  }
  return output;
}

/**
 * What repr() followed by literal_eval would give for a list or dict, built
 * directly: a deep copy with tuples as lists. Undefined when some value would
 * not survive that round trip (objects, NaN, huge ints), so the caller takes
 * the text path and gets Python's exact result.
 */
export function literalCopy(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)) ? value : undefined;
  if (value instanceof PyFloat) return Number.isFinite(value.value) ? value : undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const copy = literalCopy(item);
      if (copy === undefined) return undefined;
      out.push(copy);
    }
    return out;
  }
  if (isPlainMapping(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const copy = literalCopy(v);
      if (copy === undefined) return undefined;
      setItem(out, k, copy);
    }
    return out;
  }
  return undefined;
}
