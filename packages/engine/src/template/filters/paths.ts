import { homedir } from 'node:os';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import type { FilterDef } from '../jinja/environment.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';
import { tuple } from '../python/tuple.js';

/** Python's os.path.splitext: leading dots of the file name are not an extension. */
export function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  if (dot > sep) {
    for (let i = sep + 1; i < dot; i++) if (p[i] !== '.') return [p.slice(0, dot), p.slice(dot)];
  }
  return [p, ''];
}

/** Python's os.path.basename/dirname: plain split on the last '/'. */
export const pathFilters: Record<string, FilterDef> = {
  basename: { fn: (v) => { const p = pythonStr(plain(v)); return p.slice(p.lastIndexOf('/') + 1); } },
  dirname: {
    fn: (v) => {
      const p = pythonStr(plain(v));
      const head = p.slice(0, p.lastIndexOf('/') + 1);
      return head !== '' && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
    },
  },
  expanduser: { fn: (v) => pythonStr(plain(v)).replace(/^~(?=\/|$)/, homedir()) },
  realpath: {
    fn: (v) => {
      const p = path.resolve(pythonStr(plain(v)));
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    },
  },
  splitext: { fn: (v) => tuple(splitext(pythonStr(plain(v)))) },
  win_basename: { fn: (v) => pythonStr(plain(v)).split(/[\\/]/).pop() ?? '' },
};
