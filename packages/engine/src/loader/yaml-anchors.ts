import type { Alias, Node } from 'yaml';
import { isAlias, isMap, isSeq } from './yaml-library.js';
import { loadError } from './load-error.js';
import type { SourceText } from './locations.js';

export function startOf(node: Node): number {
  return node.range?.[0] ?? 0;
}

/** Where a node starts including its `&anchor`, as PyYAML marks it. */
export function anchorOffset(node: Node, source: SourceText): number {
  const start = startOf(node);
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor === undefined) return start;
  const at = source.lastIndexOf(`&${anchor}`, start);
  return at === -1 ? start : at;
}

/**
 * Resolves every alias to its anchored node in text order, as PyYAML's
 * composer does, so the order in which values are later built cannot change
 * what an alias means. Undefined aliases and reused anchor names are errors,
 * as in PyYAML.
 */
export function bindAliases(root: Node, source: SourceText): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  const anchors = new Map<string, Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) throw loadError('TSIBLE_YAML_VALUE', `found undefined alias '${node.source}'`, source, startOf(node));
      targets.set(node, target);
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) {
      const first = anchors.get(anchor);
      if (first !== undefined) {
        const line = source.locate(anchorOffset(first, source)).line;
        throw loadError('TSIBLE_YAML_VALUE', `found duplicate anchor '${anchor}' (first occurrence on line ${line})`, source, anchorOffset(node, source));
      }
      anchors.set(anchor, node);
    }
    // Push children in reverse so they pop in text order.
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (pair === undefined) continue;
        if (pair.value !== null && pair.value !== undefined) stack.push(pair.value as Node);
        if (pair.key !== null && pair.key !== undefined) stack.push(pair.key as Node);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (item !== null && item !== undefined) stack.push(item as Node);
      }
    }
  }
  return targets;
}
