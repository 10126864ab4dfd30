import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname } from 'node:path';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import type { SourceLocation } from '../errors/source-location.js';
import { Emitter, type EventSink } from '../output/events.js';
import { coerceSetting, SettingValueError, type PathContext } from './coerce.js';
import { ANSIBLE_INI_KEYS } from './ansible-known-settings.js';
import { findConfigFile } from './find-config-file.js';
import { parseIni, type IniDocument } from './ini.js';
import { envNames, SETTING_NAMES, SETTINGS, settingDefinition, type SettingDefinition, type SettingName, type SettingValue } from './settings.js';

/** 'default', 'cli', 'env: ANSIBLE_FORKS' or the config file's path. */
export type SettingOrigin = string;

export type ConfigOverrides = { [N in SettingName]?: SettingValue<N> };

export interface LoadConfigOptions {
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  home?: string;
  /** Values from command-line flags; they win over everything else. */
  overrides?: ConfigOverrides;
  sink?: EventSink;
  /** Stands in for /etc/ansible/ansible.cfg (tests). */
  systemFile?: string;
}

interface Resolved {
  value: unknown;
  origin: SettingOrigin;
  /** Where in the config file the value was written, when it came from there. */
  location?: SourceLocation;
}

/** Settings after defaults, config file, environment and CLI flags, in that order. */
export class Config {
  constructor(
    private readonly resolved: ReadonlyMap<SettingName, Resolved>,
    /** The config file in use, if any. */
    readonly file: string | undefined,
  ) {}

  get<N extends SettingName>(name: N): SettingValue<N> {
    return this.resolved.get(name)?.value as SettingValue<N>;
  }

  origin(name: SettingName): SettingOrigin {
    return this.resolved.get(name)?.origin ?? 'default';
  }

  /** The config file line a value came from (for errors about it), if it came from the file. */
  location(name: SettingName): SourceLocation | undefined {
    return this.resolved.get(name)?.location;
  }

  names(): SettingName[] {
    return [...SETTING_NAMES];
  }
}

function badValue(name: SettingName, origin: string, reason: string, location: SourceLocation | undefined): TsibleError {
  return new TsibleError(`Invalid type for configuration option setting: ${name} (from ${origin}): ${reason}`, {
    code: 'TSIBLE_CONFIG_VALUE',
    location,
    exitCode: ExitCode.badOptions,
  });
}

/** Ansible's order between sources: the last entry present wins. */
function lastPresent<T>(items: readonly T[], pick: (item: T) => Resolved & { line?: number } | undefined): (Resolved & { line?: number }) | undefined {
  let found: (Resolved & { line?: number }) | undefined;
  for (const item of items) found = pick(item) ?? found;
  return found;
}

class SettingResolver {
  private readonly values = new Map<SettingName, Resolved>();

  constructor(
    private readonly options: Required<Pick<LoadConfigOptions, 'cwd' | 'env' | 'home'>> & LoadConfigOptions,
    private readonly ini: IniDocument | undefined,
  ) {}

  resolveAll(): Map<SettingName, Resolved> {
    // ANSIBLE_HOME first: other defaults are built from it.
    this.resolve('ANSIBLE_HOME');
    for (const name of SETTING_NAMES) if (!this.values.has(name)) this.resolve(name);
    return this.values;
  }

  private resolve(name: SettingName): void {
    const def: SettingDefinition = SETTINGS[name];
    const override = this.options.overrides?.[name];
    if (override !== undefined) {
      this.values.set(name, { value: override, origin: 'cli' });
      return;
    }
    const env = this.options.env;
    const fromEnv = lastPresent(envNames(def), (variable) => {
      const value = env[variable];
      return value === undefined ? undefined : { value, origin: `env: ${variable}` };
    });
    const ini = this.ini;
    const fromFile =
      ini === undefined
        ? undefined
        : lastPresent(def.ini ?? [], ([section, key]) => {
            const entry = ini.get(section, key);
            return entry === undefined ? undefined : { value: entry.value, origin: ini.file, line: entry.line };
          });
    const raw = fromEnv ?? fromFile ?? { value: this.expandDefault(def.default), origin: 'default' };
    const location = raw === fromFile && fromFile?.line !== undefined ? { file: ini?.file ?? '', line: fromFile.line, column: 1 } : undefined;
    const ctx: PathContext = {
      baseDir: raw === fromFile && ini !== undefined ? dirname(ini.file) : this.options.cwd,
      cwd: this.options.cwd,
      home: this.options.home,
      env,
    };
    let value: unknown;
    try {
      value = coerceSetting(raw.value, def.type, ctx);
    } catch (err) {
      if (err instanceof SettingValueError) throw badValue(name, raw.origin, err.message, location);
      throw err;
    }
    if (def.choices !== undefined && typeof value === 'string' && !def.choices.includes(value)) {
      throw new TsibleError(`Invalid value "${value}" for configuration option "${name}" (from ${raw.origin}), valid values are: ${def.choices.join(', ')}`, {
        code: 'TSIBLE_CONFIG_VALUE',
        location,
        exitCode: ExitCode.badOptions,
      });
    }
    this.values.set(name, location === undefined ? { value, origin: raw.origin } : { value, origin: raw.origin, location });
  }

