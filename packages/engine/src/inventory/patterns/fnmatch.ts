/**
 * Python's fnmatch.translate: shell globs (`*`, `?`, `[abc]`, `[!abc]`) to a
 * regular expression matching the whole name, case-sensitively.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let i = 0;
  const n = glob.length;
  while (i < n) {
    const c = glob[i++] as string;
    if (c === '*') {
      // Consecutive stars mean the same as one.
      while (glob[i] === '*') i++;
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      let j = i;
      if (j < n && glob[j] === '!') j++;
      if (j < n && glob[j] === ']') j++;
      while (j < n && glob[j] !== ']') j++;
      if (j >= n) {
        out += '\\[';
      } else {
        let stuff = glob.slice(i, j);
        i = j + 1;
        // Backslashes, '[' and set-operation characters are literal inside the class.
        stuff = stuff.replace(/\\/g, '\\\\').replace(/([&~|[])/g, '\\$1');
        if (stuff.startsWith('!')) stuff = `^${stuff.slice(1)}`;
        else if (stuff.startsWith('^')) stuff = `\\${stuff}`;
        // JavaScript (unlike Python) treats a leading ']' as closing the class.
        if (stuff.startsWith(']')) stuff = `\\${stuff}`;
        else if (stuff.startsWith('^]')) stuff = `^\\${stuff.slice(1)}`;
        out += `[${stuff}]`;
      }
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^(?:${out})$`, 's');
}
