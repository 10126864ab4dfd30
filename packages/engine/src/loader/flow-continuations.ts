/**
 * libyaml (Ansible's parser) does not care how far the continuation lines of
 * a multi-line quoted scalar or flow collection are indented:
 *
 *     a:
 *       msg: "first part
 *     second part"
 *
 * loads in Ansible, while the YAML library tsible builds on wants those lines
 * indented past their parent. Their indentation never changes the value (it
 * folds to one space), so when a document fails to parse, tsible indents such
 * lines just enough and tries once more. Line numbers stay the same.
 */

type Open = { kind: 'flow' | '"' | "'"; indent: number };

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Where the line's innermost block node starts: past indentation and `- ` entries. */
function contentIndentOf(line: string): number {
  let n = indentOf(line);
  while (line.charAt(n) === '-' && line.charAt(n + 1) === ' ') {
    n += 2;
    while (line.charCodeAt(n) === 32) n++;
  }
  return n;
}

/** Can a node start right after `prev` (line start, space, or a flow indicator)? */
function atNodeStart(prev: string): boolean {
  return prev === '' || prev === ' ' || prev === '\t' || prev === '[' || prev === '{' || prev === ',';
}

/** The re-indented text, or undefined when no line needed it. */
export function reindentFlowContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  const stack: Open[] = [];
  let changed = false;
  let blockScalarIndent = -1;
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n] as string;
    const indent = indentOf(line);
    if (stack.length > 0) {
      const need = (stack[0] as Open).indent + 1;
      if (indent < need && line.trim() !== '' && !DOCUMENT_MARKER.test(line)) {
        line = ' '.repeat(need - indent) + line;
        lines[n] = line;
        changed = true;
      }
    } else if (blockScalarIndent >= 0) {
      // Inside a block scalar: its text is never YAML syntax.
      if (line.trim() === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    for (let i = stack.length > 0 ? 0 : indent; i < line.length; i++) {
      const c = line.charAt(i);
      const top = stack[stack.length - 1];
      if (top?.kind === '"') {
        if (c === '\\') i++;
        else if (c === '"') stack.pop();
        continue;
      }
      if (top?.kind === "'") {
        if (c === "'" && line.charAt(i + 1) === "'") i++;
        else if (c === "'") stack.pop();
        continue;
      }
      const prev = i === 0 ? '' : line.charAt(i - 1);
      if (c === '#' && (prev === '' || prev === ' ' || prev === '\t')) break;
      const parent = stack[0]?.indent ?? contentIndentOf(line);
      if ((c === '"' || c === "'") && atNodeStart(prev)) stack.push({ kind: c, indent: parent });
      else if ((c === '[' || c === '{') && (top !== undefined || atNodeStart(prev))) stack.push({ kind: 'flow', indent: parent });
      else if ((c === ']' || c === '}') && top?.kind === 'flow') stack.pop();
      else if (top === undefined && (c === '|' || c === '>') && atNodeStart(prev) && /^[|>][-+0-9]*\s*(?:#.*)?$/.test(line.slice(i))) {
        blockScalarIndent = indent;
        break;
      }
    }
  }
  return changed ? lines.join('\n') : undefined;
}
