/**
 * A Python `re` pattern as POSIX ERE for the target's `grep -E`, where only
 * whether a line matches counts: class escapes become bracket expressions,
 * non-capturing and named groups plain groups, lazy quantifiers greedy
 * (the same lines match), \A and \Z anchors. Look-arounds and
 * back-references have no ERE spelling and are left as written.
 */
export function pythonToExtendedRegex(pattern: string): string {
  const outside: Record<string, string> = { d: '[0-9]', D: '[^0-9]', s: '[[:space:]]', S: '[^[:space:]]', w: '[[:alnum:]_]', W: '[^[:alnum:]_]', A: '^', Z: '$' };
  const inside: Record<string, string> = { d: '0-9', s: '[:space:]', w: '[:alnum:]_', '\\': '\\', ']': ']' };
  let out = '';
  let bracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const next = pattern[i + 1];
    if (bracket) {
      if (c === '\\' && next !== undefined && inside[next] !== undefined) {
        // ERE has no escapes in brackets: \ is literal already, and ] is a member only first.
        out += next === ']' && !/\[\^?$/.test(out) ? '\\]' : inside[next];
        i++;
      } else {
        out += c;
        if (c === ']') bracket = false;
      }
      continue;
    }
    if (c === '\\' && next !== undefined) {
      out += outside[next] ?? `\\${next}`;
      i++;
    } else if (c === '[') {
      bracket = true;
      out += c;
      // A ] right after [ or [^ is a member, not the end.
      for (const lead of ['^', ']']) if (pattern[i + 1] === lead) out += pattern[++i]!;
    } else if (c === '(' && next === '?') {
      const named = /^\(\?P<\w+>/.exec(pattern.slice(i));
      const plain = pattern.startsWith('(?:', i);
      if (named || plain) {
        out += '(';
        i += (named?.[0].length ?? 3) - 1;
      } else out += c;
    } else if (c === '?' && /[*+?}]$/.test(out) && !out.endsWith('\\?') && !out.endsWith('\\*') && !out.endsWith('\\+') && !out.endsWith('\\}')) {
      // lazy quantifier: same lines match as greedy
    } else {
      out += c;
    }
  }
  return out;
}
