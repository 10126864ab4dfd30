import type { FilterDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';

/** Python's urllib.parse.urlsplit, as Ansible's urlsplit filter returns it. */
export function urlsplit(url: string): Record<string, unknown> {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(url);
  const [, scheme = '', netloc = '', pathPart = '', query = '', fragment = ''] = m ?? [];
  const at = netloc.lastIndexOf('@');
  const userinfo = at >= 0 ? netloc.slice(0, at) : null;
  const hostport = at >= 0 ? netloc.slice(at + 1) : netloc;
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostport);
  const host = hp?.[1] ?? '';
  const colon = userinfo === null ? -1 : userinfo.indexOf(':');
  return {
    fragment,
    hostname: host === '' ? null : host.replace(/^\[|\]$/g, '').toLowerCase(),
    netloc,
    password: userinfo === null || colon < 0 ? null : userinfo.slice(colon + 1),
    path: pathPart,
    port: hp?.[2] ? Number(hp[2]) : null,
    query,
    scheme: scheme.toLowerCase(),
    username: userinfo === null ? null : colon < 0 ? userinfo : userinfo.slice(0, colon),
  };
}

export const urlFilters: Record<string, FilterDef> = {
  urlsplit: {
    fn: (v, [query]) => {
      const parts = urlsplit(pythonStr(plain(v)));
      if (query === undefined || query === '') return parts;
      const key = pythonStr(plain(query));
      if (!(key in parts)) throw new TemplateRuntimeError(`urlsplit: unknown URL component: ${key}`);
      return parts[key];
    },
  },
};
