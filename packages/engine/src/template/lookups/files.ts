import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync, renameSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import picomatch from 'picomatch';
import { readdirSync } from 'node:fs';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import type { LookupContext, LookupFn } from './registry.js';
import type { JinjaSyntax } from '../jinja/syntax.js';
import { templateFileVars } from '../template-vars.js';
import { JINJA_OPTION_NAMES } from '../template-file.js';

/** Finds a file the way Ansible's lookups do: absolute as-is, else in each search path (and its files/ or templates/). */
export function findFile(ctx: LookupContext, name: string, subdir: 'files' | 'templates'): string | undefined {
  if (path.isAbsolute(name)) return existsSync(name) ? name : undefined;
  for (const dir of ctx.searchPaths) {
    for (const candidate of [path.join(dir, subdir, name), path.join(dir, name)]) if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function text(term: unknown): string {
  return pythonStr(plain(term));
}

export const fileLookup: LookupFn = (terms, kwargs, ctx) =>
  terms.map((term) => {
    const found = findFile(ctx, text(term), 'files');
    if (!found) throw new TemplateRuntimeError(`could not locate file in lookup: ${text(term)}`);
    let content = readFileSync(found, 'utf8');
    if (pyTruthy(kwargs['rstrip'] ?? true)) content = content.replace(/\s+$/, '');
    if (pyTruthy(kwargs['lstrip'] ?? false)) content = content.replace(/^\s+/, '');
    return content;
  });

export const envLookup: LookupFn = (terms, kwargs) =>
  terms.map((term) => process.env[text(term)] ?? (kwargs['default'] === undefined ? '' : kwargs['default']));

/** Runs a controller shell command for pipe/lines; a non-zero exit is the lookup's error. */
function shellOutput(plugin: string, command: string): string {
  try {
    return execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new TemplateRuntimeError(`lookup_plugin.${plugin}(${command}) returned ${String((err as { status?: unknown }).status)}`);
  }
}

export const pipeLookup: LookupFn = (terms) => terms.map((term) => shellOutput('pipe', text(term)).replace(/\s+$/, ''));

export const linesLookup: LookupFn = (terms) =>
  terms.flatMap((term) => shellOutput('lines', text(term)).split('\n').filter((l, i, all) => !(i === all.length - 1 && l === '')));

const DELIMITER_OPTIONS = ['variable_start_string', 'variable_end_string', 'comment_start_string', 'comment_end_string'];

/** template: renders a file with the current variables, template_vars and Ansible's template_* variables. */
export const templateLookup: LookupFn = (terms, kwargs, ctx) =>
  terms.map((term) => {
    const found = findFile(ctx, text(term), 'templates');
    if (!found) throw new TemplateRuntimeError(`the template file ${text(term)} could not be found for the lookup`);
    const extra = isPlainMapping(kwargs['template_vars']) ? kwargs['template_vars'] : {};
    const syntax: Partial<JinjaSyntax> = {};
    for (const option of DELIMITER_OPTIONS) {
      const key = JINJA_OPTION_NAMES[option];
      if (key !== undefined && kwargs[option] !== undefined) (syntax as Record<string, unknown>)[key] = text(kwargs[option]);
    }
    return ctx.templar.renderTemplateFile(readFileSync(found, 'utf8'), found, {
      extraVars: { ...templateFileVars(text(term), { fullpath: found }), ...extra },
      convertData: pyTruthy(kwargs['convert_data'] ?? true),
      syntax,
    });
  });

export const varsLookup: LookupFn = (terms, kwargs, ctx) =>
  terms.map((term) => {
    const value = ctx.variable(text(term));
    if (value === undefined) {
      if ('default' in kwargs) return kwargs['default'];
      throw new TemplateRuntimeError(`No variable found with this name: ${text(term)}`);
    }
    return value;
  });

export const fileglobLookup: LookupFn = (terms, _kwargs, ctx) =>
  terms.flatMap((term) => {
    const pattern = text(term);
    const dirs = path.isAbsolute(pattern) ? [path.dirname(pattern)] : ctx.searchPaths.flatMap((d) => [path.join(d, 'files', path.dirname(pattern)), path.join(d, path.dirname(pattern))]);
    const match = picomatch(path.basename(pattern), { dot: false });
    for (const dir of dirs) {
      let names: string[];
      try {
        names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && match(e.name)).map((e) => e.name).sort();
      } catch {
        continue;
      }
      if (names.length > 0) return names.map((n) => path.join(dir, n));
    }
    return [];
  });

/** first_found: the first existing file among terms (strings, lists, or {files, paths} dicts). */
export const firstFoundLookup: LookupFn = (terms, kwargs, ctx) => {
  const files: string[] = [];
  const paths: string[] = [];
  const addSpec = (spec: Record<string, unknown>): void => {
    const split = (v: unknown): string[] => (Array.isArray(plain(v)) ? (plain(v) as unknown[]).map(text) : text(v).split(/[,;]/)).filter(Boolean);
    if (spec['files'] !== undefined) files.push(...split(spec['files']));
    if (spec['paths'] !== undefined) paths.push(...split(spec['paths']));
  };
  for (const term of terms) {
    const v = plain(term);
    if (isPlainMapping(v)) addSpec(v);
    else if (Array.isArray(v)) for (const x of v) isPlainMapping(x) ? addSpec(x) : files.push(text(x));
    else files.push(text(v));
  }
  addSpec(kwargs);
  const candidates = paths.length > 0 ? files.flatMap((f) => paths.map((p) => path.join(p, f))) : files;
  for (const c of candidates) {
    const found = findFile(ctx, c, 'files');
    if (found) return [found];
  }
  if (pyTruthy(kwargs['skip'] ?? false)) return [];
  throw new TemplateRuntimeError('No file was found when using first_found.');
};

const CHARSETS: Record<string, string> = {
  ascii_letters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ascii_lowercase: 'abcdefghijklmnopqrstuvwxyz',
  ascii_uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  hexdigits: '0123456789abcdefABCDEF',
  octdigits: '01234567',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** Ansible's chars= parsing: comma-separated names of Python string constants or literal characters; ',,' is a comma. */
export function passwordCharacters(spec: string | undefined): string {
  const names = spec === undefined ? ['ascii_letters', 'digits', '.,:-_'] : [...(spec.includes(',,') ? [','] : []), ...spec.replace(/,,/g, ',').split(',').filter(Boolean)];
  const chars = names.map((c) => (Object.prototype.hasOwnProperty.call(CHARSETS, c) ? CHARSETS[c] : c)).join('');
  if (chars === '') throw new TemplateRuntimeError('password lookup: chars must not be empty');
  return chars;
}

/** password: reads the password from the file, creating it (0600, atomically) with a random one when missing. */
export const passwordLookup: LookupFn = (terms, kwargs, ctx) =>
  terms.map((term) => {
    const parts = text(term).split(/\s+/);
    const options: Record<string, string> = {};
    for (const p of parts.slice(1)) {
      const eq = p.indexOf('=');
      if (eq > 0) options[p.slice(0, eq)] = p.slice(eq + 1);
    }
    for (const [k, v] of Object.entries(kwargs)) options[k] = Array.isArray(plain(v)) ? (plain(v) as unknown[]).map(text).join(',') : text(v);
    const rel = parts[0] ?? '';
    const file = rel === '/dev/null' || path.isAbsolute(rel) ? rel : path.join(ctx.searchPaths[0] ?? process.cwd(), rel);
    if (file !== '/dev/null' && existsSync(file)) return readFileSync(file, 'utf8').split('\n')[0]?.split(' salt=')[0] ?? '';
    const length = Number(options['length'] ?? 20);
    const chars = passwordCharacters(options['chars']);
    const password = Array.from({ length }, () => chars[randomInt(chars.length)]).join('');
    if (file === '/dev/null') return password;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp${process.pid}`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, password + '\n');
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
    return password;
  });
