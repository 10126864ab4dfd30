import { stringify } from 'yaml';
import { PythonTuple, pythonStr } from '../text/python-format.js';
import type { Config } from './config.js';
import { envNames, SETTING_NAMES, settingDefinition, type SettingName } from './settings.js';

function printable(config: Config, name: SettingName): unknown {
  const value = config.get(name);
  // Ansible's own default for this one is a tuple, and dump shows it that way.
  if (settingDefinition(name).defaultIsTuple === true && config.origin(name) === 'default' && Array.isArray(value)) return new PythonTuple(value);
  return value;
}

/**
 * `ansible-config dump` lines: `NAME(origin) = value`, sorted, values as
 * Python prints them (True, None, ['a', 'b']), plus CONFIG_FILE().
 */
export function dumpConfig(config: Config, onlyChanged: boolean): string[] {
  const lines: Array<[string, string]> = [['CONFIG_FILE', `CONFIG_FILE() = ${config.file ?? 'None'}`]];
  for (const name of SETTING_NAMES) {
    const origin = config.origin(name);
    if (onlyChanged && origin === 'default') continue;
    lines.push([name, `${name}(${origin}) = ${pythonStr(printable(config, name))}`]);
  }
  return lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, line]) => line);
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
