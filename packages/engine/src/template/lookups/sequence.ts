import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { percentFormat } from '../python/format.js';
import { pythonStr } from '../python/repr.js';
import type { LookupFn } from './registry.js';

interface SequenceSpec {
  start: number;
  end: number | undefined;
  count: number | undefined;
  stride: number;
  format: string;
}

function parseNumber(text: string): number {
  const n = /^0x/i.test(text) ? parseInt(text, 16) : /^0o?[0-7]+$/i.test(text) && text.length > 1 ? parseInt(text.replace(/^0o?/i, ''), 8) : Number(text);
  if (!Number.isInteger(n)) throw new TemplateRuntimeError(`can't parse arg ${text} as integer`);
  return n;
}

/** Shortcut form `[start-]end[/stride][:format]` or key=value pairs. */
export function parseSequence(term: string, kwargs: Record<string, unknown>): SequenceSpec {
  const spec: SequenceSpec = { start: 1, end: undefined, count: undefined, stride: 1, format: '%d' };
  const short = /^(?:(0x[0-9a-f]+|0o?[0-7]+|\d+)-)?(0x[0-9a-f]+|0o?[0-7]+|\d+)(?:\/(0x[0-9a-f]+|0o?[0-7]+|\d+))?(?::(.+))?$/i.exec(term.trim());
  if (term.trim() !== '' && !term.includes('=') && short) {
    if (short[1] !== undefined) spec.start = parseNumber(short[1]);
    spec.end = parseNumber(short[2] ?? '0');
    if (short[3] !== undefined) spec.stride = parseNumber(short[3]);
    if (short[4] !== undefined) spec.format = short[4];
  } else {
    const pairs: Record<string, string> = {};
    for (const part of term.split(/\s+/).filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq < 0) throw new TemplateRuntimeError(`can't parse arg ${part} in sequence lookup`);
      pairs[part.slice(0, eq)] = part.slice(eq + 1);
    }
    for (const [k, v] of Object.entries(kwargs)) pairs[k] = pythonStr(plain(v));
    for (const [k, v] of Object.entries(pairs)) {
      if (k === 'start') spec.start = parseNumber(v);
      else if (k === 'end') spec.end = parseNumber(v);
      else if (k === 'count') spec.count = parseNumber(v);
      else if (k === 'stride') spec.stride = parseNumber(v);
      else if (k === 'format') spec.format = v;
      else throw new TemplateRuntimeError(`unrecognized arguments to with_sequence: ['${k}']`);
    }
  }
  if (spec.count !== undefined) {
    if (spec.end !== undefined) throw new TemplateRuntimeError("can't specify both count and end in with_sequence");
    spec.end = spec.count === 0 ? spec.start - spec.stride : spec.start + spec.count * spec.stride - 1;
    if (spec.count === 0) return { ...spec, end: undefined, count: 0 };
  }
  if (spec.end === undefined) throw new TemplateRuntimeError("must specify count or end in with_sequence");
  return spec;
}

export function generateSequence(spec: SequenceSpec): string[] {
  if (spec.count === 0 || spec.end === undefined) return [];
  const { start, end, stride } = spec;
  if (stride > 0 && end < start) throw new TemplateRuntimeError('to count backwards make stride negative');
  if (stride < 0 && end > start) throw new TemplateRuntimeError('to count forward don\'t make stride negative');
  if (stride === 0) return [];
  const out: string[] = [];
  for (let i = start; stride > 0 ? i <= end : i >= end; i += stride) out.push(percentFormat(spec.format, i));
  return out;
}

export const sequenceLookup: LookupFn = (terms, kwargs) =>
  terms.flatMap((term) => generateSequence(parseSequence(pythonStr(plain(term)), kwargs)));
