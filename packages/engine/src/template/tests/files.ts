import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestDef } from '../jinja/environment.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';

function stat(p: unknown, follow: boolean): ReturnType<typeof statSync> | undefined {
  try {
    return follow ? statSync(pythonStr(plain(p))) : lstatSync(pythonStr(plain(p)));
  } catch {
    return undefined;
  }
}

/** Path tests, evaluated on the controller as in Ansible. */
export const fileTests: Record<string, TestDef> = {
  exists: { fn: (v) => existsSync(pythonStr(plain(v))) },
  file: { fn: (v) => stat(v, true)?.isFile() ?? false },
  is_file: { fn: (v) => stat(v, true)?.isFile() ?? false },
  directory: { fn: (v) => stat(v, true)?.isDirectory() ?? false },
  is_dir: { fn: (v) => stat(v, true)?.isDirectory() ?? false },
  link: { fn: (v) => stat(v, false)?.isSymbolicLink() ?? false },
  is_link: { fn: (v) => stat(v, false)?.isSymbolicLink() ?? false },
  abs: { fn: (v) => path.isAbsolute(pythonStr(plain(v))) },
  is_abs: { fn: (v) => path.isAbsolute(pythonStr(plain(v))) },
  same_file: { fn: (v, [other]) => { const a = stat(v, true); const b = stat(other, true); return a !== undefined && b !== undefined && a.ino === b.ino && a.dev === b.dev; } },
  mount: { fn: (v) => { const a = stat(v, true); const parent = stat(path.dirname(pythonStr(plain(v))), true); return a !== undefined && parent !== undefined && (a.dev !== parent.dev || a.ino === parent.ino); } },
};
