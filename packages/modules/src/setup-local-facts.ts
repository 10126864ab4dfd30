import { parseIni } from '@tsible/engine/config/ini';
import { shellQuote } from '@tsible/engine/connection/quote';
import { pythonRepr } from '@tsible/engine/template/python/repr';

/**
 * Ansible's local facts: every `*.fact` file under fact_path, run when its
 * owner may execute it, read otherwise, parsed as JSON or else as INI, under
 * `ansible_local.<file name without .fact>`. The script part prints one
 * base64 line per piece, so file contents can never be taken for section
 * headers of the fact script.
 */
export function localFactsScript(factPath: string): string {
  return `
s local
lf_b64() { base64 | tr -d '\\n'; }
lf_dir=${shellQuote(factPath)}
if [ -e "$lf_dir" ]; then
  for f in "$lf_dir"/*.fact; do
    [ -e "$f" ] || [ -L "$f" ] || continue
    printf 'F %s\\n' "$(printf '%s' "$f" | lf_b64)"
    m=$(stat -L -c %a "$f" 2>/dev/null) || { echo S; continue; }
    case $m in
      *[1357]??)
        exec 4>&1
        e=$( { o=$("$f" </dev/null 2>&3 3>&- 4>&-; r=$?; printf .; exit $r); r=$?; printf 'X %s %s\\n' "$r" "$(printf '%s' "\${o%.}" | lf_b64)" >&4; } 3>&1; printf . )
        exec 4>&-
        printf 'E %s\\n' "$(printf '%s' "\${e%.}" | lf_b64)" ;;
      *) printf 'R %s\\n' "$(cat "$f" 2>/dev/null | lf_b64)" ;;
    esac
  done
fi
`;
}

export interface LocalFacts {
  /** Undefined when a file broke the collection as a whole (Ansible then reports no ansible_local). */
  local: Record<string, unknown> | undefined;
  warnings: string[];
}

interface FactFile {
  path: string;
  statFailed?: boolean;
  rc?: number;
  out?: Buffer;
  err?: Buffer;
  content?: Buffer;
}

function fromBase64(text: string | undefined): Buffer {
  return Buffer.from(text ?? '', 'base64');
}

function readFactFiles(lines: readonly string[]): FactFile[] {
  const files: FactFile[] = [];
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    const file = files[files.length - 1];
    if (kind === 'F') files.push({ path: fromBase64(a).toString('utf8') });
    else if (file === undefined) continue;
    else if (kind === 'S') file.statFailed = true;
    else if (kind === 'X') Object.assign(file, { rc: Number(a), out: fromBase64(b) });
    else if (kind === 'E') file.err = fromBase64(a);
    else if (kind === 'R') file.content = fromBase64(a);
  }
  return files;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The facts from the script's `local` section, with the warnings Ansible gives for the files it could not use. */
export function parseLocalFacts(lines: readonly string[]): LocalFacts {
  try {
    return collectLocalFacts(lines);
  } catch {
    return { local: undefined, warnings: [] };
  }
}

function collectLocalFacts(lines: readonly string[]): { local: Record<string, unknown>; warnings: string[] } {
  const local: Record<string, unknown> = {};
  const warnings: string[] = [];
  const files = readFactFiles(lines);
  for (const file of files) {
    const base = basename(file.path).split('.fact').join('');
    const failed = failure(file);
    if (failed !== undefined) {
      local[base] = failed;
      warnings.push(failed);
      continue;
    }
    // A plain file is read as Python's get_file_content does: stripped, and empty when unreadable as text.
    const text = file.content !== undefined ? (decode(file.content) ?? '').trim() : decode(file.out ?? Buffer.alloc(0));
    if (text === undefined) {
      const message = `error loading fact - output of running "${file.path}" was not utf-8`;
      local[base] = message;
      warnings.push(message);
      continue;
    }
    const { fact, warning } = parseFact(text, file.path);
    if (warning !== undefined) warnings.push(warning);
    local[base] = fact;
  }
  return { local, warnings };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function failure(file: FactFile): string | undefined {
  if (file.statFailed === true) return `Could not stat fact (${file.path}): [Errno 2] No such file or directory: ${pythonRepr(file.path)}`;
  if (file.rc !== undefined && file.rc !== 0) return `Failure executing fact script (${file.path}), rc: ${file.rc}, err: ${(file.err ?? Buffer.alloc(0)).toString('utf8')}`;
  return undefined;
}

/** JSON first, else INI as Python's ConfigParser reads it (sections of strings, DEFAULT in each, %-interpolation that throws). */
function parseFact(text: string, path: string): { fact: unknown; warning?: string } {
  try {
    return { fact: JSON.parse(text) as unknown };
  } catch {
    // not JSON: INI below
  }
  let doc;
  try {
    doc = parseIni(text, path, { inlineComments: false });
  } catch {
    const message = `error loading facts as JSON or ini - please check content: ${path}`;
    return { fact: message, warning: message };
  }
  // An interpolation error escapes Ansible's handlers and drops the whole local fact collection (the caller's catch).
  const fact: Record<string, Record<string, string>> = {};
  for (const [section, entries] of doc.sections) {
    const raw = new Map([...doc.defaults, ...entries].map(([key, entry]) => [key, entry.value]));
    fact[section] = Object.fromEntries([...raw].map(([key, value]) => [key, interpolate(value, raw, key, section)]));
  }
  return { fact };
}

const MAX_DEPTH = 10;

/** configparser's BasicInterpolation: `%%` is `%`, `%(name)s` another option of the section. */
export function interpolate(value: string, options: ReadonlyMap<string, string>, option: string, section: string, depth = 1): string {
  if (depth > MAX_DEPTH) throw new Error(`Recursion limit exceeded in value substitution: option ${pythonRepr(option)} in section ${pythonRepr(section)} contains an interpolation key which cannot be substituted in ${MAX_DEPTH} steps. Raw value: ${pythonRepr(value)}`);
  let out = '';
  let rest = value;
  while (rest !== '') {
    const p = rest.indexOf('%');
    if (p < 0) return out + rest;
    out += rest.slice(0, p);
    rest = rest.slice(p);
    const next = rest.charAt(1);
    if (next === '%') {
      out += '%';
      rest = rest.slice(2);
    } else if (next === '(') {
      const m = /^%\(([^)]+)\)s/.exec(rest);
      if (m === null) throw new Error(`bad interpolation variable reference ${pythonRepr(rest)}`);
      const name = m[1]!.toLowerCase();
      rest = rest.slice(m[0].length);
      const replacement = options.get(name);
      if (replacement === undefined) {
        throw new Error(`Bad value substitution: option ${pythonRepr(option)} in section ${pythonRepr(section)} contains an interpolation key ${pythonRepr(name)} which is not a valid option name. Raw value: ${pythonRepr(value)}`);
      }
      out += replacement.includes('%') ? interpolate(replacement, options, option, section, depth + 1) : replacement;
    } else {
      throw new Error(`'%' must be followed by '%' or '(', found: ${pythonRepr(rest)}`);
    }
  }
  return out;
}
