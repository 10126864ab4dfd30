/**
 * PyYAML gives up (RecursionError) at about 500 nested collections; the YAML
 * library tsible uses would run out of stack a little later, which can leave
 * the JS engine in a bad state. So tsible refuses anything nested deeper than
 * this before parsing.
 */
export const MAX_YAML_NESTING = 400;

/**
 * A cheap upper estimate of how deeply a YAML text nests collections: block
 * indentation levels, compact `- - x` entries and open flow brackets.
 * Returns the offset where the limit is first exceeded, or -1.
 */
export function findExcessiveNesting(text: string, limit: number = MAX_YAML_NESTING): number {
  if (text.length <= limit) return -1;
  const indents: number[] = [];
  let flow = 0;
  let pos = 0;
  const length = text.length;
  while (pos < length) {
    let indent = 0;
    while (text.charCodeAt(pos + indent) === 32) indent++;
    let at = pos + indent;
    while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
    indents.push(indent);
    let compact = 0;
    // `- - - x` nests one sequence per dash on the same line.
    while ((text.charCodeAt(at) === 45 || text.charCodeAt(at) === 63) && (text.charCodeAt(at + 1) === 32 || text.charCodeAt(at + 1) === 9)) {
      compact++;
      at += 2;
      while (text.charCodeAt(at) === 32) at++;
    }
    let end = text.indexOf('\n', at);
    if (end === -1) end = length;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 || c === 123) {
        flow++;
        if (indents.length + compact + flow > limit) return i;
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow--;
      }
    }
    if (indents.length + compact + flow > limit) return at;
    pos = end + 1;
  }
  return -1;
}
