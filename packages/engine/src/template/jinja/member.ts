import { plain } from '../python/compare.js';
import { pythonMethod } from '../python/methods.js';
import { isPlainMapping, pythonRepr } from '../python/repr.js';
import { pythonTypeName } from '../python/type-name.js';
import { isUnsafe } from '../unsafe.js';
import { PyObject } from '../python/object.js';
import { TemplateRuntimeError } from './runtime-error.js';
import { Undefined } from './undefined.js';
import { isLazyMapping } from './lazy-mapping.js';

/** Jinja's object_type_repr, used in "has no attribute" messages. */
function objectTypeRepr(value: unknown): string {
  if (value === null) return 'None';
  return `${pythonTypeName(value)} object`;
}

function missingAttribute(obj: unknown, name: string): Undefined {
  return new Undefined(`'${objectTypeRepr(obj)}' has no attribute '${name}'`);
}

function missingItem(obj: unknown, key: unknown): Undefined {
  if (typeof key === 'string') return missingAttribute(obj, key);
  // Jinja quotes the type for attributes but not for elements.
  return new Undefined(`${objectTypeRepr(obj)} has no element ${pythonRepr(key)}`);
}

function methodKind(value: unknown): 'str' | 'list' | 'dict' | undefined {
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  if (isPlainMapping(value)) return 'dict';
  return undefined;
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function itemOf(obj: unknown, key: unknown): { found: true; value: unknown } | { found: false } {
  const k = plain(key);
  if (Array.isArray(obj) || typeof obj === 'string') {
    if (typeof k !== 'number' && typeof k !== 'boolean') return { found: false };
    const n = Number(k);
    if (!Number.isInteger(n)) return { found: false };
    const idx = n < 0 ? obj.length + n : n;
    if (idx < 0 || idx >= obj.length) return { found: false };
    return { found: true, value: obj[idx] };
  }
  if (obj instanceof Map) return obj.has(k) ? { found: true, value: obj.get(k) } : { found: false };
  if (isLazyMapping(obj)) {
    const name = String(k);
    return obj.has(name) ? { found: true, value: obj.get(name) } : { found: false };
  }
  if (typeof obj === 'object' && obj !== null && (typeof k === 'string' || typeof k === 'number')) {
    const name = String(k);
    return hasOwn(obj, name) ? { found: true, value: (obj as Record<string, unknown>)[name] } : { found: false };
  }
  return { found: false };
}

function attributeOf(obj: unknown, name: string): { found: true; value: unknown } | { found: false } {
  if (obj instanceof PyObject) {
    const value = obj.attribute(name);
    return value === undefined ? { found: false } : { found: true, value };
  }
  const kind = methodKind(obj);
  if (kind !== undefined) {
    const method = pythonMethod(obj, name, kind);
    if (method) return { found: true, value: method };
  }
  return { found: false };
}

/** `obj.name`: Python attribute (methods) first, then item — Jinja's getattr order. */
export function getAttr(target: unknown, name: string): unknown {
  if (target instanceof Undefined) return target;
  const obj = isUnsafe(target) ? target.text : target;
  const attr = attributeOf(obj, name);
  if (attr.found) return attr.value;
  const item = itemOf(obj, name);
  return item.found ? item.value : missingAttribute(obj, name);
}

/** `obj[key]`: item first, then attribute — Jinja's getitem order. */
export function getItem(target: unknown, key: unknown): unknown {
  if (target instanceof Undefined) return target;
  const obj = isUnsafe(target) ? target.text : target;
  const item = itemOf(obj, key);
  if (item.found) return item.value;
  if (typeof key === 'string') {
    const attr = attributeOf(obj, key);
    if (attr.found) return attr.value;
  }
  return missingItem(obj, key);
}

function sliceIndex(value: unknown, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = plain(value);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TemplateRuntimeError(`slice ${name} must be an integer or None`);
  return v;
}

/** Python slicing `seq[start:stop:step]` on lists and strings. */
export function sliceOf(target: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (target instanceof Undefined) return target;
  const obj = plain(target);
  const isString = typeof obj === 'string';
  if (!isString && !Array.isArray(obj)) throw new TemplateRuntimeError(`'${pythonTypeName(target)}' object is not subscriptable`);
  const items: unknown[] = isString ? [...obj] : obj;
  const len = items.length;
  const st = sliceIndex(step, 'step') ?? 1;
  if (st === 0) throw new TemplateRuntimeError('slice step cannot be zero');
  const norm = (i: number | undefined, dflt: number): number => {
    if (i === undefined) return dflt;
    const j = i < 0 ? i + len : i;
    return st > 0 ? Math.min(Math.max(j, 0), len) : Math.min(Math.max(j, -1), len - 1);
  };
  const from = norm(sliceIndex(start, 'start'), st > 0 ? 0 : len - 1);
  const to = norm(sliceIndex(stop, 'stop'), st > 0 ? len : -1);
  const out: unknown[] = [];
  for (let i = from; st > 0 ? i < to : i > to; i += st) out.push(items[i]);
  return isString ? out.join('') : out;
}
