import { TemplateRuntimeError } from './jinja/runtime-error.js';
import { ensureDefined } from './jinja/undefined.js';
import { plain } from './python/compare.js';
import { pythonTypeName } from './python/type-name.js';

/** Argument `index`, or keyword `name`, or the fallback — Python's call binding for filters. */
export function arg(args: unknown[], kwargs: Record<string, unknown>, index: number, name: string, fallback?: unknown): unknown {
  if (index < args.length) return plain(args[index]);
  if (Object.prototype.hasOwnProperty.call(kwargs, name)) return plain(kwargs[name]);
  return fallback;
}

export function toText(value: unknown, what: string): string {
  const v = plain(ensureDefined(value));
  if (typeof v !== 'string') throw new TemplateRuntimeError(`${what} expects a string, got ${pythonTypeName(value)}`);
  return v;
}

export function toList(value: unknown, what: string): unknown[] {
  const v = plain(ensureDefined(value));
  if (!Array.isArray(v)) throw new TemplateRuntimeError(`${what} expects a list, got ${pythonTypeName(value)}`);
  return v;
}

export function toInt(value: unknown, what: string): number {
  const v = plain(ensureDefined(value));
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  throw new TemplateRuntimeError(`${what} expects an integer, got ${pythonTypeName(value)}`);
}
