import type { Alias, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from './yaml-library.js';
import { Emitter, type EventSink } from '../output/events.js';
import { loadError } from './load-error.js';
import { setOwn } from './own-property.js';
import { anchorOffset, bindAliases, startOf } from './yaml-anchors.js';
import { recordMapping, recordSequence, copyLocations, type SourceText } from './locations.js';
import { pythonKeyString } from '../text/python-format.js';
import { UnsafeText, VaultText } from './tagged-values.js';
import {
  ScalarValueError,
  constructBinary,
  constructBool,
  constructFloat,
  constructInt,
  constructTimestamp,
  resolvePlainTag,
  type ScalarTag,
} from './yaml11-scalars.js';

const CORE = 'tag:yaml.org,2002:';

/** Ansible's DUPLICATE_YAML_DICT_KEY: what a repeated mapping key does. */
export type DuplicateKeyPolicy = 'warn' | 'error' | 'ignore';

/** One key/value of a mapping after merge keys (`<<`) have been expanded. */
interface FlatPair {
  key: string;
  keyOffset: number;
  valueNode: Node | null;
}

type ResolvedTag = ScalarTag | 'binary' | 'unsafe' | 'vault';

const SCALAR_CORE_TAGS: ReadonlySet<string> = new Set(['null', 'bool', 'int', 'float', 'timestamp', 'str', 'binary']);
const SCALAR_TAG_NAMES: ReadonlySet<string> = new Set([...SCALAR_CORE_TAGS, 'python/unicode']);

function scalarText(node: Scalar): string {
  const value = node.value;
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function nodeKind(node: Node | null): string {
  if (isMap(node)) return 'mapping';
  if (isSeq(node)) return 'sequence';
  return 'scalar';
}

/**
 * Turns one composed YAML document into plain JS values the way Ansible's
 * AnsibleConstructor (PyYAML SafeConstructor + Ansible tags) does, recording
 * where every mapping, sequence, key and item was written.
 */
export class YamlConstructor {
  private readonly events: Emitter | undefined;
  private aliasTargets = new Map<Alias, Node>();
  private readonly values = new Map<Node, unknown>();
  private readonly inProgress = new Set<Node>();
  private readonly flattened = new Map<YAMLMap, FlatPair[]>();

  constructor(
    private readonly source: SourceText,
    sink: EventSink | undefined,
    private readonly duplicateKeys: DuplicateKeyPolicy = 'warn',
  ) {
    this.events = sink === undefined ? undefined : new Emitter(sink);
  }

  construct(root: Node | null): unknown {
    if (root === null) return null;
    this.aliasTargets = bindAliases(root, this.source);
    return this.node(root);
  }

  private node(node: Node | null): unknown {
    if (node === null) return null;
    if (isAlias(node)) return this.aliased(node);
    // Only anchored nodes can be reached twice; caching just those keeps big files cheap.
    const anchored = (node as { anchor?: string }).anchor !== undefined;
    if (anchored && this.values.has(node)) return this.values.get(node);
    let value: unknown;
    if (isScalar(node)) value = this.scalar(node);
    else if (isMap(node)) value = this.mappingByTag(node);
    else if (isSeq(node)) value = this.sequenceByTag(node);
    else value = null;
    if (anchored) this.values.set(node, value);
    return value;
  }

  private aliased(alias: Alias): unknown {
    const target = this.resolveAlias(alias);
    if (this.inProgress.has(target)) {
      throw loadError('TSIBLE_YAML_VALUE', `recursive alias '*${alias.source}' refers to a node that contains it`, this.source, startOf(alias));
    }
    return this.node(target);
  }

  private resolveAlias(alias: Alias): Node {
    const target = this.aliasTargets.get(alias);
    if (target === undefined) throw loadError('TSIBLE_YAML_VALUE', `found undefined alias '${alias.source}'`, this.source, startOf(alias));
    return target;
  }

  private unknownTag(tag: string, node: Node): never {
    throw loadError('TSIBLE_YAML_VALUE', `could not determine a constructor for the tag '${tag}'`, this.source, startOf(node));
  }

  /** A tag tsible knows on the wrong kind of node (`!!str [1]`), or a tag it does not know. */
  private misplacedTag(tag: string, node: Node): never {
    const core = tag.startsWith(CORE) ? tag.slice(CORE.length) : undefined;
    let expected: string | undefined;
    if (tag === '!vault' || tag === '!vault-encrypted' || (core !== undefined && SCALAR_TAG_NAMES.has(core))) expected = 'scalar';
    else if (core === 'seq' || core === 'omap' || core === 'pairs') expected = 'sequence';
    else if (core === 'map' || core === 'set' || core === 'python/dict') expected = 'mapping';
    if (expected === undefined) return this.unknownTag(tag, node);
    throw loadError('TSIBLE_YAML_VALUE', `expected a ${expected} node, but found ${nodeKind(node)}`, this.source, startOf(node));
  }

  private scalarTag(node: Scalar): ResolvedTag {
    const tag = node.tag;
    if (tag === undefined || tag === '!') {
      // `!` forces implicit resolution even on quoted scalars (PyYAML).
      return tag === '!' || node.type === 'PLAIN' ? resolvePlainTag(scalarText(node)) : 'str';
    }
    const core = tag.startsWith(CORE) ? tag.slice(CORE.length) : undefined;
    if (core === 'python/unicode') return 'str';
    if (core !== undefined && SCALAR_CORE_TAGS.has(core)) return core as ResolvedTag;
    if (tag === '!unsafe') return 'unsafe';
    if (tag === '!vault' || tag === '!vault-encrypted') return 'vault';
    return this.misplacedTag(tag, node);
  }

  /**
   * A block scalar that runs to the end of a file with no final line break:
   * PyYAML gives its text no trailing newline (whatever the chomping), where
   * the YAML library adds one.
   */
  private atEndWithoutBreak(node: Scalar): boolean {
    if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return false;
    const end = node.range?.[1];
    return end !== undefined && end >= this.source.length && this.source.endsWithoutLineBreak;
  }

  private scalar(node: Scalar, tag: ResolvedTag = this.scalarTag(node)): unknown {
    const text = this.atEndWithoutBreak(node) ? scalarText(node).replace(/\n$/, '') : scalarText(node);
    try {
      switch (tag) {
        case 'str':
          return text;
        case 'null':
          return null;
        case 'bool':
          return constructBool(text);
        case 'int':
          return constructInt(text);
        case 'float':
          return constructFloat(text);
        case 'timestamp':
          return constructTimestamp(text);
        case 'binary':
          return constructBinary(text);
        case 'unsafe':
          return new UnsafeText(text);
        case 'vault':
          return new VaultText(text, this.source.locate(startOf(node)));
        case 'merge':
        case 'value':
          return this.unknownTag(CORE + tag, node);
      }
    } catch (err) {
      if (err instanceof ScalarValueError) throw loadError('TSIBLE_YAML_VALUE', err.message, this.source, startOf(node));
      throw err;
    }
  }

  private mappingByTag(node: YAMLMap): unknown {
    const tag = node.tag;
    if (tag === undefined || tag === '!' || tag === `${CORE}map` || tag === `${CORE}python/dict`) return this.mapping(node);
    if (tag === '!unsafe') return wrapUnsafe(this.mapping(node));
    if (tag === `${CORE}set`) return Object.keys(this.mapping(node));
    return this.misplacedTag(tag, node);
  }

  private sequenceByTag(node: YAMLSeq): unknown {
    const tag = node.tag;
    if (tag === undefined || tag === '!' || tag === `${CORE}seq`) return this.sequence(node);
    if (tag === '!unsafe') return wrapUnsafe(this.sequence(node));
    if (tag === `${CORE}omap` || tag === `${CORE}pairs`) return this.pairs(node);
    return this.misplacedTag(tag, node);
  }

  private sequence(node: YAMLSeq): unknown[] {
    const result: unknown[] = [];
    const offsets: number[] = [];
    const anchored = node.anchor !== undefined;
    if (anchored) this.inProgress.add(node);
    for (const item of node.items) {
      const child = (item ?? null) as Node | null;
      offsets.push(child === null ? startOf(node) : startOf(child));
      result.push(this.node(child));
    }
    if (anchored) this.inProgress.delete(node);
    recordSequence(result, this.source, anchorOffset(node, this.source), offsets);
    return result;
  }

  /** `!!omap` / `!!pairs`: a sequence of one-pair mappings, as [key, value] pairs. */
  private pairs(node: YAMLSeq): unknown[] {
    const result: unknown[] = [];
    for (const item of node.items) {
      const child = item as Node | null;
      if (!isMap(child) || child.items.length !== 1) {
        throw loadError('TSIBLE_YAML_VALUE', 'expected a mapping of length 1', this.source, child === null ? startOf(node) : startOf(child));
      }
      const pair = child.items[0];
      result.push([this.node((pair?.key ?? null) as Node | null), this.node((pair?.value ?? null) as Node | null)]);
    }
    return result;
  }

  private mapping(node: YAMLMap): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const anchored = node.anchor !== undefined;
    if (anchored) this.inProgress.add(node);
    const start = anchorOffset(node, this.source);
    // Flat [key, offset, key, offset, ...]: far cheaper than a Map per mapping.
    const keys: Array<string | number> = [];
    if (node.items.some((pair) => this.isMergeKey((pair.key ?? null) as Node | null))) {
      for (const pair of this.flatten(node)) this.store(result, keys, start, pair.key, pair.keyOffset, pair.valueNode);
    } else {
      for (const pair of node.items) {
        const keyNode = (pair.key ?? null) as Node | null;
        const keyOffset = keyNode === null ? start : startOf(keyNode);
        this.store(result, keys, start, this.key(keyNode, node), keyOffset, (pair.value ?? null) as Node | null);
      }
    }
    if (anchored) this.inProgress.delete(node);
    recordMapping(result, this.source, start, keys);
    return result;
  }

  private store(result: Record<string, unknown>, keys: Array<string | number>, start: number, key: string, keyOffset: number, valueNode: Node | null): void {
    if (Object.prototype.hasOwnProperty.call(result, key)) this.warnDuplicate(start, key, keyOffset, keys);
    setOwn(result, key, this.node(valueNode));
    keys.push(key, keyOffset);
  }

  private warnDuplicate(mappingStart: number, key: string, keyOffset: number, keys: Array<string | number>): void {
    if (this.duplicateKeys !== 'error' && this.events === undefined) return;
    let earlier = mappingStart;
    for (let i = 0; i < keys.length; i += 2) if (keys[i] === key) earlier = keys[i + 1] as number;
    const where = this.source.locate(mappingStart);
    const first = this.source.locate(earlier).line;
    const again = this.source.locate(keyOffset).line;
    const message =
      `While constructing a mapping from ${where.file}, line ${where.line}, column ${where.column}, found a duplicate dict key (${key}). ` +
      `Using last defined value only. (first defined on line ${first}, again on line ${again})`;
    if (this.duplicateKeys === 'error') throw loadError('TSIBLE_YAML_VALUE', message, this.source, keyOffset);
    const data = { file: where.file, key, firstLine: first, line: again };
    if (this.duplicateKeys === 'warn') this.events?.warn('yaml.duplicate_key', message, data);
    else this.events?.debug('yaml.duplicate_key', message, data);
  }

  /**
   * The mapping's pairs with merge keys expanded as PyYAML's flatten_mapping
   * does: merged pairs first (earlier merge sources win), then the mapping's
   * own pairs, so an explicit key overrides a merged one.
   */
  private flatten(node: YAMLMap): FlatPair[] {
    const known = this.flattened.get(node);
    if (known !== undefined) return known;
    const merged: FlatPair[] = [];
    const own: FlatPair[] = [];
    for (const pair of node.items) {
      const keyNode = (pair.key ?? null) as Node | null;
      const valueNode = (pair.value ?? null) as Node | null;
      if (this.isMergeKey(keyNode)) {
        merged.push(...this.mergeSource(valueNode, node));
        continue;
      }
      own.push({ key: this.key(keyNode, node), keyOffset: keyNode === null ? startOf(node) : startOf(keyNode), valueNode });
    }
    const pairs = merged.length === 0 ? own : merged.concat(own);
    this.flattened.set(node, pairs);
    return pairs;
  }

  private isMergeKey(keyNode: Node | null): boolean {
    if (!isScalar(keyNode)) return false;
    if (keyNode.tag === `${CORE}merge`) return true;
    return keyNode.tag === undefined && keyNode.type === 'PLAIN' && keyNode.value === '<<';
  }

  private mergeSource(valueNode: Node | null, owner: YAMLMap): FlatPair[] {
    const target = isAlias(valueNode) ? this.resolveAlias(valueNode) : valueNode;
    if (isMap(target)) {
      if (this.inProgress.has(target) || target === owner) {
        throw loadError('TSIBLE_YAML_VALUE', 'a mapping cannot merge itself', this.source, startOf(valueNode as Node));
      }
      return this.flatten(target);
    }
    if (isSeq(target)) {
      const sources: FlatPair[][] = [];
      for (const item of target.items) {
        const sub = isAlias(item) ? this.resolveAlias(item) : (item as Node | null);
        if (!isMap(sub)) {
          throw loadError('TSIBLE_YAML_VALUE', `expected a mapping for merging, but found ${nodeKind(sub)}`, this.source, startOf((item ?? target) as Node));
        }
        if (this.inProgress.has(sub) || sub === owner) {
          throw loadError('TSIBLE_YAML_VALUE', 'a mapping cannot merge itself', this.source, startOf(item as Node));
        }
        sources.push(this.flatten(sub));
      }
      return sources.reverse().flat();
    }
    throw loadError(
      'TSIBLE_YAML_VALUE',
      `expected a mapping or list of mappings for merging, but found ${nodeKind(target)}`,
      this.source,
      valueNode === null ? startOf(owner) : startOf(valueNode),
    );
  }

  /** An empty plain key not introduced by `?` (only an explicit key may be empty). */
  private isEmptyImplicitKey(keyNode: Node): boolean {
    if (!isScalar(keyNode) || keyNode.type !== 'PLAIN' || keyNode.tag !== undefined || keyNode.anchor !== undefined) return false;
    if (scalarText(keyNode) !== '') return false;
    return this.source.previousNonBlank(startOf(keyNode)) !== '?';
  }

  /** Keys become strings the way Python would print them (1, True, None, 1.5). */
  private key(keyNode: Node | null, owner: YAMLMap): string {
    if (keyNode === null) return 'None';
    if (this.isEmptyImplicitKey(keyNode)) {
      // `: value` without a key: YAML 1.2 allows it, PyYAML and libyaml do not.
      throw loadError('TSIBLE_YAML_SYNTAX', 'Syntax Error while loading YAML: found a mapping value without a key', this.source, startOf(keyNode));
    }
    const target = isAlias(keyNode) ? this.resolveAlias(keyNode) : keyNode;
    if (!isScalar(target)) {
      throw loadError('TSIBLE_YAML_VALUE', 'while constructing a mapping, found unhashable key', this.source, startOf(keyNode ?? owner));
    }
    // PyYAML's flatten_mapping turns a `=` (value tag) key into the string '='.
    if (target.tag === undefined && target.type === 'PLAIN' && target.value === '=') return '=';
    const tag = this.scalarTag(target);
    return pythonKeyString(this.scalar(target, tag), tag === 'float');
  }
}

/** Ansible's wrap_var: every string inside becomes UnsafeText. */
function wrapUnsafe(value: unknown): unknown {
  if (typeof value === 'string') return new UnsafeText(value);
  if (Array.isArray(value)) {
    const copy = value.map(wrapUnsafe);
    copyLocations(value, copy);
    return copy;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(copy, k, wrapUnsafe(v));
    copyLocations(value, copy);
    return copy;
  }
  return value;
}
