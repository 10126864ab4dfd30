import type { TestDef } from '../jinja/environment.js';
import { plain } from '../python/compare.js';
import { pythonRegex } from '../python/regex.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { arg } from '../call-args.js';

/** Ansible's regex test: match anchors at the start, search anywhere. */
function regexTest(value: unknown, args: unknown[], kw: Record<string, unknown>, defaultType: 'match' | 'search'): boolean {
  const pattern = pythonStr(arg(args, kw, 0, 'pattern', ''));
  const flags = { ignorecase: pyTruthy(arg(args, kw, 1, 'ignorecase', false)), multiline: pyTruthy(arg(args, kw, 2, 'multiline', false)) };
  const matchType = pythonStr(arg(args, kw, 3, 'match_type', defaultType));
  const text = pythonStr(plain(value));
  if (matchType === 'match') return pythonRegex(`^(?:${pattern})`, { ...flags, multiline: false }).test(text);
  if (matchType === 'fullmatch') return pythonRegex(`^(?:${pattern})$`, flags).test(text);
  return pythonRegex(pattern, flags).test(text);
}

export const regexTests: Record<string, TestDef> = {
  match: { fn: (v, args, kw) => regexTest(v, args, kw, 'match') },
  search: { fn: (v, args, kw) => regexTest(v, args, kw, 'search') },
  regex: { fn: (v, args, kw) => regexTest(v, args, kw, 'search') },
};
