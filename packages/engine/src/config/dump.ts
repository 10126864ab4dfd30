import { stringify } from 'yaml';
import { PythonTuple } from '../text/python-format.js';
import { pythonStr } from '../template/python/repr.js';
import type { Config } from './config.js';
import { envNames, SETTING_NAMES, settingDefinition, type SettingName } from './settings.js';

function printable(config: Config, name: SettingName): unknown {
  const value = config.get(name);
  // Ansible's own default for this one is a tuple, and dump shows it that way.
  if (settingDefinition(name).defaultIsTuple === true && config.origin(name) === 'default' && Array.isArray(value)) return new PythonTuple(value);
  return value;
}

/** One row of `ansible-config dump --format json|yaml`. */
export interface DumpEntry {
  name: string;
  origin: string;
  /** ansible-config always prints null here; kept for the same shape. */
  type: null;
  value: unknown;
}

/** The settings to show, sorted by name, with CONFIG_FILE among them as Ansible lists it. */
export function dumpEntries(config: Config, onlyChanged: boolean): DumpEntry[] {
  const entries: DumpEntry[] = [{ name: 'CONFIG_FILE', origin: '', type: null, value: config.file ?? null }];
  for (const name of SETTING_NAMES) {
    const origin = config.origin(name);
    if (onlyChanged && origin === 'default') continue;
    entries.push({ name, origin, type: null, value: printable(config, name) });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `ansible-config dump` lines: `NAME(origin) = value`, values as Python
 * prints them (True, None, ['a', 'b']).
 */
export function dumpConfig(config: Config, onlyChanged: boolean): string[] {
  return dumpEntries(config, onlyChanged).map((e) => `${e.name}(${e.origin}) = ${pythonStr(e.value)}`);
}

export type DumpFormat = 'display' | 'json' | 'yaml';

/** The whole dump as text in one of ansible-config's formats. */
export function formatDump(config: Config, onlyChanged: boolean, format: DumpFormat): string {
  if (format === 'display') return dumpConfig(config, onlyChanged).map((line) => `${line}\n`).join('');
  // Tuples are lists in JSON and YAML.
  const plain = dumpEntries(config, onlyChanged).map((e) => ({ ...e, value: e.value instanceof PythonTuple ? [...e.value.items] : e.value }));
  return format === 'json' ? `${JSON.stringify(plain, null, 4)}\n` : stringify(plain, { indentSeq: false, lineWidth: 0 });
}

/** `config list`: every setting's definition, as YAML. */
export function listSettings(): string {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const def = settingDefinition(name);
    const entry: Record<string, unknown> = { type: def.type, default: def.default, description: def.help };
    const env = envNames(def);
    if (env.length > 0) entry['env'] = env.map((n) => ({ name: n }));
    if (def.ini !== undefined) entry['ini'] = def.ini.map(([section, key]) => ({ key, section }));
    if (def.choices !== undefined) entry['choices'] = [...def.choices];
    if (def.ignored !== undefined) entry['ignored'] = def.ignored;
    out[name] = entry;
  }
  return stringify(out, { lineWidth: 0, indentSeq: false });
}