  private expandDefault(value: SettingDefinition['default']): unknown {
    if (typeof value !== 'string' || !value.includes('{{ANSIBLE_HOME}}')) return value;
    return value.split('{{ANSIBLE_HOME}}').join(String(this.values.get('ANSIBLE_HOME')?.value ?? '~/.ansible'));
  }
}

/**
 * Keys that match no tsible setting: quietly ignored (debug) when Ansible
 * knows them, a warning with file:line when nothing does (likely a typo).
 * Sections neither knows (e.g. per-plugin ones) are left alone.
 */
function reportUnusedKeys(ini: IniDocument, sink: EventSink | undefined): void {
  if (sink === undefined) return;
  const ours = new Set<string>();
  for (const name of SETTING_NAMES) for (const [section, key] of settingDefinition(name).ini ?? []) ours.add(`${section}.${key}`);
  const knownSections = new Set([...ours, ...ANSIBLE_INI_KEYS].map((k) => k.slice(0, k.indexOf('.'))));
  const events = new Emitter(sink);
  for (const [section, entries] of ini.sections) {
    if (!knownSections.has(section)) continue;
    for (const [key, entry] of entries) {
      const id = `${section}.${key}`;
      if (ours.has(id)) continue;
      const data = { file: ini.file, line: entry.line, section, key };
      if (ANSIBLE_INI_KEYS.has(id)) {
        events.debug('config.unused_key', `${ini.file}:${entry.line}: '${key}' in [${section}] is an Ansible setting tsible does not use; ignored`, data);
      } else {
        events.warn('config.unknown_key', `${ini.file}:${entry.line}: unknown setting '${key}' in [${section}], ignored`, data);
      }
    }
  }
}

async function readConfigFile(path: string): Promise<IniDocument> {
  const ext = extname(path);
  if (ext !== '.cfg' && ext !== '.ini') {
    throw new TsibleError(`Unsupported configuration file extension for ${path}: ${ext || '(none)'}`, {
      code: 'TSIBLE_CONFIG_FILE',
      exitCode: ExitCode.badOptions,
    });
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new TsibleError(`Error reading config file ${path}: ${err instanceof Error ? err.message : String(err)}`, {
      code: 'TSIBLE_CONFIG_FILE',
      exitCode: ExitCode.badOptions,
      cause: err,
    });
  }
  return parseIni(text, path);
}

/**
 * Loads settings like Ansible: built-in defaults < the one config file found
 * < environment variables < command-line overrides. Every value is checked
 * up front, so a bad value fails before anything runs.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const home = options.home ?? env['HOME'] ?? homedir();
  const search = { cwd, env, home, ...(options.sink ? { sink: options.sink } : {}), ...(options.systemFile ? { systemFile: options.systemFile } : {}) };
  const file = findConfigFile(search);
  const ini = file === undefined ? undefined : await readConfigFile(file);
  if (ini !== undefined) reportUnusedKeys(ini, options.sink);
  const resolved = new SettingResolver({ ...options, cwd, env, home }, ini).resolveAll();
  if (options.sink !== undefined) {
    const events = new Emitter(options.sink);
    for (const [name, { origin }] of resolved) {
      const ignored = settingDefinition(name).ignored;
      if (origin !== 'default' && ignored !== undefined) events.debug('config.ignored', `${name} is accepted but has no effect: ${ignored}`, { name });
    }
  }
  return new Config(resolved, file);
}
