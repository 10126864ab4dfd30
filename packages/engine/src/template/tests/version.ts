import type { TestDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { arg } from '../call-args.js';

type Part = number | string;

function cmpParts(a: Part[], b: Part[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y;
    } else if (typeof x !== typeof y) {
      // Python 3 cannot order int against str; Ansible reports the failure.
      throw new TemplateRuntimeError(`Version comparison failed: '<' not supported between instances of '${typeof x === 'number' ? 'int' : 'str'}' and '${typeof y === 'number' ? 'int' : 'str'}'`);
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** distutils LooseVersion: runs of digits and letters. */
function loose(v: string): Part[] {
  return (v.match(/\d+|[a-z]+|\.|[^\d.a-z]+/gi) ?? []).filter((p) => p !== '.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** distutils StrictVersion: N.N[.N][(a|b)N]. */
function strict(v: string): Part[] {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:([ab])(\d+))?$/.exec(v);
  if (!m) throw new TemplateRuntimeError(`Version comparison failed: invalid version number '${v}'`);
  const pre: Part[] = m[4] ? [m[4], Number(m[5])] : ['z', 0];
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0), ...pre];
}

function semverCompare(a: string, b: string): number {
  const parse = (v: string): { core: number[]; pre: Part[] } => {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
    if (!m) throw new TemplateRuntimeError(`Version comparison failed: invalid semantic version '${v}'`);
    return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [] };
  };
  const x = parse(a);
  const y = parse(b);
  const core = cmpParts(x.core, y.core);
  if (core !== 0) return core;
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (typeof p === 'number' && typeof q === 'string') return -1;
    if (typeof p === 'string' && typeof q === 'number') return 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

const OPS: Record<string, (c: number) => boolean> = {
  '==': (c) => c === 0, '=': (c) => c === 0, eq: (c) => c === 0,
  '<': (c) => c < 0, lt: (c) => c < 0,
  '<=': (c) => c <= 0, le: (c) => c <= 0,
  '>': (c) => c > 0, gt: (c) => c > 0,
  '>=': (c) => c >= 0, ge: (c) => c >= 0,
  '!=': (c) => c !== 0, '<>': (c) => c !== 0, ne: (c) => c !== 0,
};

/** Ansible's version test (alias version_compare): loose, strict or semver comparison. */
export function versionCompare(value: unknown, args: unknown[], kw: Record<string, unknown>): boolean {
  const a = pythonStr(plain(value));
  const b = pythonStr(arg(args, kw, 0, 'version', ''));
  const op = pythonStr(arg(args, kw, 1, 'operator', 'eq'));
  const isStrict = pyTruthy(arg(args, kw, 2, 'strict', false));
  const type = pythonStr(arg(args, kw, 3, 'version_type', isStrict ? 'strict' : 'loose'));
  const check = OPS[op];
  if (!check) throw new TemplateRuntimeError(`Invalid operator type (${op})`);
  if (a === '' || b === '') throw new TemplateRuntimeError('Input version value cannot be empty');
  let c: number;
  if (type === 'semver' || type === 'semantic') c = semverCompare(a, b);
  else if (type === 'strict') c = cmpParts(strict(a), strict(b));
  else if (type === 'loose') c = cmpParts(loose(a), loose(b));
  else throw new TemplateRuntimeError(`Invalid version type (${type}). Must be one of loose, strict, semver, semantic (pep440 is not supported by tsible)`);
  return check(c);
}

export const versionTests: Record<string, TestDef> = {
  version: { fn: versionCompare },
  version_compare: { fn: versionCompare },
};
