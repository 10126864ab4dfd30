import { isAlias, isNode, visit, type Document, type LineCounter } from 'yaml';

/** Converting a document whose aliases point into themselves would never end. */
export interface RecursiveAlias {
  name: string;
  line: number;
  column: number;
}

export const MAX_ALIAS_COUNT = 1000;

/** The first alias used inside the node it names (`a: &x [*x]`), if any. */
export function findRecursiveAlias(doc: Document, lines: LineCounter): RecursiveAlias | undefined {
  let found: RecursiveAlias | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      if (!isAlias(node)) return undefined;
      const inside = path.some((ancestor) => isNode(ancestor) && ancestor.anchor === node.source);
      if (inside) {
        const pos = lines.linePos(node.range?.[0] ?? 0);
        found = { name: node.source, line: pos.line, column: pos.col };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
