import { ensureDefined } from '../jinja/undefined.js';
import { TemplateTypeError as TemplateRuntimeError } from '../jinja/runtime-error.js';
import { isFloatValue, makeFloat, PyFloat } from './float.js';
import { plain, pyCompare, pyEquals } from './compare.js';
import { pythonTypeName } from './type-name.js';
import { pythonStr } from './repr.js';
import { percentFormat } from './format.js';
import { PyObject } from './object.js';
import { isLazyMapping } from '../jinja/lazy-mapping.js';

type Num = number;

/** Larger repetitions would exhaust memory rather than fail cleanly. */
const MAX_REPEAT = 50_000_000;

function asArith(value: unknown): Num | undefined {
  const v = plain(value);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

function typeError(op: string, a: unknown, b: unknown): never {
  throw new TemplateRuntimeError(`unsupported operand type(s) for ${op}: '${pythonTypeName(a)}' and '${pythonTypeName(b)}'`);
}

/** Numeric result that stays a float when either operand was one. */
function numeric(result: number, a: unknown, b: unknown, forceFloat = false): number | PyFloat {
  return forceFloat || isFloatValue(a) || isFloatValue(b) ? makeFloat(result) : result;
}

/** Arithmetic defined by Python-like objects (datetime - datetime, ...). */
function objectArithmetic(op: '+' | '-', a: unknown, b: unknown): unknown {
  if (a instanceof PyObject) {
    const r = a.arithmetic(op, b, false);
    if (r !== undefined) return r;
  }
  if (b instanceof PyObject) return b.arithmetic(op, a, true);
  return undefined;
}

export function pyAdd(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const viaObject = objectArithmetic('+', a, b);
  if (viaObject !== undefined) return viaObject;
  const x = asArith(a);
  const y = asArith(b);
  if (x !== undefined && y !== undefined) return numeric(x + y, a, b);
  const pa = plain(a);
  const pb = plain(b);
  if (typeof pa === 'string' && typeof pb === 'string') return pa + pb;
  if (typeof pa === 'string') throw new TemplateRuntimeError(`can only concatenate str (not "${pythonTypeName(b)}") to str`);
  if (Array.isArray(pa) && Array.isArray(pb)) return [...pa, ...pb];
  if (Array.isArray(pa)) throw new TemplateRuntimeError(`can only concatenate list (not "${pythonTypeName(b)}") to list`);
  return typeError('+', a, b);
}

export function pySub(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const viaObject = objectArithmetic('-', a, b);
  if (viaObject !== undefined) return viaObject;
  const x = asArith(a);
  const y = asArith(b);
  if (x === undefined || y === undefined) return typeError('-', a, b);
  return numeric(x - y, a, b);
}

export function pyMul(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const x = asArith(a);
  const y = asArith(b);
  if (x !== undefined && y !== undefined) return numeric(x * y, a, b);
  const repeat = (seq: unknown, times: unknown): unknown => {
    const n = asArith(times);
    if (n === undefined || isFloatValue(times)) return undefined;
    const s = plain(seq);
    if ((typeof s === 'string' || Array.isArray(s)) && s.length * n > MAX_REPEAT) {
      throw new TemplateRuntimeError(`sequence repetition too large (${s.length} x ${n}); tsible refuses results over ${MAX_REPEAT} items`);
    }
    if (typeof s === 'string') return s.repeat(Math.max(0, n));
    if (Array.isArray(s)) return Array.from({ length: Math.max(0, n) }, () => s).flat();
    return undefined;
  };
  const result = repeat(a, b) ?? repeat(b, a);
  if (result === undefined) {
    if (typeof plain(a) === 'string' || typeof plain(b) === 'string') {
      throw new TemplateRuntimeError(`can't multiply sequence by non-int of type '${pythonTypeName(typeof plain(a) === 'string' ? b : a)}'`);
    }
    return typeError('*', a, b);
  }
  return result;
}

function divisor(op: string, a: unknown, b: unknown): [number, number] {
  const x = asArith(a);
  const y = asArith(b);
  if (x === undefined || y === undefined) return typeError(op, a, b);
  if (y === 0) throw new TemplateRuntimeError(op === '/' ? 'division by zero' : 'integer division or modulo by zero');
  return [x, y];
}

export function pyDiv(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const [x, y] = divisor('/', a, b);
  return makeFloat(x / y);
}

export function pyFloorDiv(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const [x, y] = divisor('//', a, b);
  return numeric(Math.floor(x / y), a, b);
}

export function pyMod(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const s = plain(a);
  if (typeof s === 'string') return percentFormat(s, b);
  const [x, y] = divisor('%', a, b);
  const r = x - y * Math.floor(x / y);
  return numeric(r, a, b);
}

export function pyPow(left: unknown, right: unknown): unknown {
  const a = ensureDefined(left);
  const b = ensureDefined(right);
  const x = asArith(a);
  const y = asArith(b);
  if (x === undefined || y === undefined) return typeError('** or pow()', a, b);
  return numeric(x ** y, a, b, y < 0);
}

export function pyNeg(value: unknown): unknown {
  const v = ensureDefined(value);
  const x = asArith(v);
  if (x === undefined) throw new TemplateRuntimeError(`bad operand type for unary -: '${pythonTypeName(v)}'`);
  return isFloatValue(v) ? makeFloat(-x) : -x;
}

export function pyPos(value: unknown): unknown {
  const v = ensureDefined(value);
  if (asArith(v) === undefined) throw new TemplateRuntimeError(`bad operand type for unary +: '${pythonTypeName(v)}'`);
  return v;
}

/** Python `in`: substring, list membership or mapping key. */
export function pyContains(container: unknown, item: unknown): boolean {
  const c = plain(ensureDefined(container));
  const i = plain(ensureDefined(item));
  if (typeof c === 'string') {
    if (typeof i !== 'string') throw new TemplateRuntimeError(`'in <string>' requires string as left operand, not ${pythonTypeName(item)}`);
    return c.includes(i);
  }
  if (Array.isArray(c)) return c.some((x) => pyEquals(x, i));
  if (c instanceof Map || c instanceof Set) return c.has(i);
  if (isLazyMapping(c)) return c.has(String(i));
  if (typeof c === 'object' && c !== null) return typeof i === 'string' || typeof i === 'number' ? Object.prototype.hasOwnProperty.call(c, String(i)) : false;
  throw new TemplateRuntimeError(`argument of type '${pythonTypeName(container)}' is not iterable`);
}

export function pyCompareOp(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return pyEquals(ensureDefined(a), ensureDefined(b));
    case '!=':
      return !pyEquals(ensureDefined(a), ensureDefined(b));
    case '<':
      return pyCompare(a, b) < 0;
    case '<=':
      return pyCompare(a, b) <= 0;
    case '>':
      return pyCompare(a, b) > 0;
    case '>=':
      return pyCompare(a, b) >= 0;
    case 'in':
      return pyContains(b, a);
    case 'not in':
      return !pyContains(b, a);
    default:
      throw new TemplateRuntimeError(`unknown comparison operator ${op}`);
  }
}

/** `~`: both sides through str(). */
export function pyConcat(a: unknown, b: unknown): string {
  return pythonStr(ensureDefined(a)) + pythonStr(ensureDefined(b));
}
