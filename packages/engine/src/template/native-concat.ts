import { literalEval } from './python/literal-eval.js';

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
