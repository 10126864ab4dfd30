import { homedir } from 'node:os';
import path from 'node:path';
import { readdirSync, realpathSync } from 'node:fs';
import picomatch from 'picomatch';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { pythonTypeName } from '../python/type-name.js';
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

/** Python's os.path.join: an absolute part restarts the path. */
export function pyPathJoin(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (part.startsWith('/')) out = part;
    else if (out === '' || out.endsWith('/')) out += part;
    else out += '/' + part;
  }
  return out;
}

/** glob.glob limited to regular files, as Ansible's fileglob filter. */
export function fileglob(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const match = picomatch(path.basename(pattern), { dot: false });
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && match(e.name))
      .map((e) => (dir === '.' && !pattern.startsWith('./') ? e.name : path.join(dir, e.name)))
      .sort();
  } catch {
    return [];
  }
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
  win_dirname: { fn: (v) => { const p = pythonStr(plain(v)); const i = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/')); return i < 0 ? '' : p.slice(0, i); } },
  win_splitdrive: { fn: (v) => { const p = pythonStr(plain(v)); const m = /^([A-Za-z]:)(.*)$/s.exec(p); return tuple(m ? [m[1], m[2]] : ['', p]); } },
  path_join: {
    fn: (v) => {
      const parts = typeof plain(v) === 'string' ? [pythonStr(plain(v))] : Array.isArray(plain(v)) ? (plain(v) as unknown[]).map((p) => pythonStr(plain(p))) : undefined;
      if (!parts) throw new TemplateRuntimeError(`|path_join expects string or sequence, got ${pythonTypeName(v)} instead.`);
      return pyPathJoin(parts);
    },
  },
  relpath: { fn: (v, args) => path.relative(args.length > 0 ? pythonStr(plain(args[0])) : process.cwd(), pythonStr(plain(v))) || '.' },
  expandvars: { fn: (v) => pythonStr(plain(v)).replace(/\$(\w+)|\$\{([^}]+)\}/g, (m, a: string | undefined, b: string | undefined) => process.env[a ?? b ?? ''] ?? m) },
  fileglob: { fn: (v) => fileglob(pythonStr(plain(v))) },
};
