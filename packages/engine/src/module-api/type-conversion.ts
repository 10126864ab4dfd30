import type { ElementType, OptionType } from './argument-spec.js';
import { pythonClass } from './python-types.js';
import { pythonStr } from '../template/python/repr.js';
import { isRecord } from '../values/is-record.js';

/** Raised by a converter; the message is Ansible's wording for the failure. */
export class ConversionError extends Error {}

const TRUE_WORDS = new Set(['y', 'yes', 'on', '1', 'true', 't']);
const FALSE_WORDS = new Set(['n', 'no', 'off', '0', 'false', 'f']);
// Python prints this set in hash order, which varies per process; the members match.
const VALID_BOOLEANS = "0, 1, 'y', 'yes', 'on', '1', 'true', 't', 'n', 'no', 'off', '0', 'false', 'f'";

/** Ansible's `boolean()`: yes/no/on/off/y/n/t/f/true/false/1/0, case-insensitive. */
export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (value === 1) return true;
    if (value === 0) return false;
  } else if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  } else {
    throw new ConversionError(`${pythonClass(value)} cannot be converted to a bool`);
  }
  throw new ConversionError(`The value '${pythonStr(value)}' is not a valid boolean.  Valid booleans include: ${VALID_BOOLEANS}`);
}

function toStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pythonStr(value);
}

function toInt(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) return Number.parseInt(value.replace(/_/g, ''), 10);
  throw new ConversionError(`${pythonClass(value)} cannot be converted to an int`);
}

function toFloat(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return Number.parseFloat(text);
    if (/^[+-]?(inf|infinity)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  }
  throw new ConversionError(`${pythonClass(value)} cannot be converted to a float`);
}

function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',');
  if (typeof value === 'number') return [String(value)];
  throw new ConversionError(`${pythonClass(value)} cannot be converted to a list`);
}

/** `k1=v1, k2=v2` with quotes and backslash escapes, as Ansible's check_type_dict. */
function splitDictFields(text: string): string[] {
  const fields: string[] = [];
  let buffer = '';
  let quote: string | null = null;
  let escaped = false;
  for (const c of text.trim()) {
    if (escaped) {
      buffer += c;
      escaped = false;
    } else if (c === '\\') {
      escaped = true;
    } else if (quote === null && (c === "'" || c === '"')) {
      quote = c;
    } else if (quote !== null && c === quote) {
      quote = null;
    } else if (quote === null && (c === ',' || c === ' ')) {
      if (buffer) fields.push(buffer);
      buffer = '';
    } else {
      buffer += c;
    }
  }
  if (buffer) fields.push(buffer);
  return fields;
}


function toDict(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (typeof value === 'string') {
    if (value.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (isRecord(parsed)) return parsed;
      } catch {
        // falls through to Ansible's message below
      }
      throw new ConversionError('unable to evaluate string as dictionary');
    }
    if (value.includes('=')) {
      const result: Record<string, unknown> = {};
      for (const field of splitDictFields(value)) {
        const eq = field.indexOf('=');
        if (eq < 0) throw new ConversionError('dictionary update sequence element #0 has length 1; 2 is required');
        result[field.slice(0, eq)] = field.slice(eq + 1);
      }
      return result;
    }
    throw new ConversionError('dictionary requested, could not parse JSON or key=value');
  }
  throw new ConversionError(`${pythonClass(value)} cannot be converted to a dict`);
}

function toJsonArg(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) || isRecord(value)) return JSON.stringify(value);
  throw new ConversionError(`${pythonClass(value)} cannot be converted to a json string`);
}

/** `~` and `~/...` are expanded on the target, where the home directory is known. */
function toPath(value: unknown): string {
  return toStr(value);
}

const converters: Record<OptionType, (value: unknown) => unknown> = {
  str: toStr,
  int: toInt,
  bool: toBoolean,
  float: toFloat,
  path: toPath,
  raw: (value) => value,
  list: toList,
  dict: toDict,
  jsonarg: toJsonArg,
};

export function convertValue(type: OptionType | ElementType, value: unknown): unknown {
  return converters[type](value);
}
