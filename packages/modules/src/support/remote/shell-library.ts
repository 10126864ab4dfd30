/**
 * Leading blanks and comment lines go: the script travels to the target and
 * is read there for every task. A line that continues a quoted string keeps
 * its blanks (the scan follows ' and " across lines).
 */
export function compactShell(text: string): string {
  let quote: "'" | '"' | null = null;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const inside = quote !== null;
    const stripped = inside ? line : line.trimStart();
    if (!inside && (stripped === '' || stripped.startsWith('#'))) continue;
    kept.push(stripped);
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote === "'") {
        if (ch === "'") quote = null;
      } else if (ch === '\\') i++;
      else if (quote === '"') {
        if (ch === '"') quote = null;
      } else if (ch === "'" || ch === '"') quote = ch;
    }
  }
  return kept.join('\n');
}

/**
 * A library of sh functions (`ts_name() { ... }`, each starting a line) that
 * hands a script only the definitions it calls, directly or through other
 * functions, compacted: the target's shell reads and parses less for every task.
 */
export class ShellLibrary {
  private readonly definitions = new Map<string, string>();
  private readonly calls = new Map<string, string[]>();
  /** Every host of a task sends the same body: worked out once. */
  private readonly recent = new Map<string, string>();

  constructor(source: string) {
    const starts = [...source.matchAll(/^(ts_[A-Za-z0-9_]+)\(\) *[{(]/gm)];
    starts.forEach((match, index) => {
      const end = starts[index + 1]?.index ?? source.length;
      this.definitions.set(match[1]!, compactShell(source.slice(match.index, end).trimEnd()));
    });
    for (const [name, text] of this.definitions) this.calls.set(name, this.namesIn(text.slice(name.length)));
  }

  /** The definitions `body` needs, in library order. */
  for(body: string): string {
    const known = this.recent.get(body);
    if (known !== undefined) return known;
    if (this.recent.size >= 64) this.recent.clear();
    const needed = new Set<string>();
    const visit = (name: string): void => {
      if (needed.has(name)) return;
      needed.add(name);
      for (const callee of this.calls.get(name) ?? []) visit(callee);
    };
    for (const name of this.namesIn(body)) visit(name);
    const text = [...this.definitions].filter(([name]) => needed.has(name)).map(([, definition]) => definition).join('\n');
    this.recent.set(body, text);
    return text;
  }

  private namesIn(text: string): string[] {
    return [...new Set(text.match(/\bts_[A-Za-z0-9_]+/g) ?? [])].filter((name) => this.definitions.has(name));
  }
}
