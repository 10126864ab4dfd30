import type { FilterDef } from '../jinja/environment.js';
import { plain } from '../python/compare.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { pythonJsonDumps } from '../python/json-dumps.js';
import { arg } from '../call-args.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };

/** markupsafe.escape: what Jinja's escape/e filter returns. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** urllib.parse.quote with Jinja's safe set ('/' kept in strings). */
export function urlQuote(s: string, safe: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9_.\-~]/.test(c) || safe.includes(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Jinja's tojson: sorted keys and HTML-safe escapes for < > & '. */
function toJsonHtmlSafe(value: unknown, indent: unknown): string {
  return pythonJsonDumps(value, { sortKeys: true, indent: indent === null || indent === undefined ? null : Number(indent) })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/'/g, '\\u0027');
}

/** HTML/URL helpers Jinja ships (autoescape is off in Ansible, so safe is a no-op). */
export const markupFilters: Record<string, FilterDef> = {
  escape: { fn: (v) => htmlEscape(pythonStr(plain(v))) },
  e: { fn: (v) => htmlEscape(pythonStr(plain(v))) },
  forceescape: { fn: (v) => htmlEscape(pythonStr(plain(v))) },
  safe: { fn: (v) => v },
  striptags: { fn: (v) => pythonStr(plain(v)).replace(/<!--[\s\S]*?-->|<[^>]*>/g, '').replace(/\s+/g, ' ').trim() },
  urlencode: {
    fn: (v) => {
      const value = plain(v);
      if (typeof value === 'string') return urlQuote(value, '/');
      const pairs = isPlainMapping(value) ? Object.entries(value) : Array.isArray(value) ? value.map((p) => p as [unknown, unknown]) : [];
      // Query strings quote spaces as '+' (Jinja's for_qs).
      const qs = (x: unknown): string => urlQuote(pythonStr(plain(x)), '').replace(/%20/g, '+');
      return pairs.map(([k, x]) => `${qs(k)}=${qs(x)}`).join('&');
    },
  },
  urldecode: { fn: (v) => decodeURIComponent(pythonStr(plain(v)).replace(/\+/g, ' ')) },
  tojson: { fn: (v, args, kw) => toJsonHtmlSafe(v, arg(args, kw, 0, 'indent', null)) },
  xmlattr: {
    fn: (v, args, kw) => {
      const autospace = arg(args, kw, 0, 'autospace', true) !== false;
      const parts = isPlainMapping(v)
        ? Object.entries(v).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => `${htmlEscape(k)}="${htmlEscape(pythonStr(plain(x)))}"`)
        : [];
      const joined = parts.join(' ');
      return autospace && joined !== '' ? ' ' + joined : joined;
    },
  },
};
