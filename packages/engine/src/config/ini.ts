import { ExitCode, TsibleError } from '../errors/tsible-error.js';

/** One `key = value` of an ini file and the line it starts on. */
export interface IniEntry {
  value: string;
  line: number;
}

/** Sections as Python's configparser sees them; `DEFAULT` feeds every section. */
export class IniDocument {
  constructor(
    readonly file: string,
    readonly sections: ReadonlyMap<string, ReadonlyMap<string, IniEntry>>,
    readonly defaults: ReadonlyMap<string, IniEntry>,
  ) {}

  /** configparser's get(section, key): only existing sections, with DEFAULT as fallback. */
  get(section: string, key: string): IniEntry | undefined {
    const entries = this.sections.get(section);
    if (entries === undefined) return undefined;
    return entries.get(key) ?? this.defaults.get(key);
  }
}

const SECTION = /^\[(.+)\]/;
const OPTION = /^(.*?)\s*([=:])\s*(.*)$/;

function configError(file: string, line: number, message: string): TsibleError {
  return new TsibleError(`Error reading config file: ${message}`, {
    code: 'TSIBLE_CONFIG_SYNTAX',
    location: { file, line, column: 1 },
    exitCode: ExitCode.badOptions,
  });
}

/** Where a comment starts on the line, or -1: `;` counts mid-line only after whitespace (when inline comments are on). */
function commentStart(line: string, inlineComments: boolean): number {
  const trimmed = line.trim();
  if (trimmed.startsWith('#') || trimmed.startsWith(';')) return 0;
  if (!inlineComments) return -1;
  for (let i = line.indexOf(';'); i !== -1; i = line.indexOf(';', i + 1)) {
    if (i === 0 || /\s/.test(line.charAt(i - 1))) return i;
  }
  return -1;
}

interface OpenOption {
  lines: string[];
  line: number;
}

/**
 * Reads ansible.cfg exactly as Ansible's configparser does: `=` or `:`,
 * keys lower-cased, `#`/`;` comment lines, inline comments only with `;`
 * after whitespace (`#` mid-line is part of the value; a plain
 * ConfigParser, `inlineComments: false`, has none), indented lines
 * continue the value, duplicate sections/keys are errors.
 */
export function parseIni(text: string, file: string, options: { inlineComments?: boolean } = {}): IniDocument {
  const inlineComments = options.inlineComments ?? true;
  const sections = new Map<string, Map<string, OpenOption>>();
  const defaults = new Map<string, OpenOption>();
  let current: Map<string, OpenOption> | undefined;
  let currentName = '';
  let option: OpenOption | undefined;
  let indentLevel = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    const trimmed = raw.trim();
    const comment = commentStart(raw, inlineComments);
    const value = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (value === '') {
      // A truly blank line may sit inside a multi-line value; comments are dropped.
      if (comment === -1 && option !== undefined) option.lines.push('');
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    if (option !== undefined && current !== undefined && indent > indentLevel) {
      option.lines.push(value);
      continue;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1] as string;
      if (name === 'DEFAULT') {
        current = defaults;
      } else {
        if (sections.has(name)) throw configError(file, lineNo, `section '${name}' already exists`);
        current = new Map();
        sections.set(name, current);
      }
      currentName = name;
      option = undefined;
      continue;
    }
    if (current === undefined) throw configError(file, lineNo, `file contains no section headers (line: '${trimmed}')`);
    const m = OPTION.exec(value);
    const key = m ? (m[1] as string).trimEnd().toLowerCase() : '';
    if (!m || key === '') throw configError(file, lineNo, `cannot parse line: '${trimmed}' (expected key = value)`);
    if (current.has(key)) throw configError(file, lineNo, `option '${key}' in section '${currentName}' already exists`);
    option = { lines: [m[3] as string], line: lineNo };
    current.set(key, option);
  }
  const close = (entries: Map<string, OpenOption>): Map<string, IniEntry> =>
    new Map([...entries].map(([k, o]) => [k, { value: o.lines.join('\n').trimEnd(), line: o.line }]));
  return new IniDocument(file, new Map([...sections].map(([name, entries]) => [name, close(entries)])), close(defaults));
}
