/**
 * One-line apt sources (sources.list and sources.list.d/*.list) as Ansible's
 * apt_repository reads, edits and writes them: every line is kept as
 * (enabled, source, comment) and written back in Ansible's normal form.
 */

const SOURCE_TYPES = ['deb', 'deb-src'];

export interface SourceLine {
  valid: boolean;
  enabled: boolean;
  source: string;
  comment: string;
}

/** path → lines; a file without lines is deleted when saved. */
export type SourcesFiles = Map<string, SourceLine[]>;

/** Ansible's _parse: a leading '#' disables, a later '#' starts a comment, `deb`/`deb-src` lines are valid. */
export function parseLine(raw: string): SourceLine {
  let line = raw.trim();
  let enabled = true;
  let comment = '';
  if (line.startsWith('#')) {
    enabled = false;
    line = line.slice(1);
  }
  const hash = line.indexOf('#');
  if (hash > 0) {
    comment = line.slice(hash + 1).trim();
    line = line.slice(0, hash);
  }
  let source = line.trim();
  let valid = false;
  if (source !== '') {
    const chunks = source.split(/\s+/);
    if (SOURCE_TYPES.includes(chunks[0] ?? '')) {
      valid = true;
      source = chunks.join(' ');
    }
  }
  return { valid, enabled, source, comment };
}

export function parseFile(content: string): SourceLine[] {
  return (content.match(/[^\n]*\n|[^\n]+$/g) ?? []).map(parseLine);
}

/** A file's lines as Ansible writes them. */
export function dumpLines(lines: readonly SourceLine[]): string {
  return lines.map((l) => `${l.enabled ? '' : '# '}${l.source}${l.comment !== '' ? ` # ${l.comment}` : ''}\n`).join('');
}

/** Ansible's _suggest_filename: the repository's host and path, options and scheme dropped, as a word. */
export function suggestedFilename(source: string, filename: string | null): string {
  const line = source.replace(/\[[^\]]+\]/g, '').replace(/\w+:\/\//g, '');
  const parts = line.split(/\s+/).filter((p) => p !== '' && !SOURCE_TYPES.includes(p));
  let first = parts[0] ?? '';
  if (first.includes('@')) first = first.slice(first.indexOf('@') + 1);
  const word = filename ?? first.replace(/[^a-zA-Z0-9]/g, ' ').split(/\s+/).filter((w) => w !== '').join('_');
  return `${word}.list`;
}

/** Ansible's _expand_path: a bare name lands in sources.list.d. */
export function expandedPath(filename: string, partsDir: string): string {
  return filename.includes('/') ? filename : `${partsDir}/${filename}`;
}

/** Ansible's add: an existing line of the same source is enabled; otherwise the source is appended to `file`. Returns the file a line was appended to. */
export function addSource(files: SourcesFiles, source: string, file: string): string | undefined {
  let found = false;
  for (const lines of files.values()) {
    lines.forEach((l, i) => {
      if (l.valid && l.source === source) {
        lines[i] = { ...l, enabled: true };
        found = true;
      }
    });
  }
  if (found) return undefined;
  const lines = files.get(file) ?? [];
  lines.push({ valid: true, enabled: true, source, comment: '' });
  files.set(file, lines);
  return file;
}

/** Ansible's remove: enabled lines of the source go. */
export function removeSource(files: SourcesFiles, source: string): void {
  for (const [path, lines] of files) files.set(path, lines.filter((l) => !(l.valid && l.enabled && l.source === source)));
}

/** Each file with lines, as written; files left without lines are absent from the result. */
export function dumpFiles(files: SourcesFiles): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, lines] of files) if (lines.length > 0) out.set(path, dumpLines(lines));
  return out;
}

export function cloneFiles(files: SourcesFiles): SourcesFiles {
  return new Map([...files].map(([path, lines]) => [path, lines.map((l) => ({ ...l }))]));
}
