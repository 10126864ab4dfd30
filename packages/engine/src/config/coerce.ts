import { isAbsolute, resolve } from 'node:path';
import type { SettingType } from './settings.js';

/** What a relative path or `~` means where a value came from. */
export interface PathContext {
  /** Relative paths are taken from here: the config file's directory, or the cwd. */
  baseDir: string;
  cwd: string;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** A value that cannot become the setting's type; the caller adds name and origin. */
export class SettingValueError extends Error {}

const TRUE_WORDS = new Set(['y', 'yes', 'on', '1', 'true', 't']);

/** Ansible's boolean(value, strict=False): anything not recognised as true is false. */
export function ansibleBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return TRUE_WORDS.has(String(value).trim().toLowerCase());
}

/** Ansible's unquote(): strips one pair of matching surrounding quotes. */
export function unquote(text: string): string {
  if (text.length > 1 && text[0] === text[text.length - 1] && (text[0] === '"' || text[0] === "'") && text[text.length - 2] !== '\\') {
    return text.slice(1, -1);
  }
  return text;
}

/** Python's int(text): optional sign, digits with single underscores, surrounding whitespace. */
export function pythonIntFromText(text: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) throw new SettingValueError(`invalid literal for int() with base 10: '${text}'`);
  return Number(text.replace(/_/g, ''));
}

function pythonFloatFromText(text: string): number {
  const body = text.trim().replace(/(\d)_(?=\d)/g, '$1');
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) return Number(body);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(body);
  if (special) return special[2]?.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  throw new SettingValueError(`could not convert string to float: '${text}'`);
}

/** Python's os.path.expandvars: $NAME and ${NAME}; unknown variables stay as written. */
function expandVars(text: string, env: PathContext['env']): string {
  return text.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = env[key];
    return value === undefined ? whole : value;
  });
}

/** Ansible's resolve_path: {{CWD}}, $VARS, ~, then absolute from the base directory. */
export function resolveSettingPath(path: string, ctx: PathContext): string {
  let out = path.split('{{CWD}}').join(ctx.cwd);
  out = expandVars(out, ctx.env);
  if (out === '~' || out.startsWith('~/')) out = ctx.home + out.slice(1);
  return isAbsolute(out) ? resolve(out) : resolve(ctx.baseDir, out);
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** Ansible's ensure_type() for the types the registry uses. */
export function coerceSetting(value: unknown, type: SettingType, ctx: PathContext): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return ansibleBoolean(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : pythonIntFromText(asText(value));
    case 'float':
      return typeof value === 'number' ? value : pythonFloatFromText(asText(value));
    case 'list':
      if (Array.isArray(value)) return value.map(asText);
      return asText(value)
        .split(',')
        .map((item) => unquote(item.trim()));
    case 'pathlist': {
      const items = Array.isArray(value) ? value.map(asText) : asText(value).split(',').map((item) => item.trim());
      return items.map((item) => resolveSettingPath(item, ctx));
    }
    case 'pathspec': {
      const items = Array.isArray(value) ? value.map(asText) : asText(value).split(':');
      return items.map((item) => resolveSettingPath(item, ctx));
    }
    case 'path':
    case 'tmppath':
      return resolveSettingPath(asText(value), ctx);
    case 'string':
      return unquote(asText(value));
  }
}
