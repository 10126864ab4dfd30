import type { FilterDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { expandReplacement, pythonRegex, regexEscape } from '../python/regex.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { tuple } from '../python/tuple.js';
import { arg } from '../call-args.js';

function flagsOf(kw: Record<string, unknown>): { ignorecase: boolean; multiline: boolean } {
  return { ignorecase: pyTruthy(kw['ignorecase'] ?? false), multiline: pyTruthy(kw['multiline'] ?? false) };
}

export function regexReplace(value: unknown, args: unknown[], kw: Record<string, unknown>): string {
  const text = pythonStr(plain(value));
  const pattern = pythonStr(arg(args, kw, 0, 'pattern', ''));
  const replacement = pythonStr(arg(args, kw, 1, 'replacement', ''));
  const flags = { ignorecase: pyTruthy(arg(args, kw, 2, 'ignorecase', false)), multiline: pyTruthy(arg(args, kw, 3, 'multiline', false)) };
  const count = Number(arg(args, kw, 4, 'count', 0));
  const re = pythonRegex(pattern, { ...flags, global: true });
  let n = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (count > 0 && n >= count) break;
    out += text.slice(last, m.index) + expandReplacement(replacement, m);
    last = m.index + m[0].length;
    n++;
    if (m[0] === '') re.lastIndex++;
  }
  return out + text.slice(last);
}

/** regex_search: the match, or the requested groups ('\\1', '\\g<name>'), or None. */
export function regexSearch(value: unknown, args: unknown[], kw: Record<string, unknown>): unknown {
  const text = pythonStr(plain(value));
  const pattern = pythonStr(plain(args[0]));
  const m = pythonRegex(pattern, flagsOf(kw)).exec(text);
  if (!m) return null;
  const groups = args.slice(1).map((a) => pythonStr(plain(a)));
  if (groups.length === 0) return m[0];
  return groups.map((g) => {
    const named = /^\\g<(.+)>$/.exec(g);
    if (named) return m.groups?.[named[1] ?? ''] ?? null;
    const num = /^\\(\d+)$/.exec(g);
    if (num) return m[Number(num[1])] ?? null;
    throw new TemplateRuntimeError(`Unknown argument: ${g}`);
  });
}

export function regexFindall(value: unknown, args: unknown[], kw: Record<string, unknown>): unknown[] {
  const text = pythonStr(plain(value));
  const re = pythonRegex(pythonStr(plain(args[0])), { ...flagsOf(kw), global: true });
  const out: unknown[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.length === 1) out.push(m[0]);
    else if (m.length === 2) out.push(m[1] ?? '');
    else out.push(tuple(m.slice(1).map((g) => g ?? '')));
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

export const regexFilters: Record<string, FilterDef> = {
  regex_replace: { fn: regexReplace },
  regex_search: { fn: regexSearch },
  regex_findall: { fn: regexFindall },
  regex_escape: { fn: (v) => regexEscape(pythonStr(plain(v))) },
};
