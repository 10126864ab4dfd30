import { parseAllDocuments, parse as parseYaml } from 'yaml';
import type { FilterDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { pythonJsonDumps } from '../python/json-dumps.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { pythonYamlDump } from '../python/yaml-dump.js';
import { arg } from '../call-args.js';

function fromYaml(text: string): unknown {
  try {
    return parseYaml(text, { version: '1.1' }) ?? null;
  } catch (err) {
    throw new TemplateRuntimeError(`from_yaml: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export const serializeFilters: Record<string, FilterDef> = {
  to_json: {
    fn: (v, _args, kw) => pythonJsonDumps(v, {
      indent: kw['indent'] === undefined ? null : Number(plain(kw['indent'])),
      sortKeys: pyTruthy(kw['sort_keys'] ?? false),
      ensureAscii: pyTruthy(kw['ensure_ascii'] ?? true),
    }),
  },
  to_nice_json: {
    fn: (v, args, kw) => pythonJsonDumps(v, {
      indent: Number(arg(args, kw, 0, 'indent', 4)),
      sortKeys: pyTruthy(arg(args, kw, 1, 'sort_keys', true)),
      separators: [',', ': '],
      ensureAscii: pyTruthy(kw['ensure_ascii'] ?? true),
    }),
  },
  from_json: {
    fn: (v) => {
      try {
        return JSON.parse(pythonStr(plain(v))) as unknown;
      } catch (err) {
        throw new TemplateRuntimeError(`from_json: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  },
  to_yaml: {
    fn: (v, _args, kw) => pythonYamlDump(v, {
      indent: kw['indent'] === undefined ? 2 : Number(plain(kw['indent'])),
      defaultFlowStyle: kw['default_flow_style'] === undefined ? null : (plain(kw['default_flow_style']) as boolean | null),
    }),
  },
  to_nice_yaml: { fn: (v, args, kw) => pythonYamlDump(v, { indent: Number(arg(args, kw, 0, 'indent', 4)), defaultFlowStyle: false }) },
  from_yaml: { fn: (v) => (typeof plain(v) === 'string' ? fromYaml(pythonStr(plain(v))) : v) },
  from_yaml_all: { fn: (v) => parseAllDocuments(pythonStr(plain(v)), { version: '1.1' }).map((d) => ('toJS' in d ? d.toJS() : null) as unknown) },
};
