import type { SourceLocation } from '../errors/source-location.js';

/** Turns offsets into 1-based line/column for one source text, on demand. */
export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  get length(): number {
    return this.text.length;
  }

  /** The last line has text and no line break after it (a block scalar ending there keeps none). */
  get endsWithoutLineBreak(): boolean {
    return /\S[^\n]*$/.test(this.text.slice(this.text.lastIndexOf('\n') + 1));
  }

  locate(offset: number): SourceLocation {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /** The last character before `offset` that is not a space, tab or line break ('' at the start). */
  previousNonBlank(offset: number): string {
    let i = offset - 1;
    while (i >= 0 && ' \t\r\n'.includes(this.text.charAt(i))) i--;
    return i >= 0 ? this.text.charAt(i) : '';
  }

  /** Offset of the last `search` that starts before `before`, or -1. */
  lastIndexOf(search: string, before: number): number {
    return before < search.length ? -1 : this.text.lastIndexOf(search, before - search.length);
  }

  /** The text of the 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.starts();
    const start = starts[line - 1] ?? this.text.length;
    const next = starts[line];
    const raw = this.text.slice(start, next === undefined ? undefined : next);
    return raw.replace(/\r?\n$|\r$/, '');
  }

  private starts(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

/**
 * Positions are stored as offsets and turned into line/column only when asked:
 * loading a big inventory must not pay for millions of location objects.
 */
interface NodePositions {
  source: SourceText;
  offset: number;
  /** Flat [key, offset, ...] as recorded; turned into `keyIndex` on first lookup. */
  keys?: Array<string | number>;
  keyIndex?: Map<string, number>;
  items?: number[];
}

const positions = new WeakMap<object, NodePositions>();

/** `keys` is flat: [key, offset, key, offset, ...]; a later duplicate wins. */
export function recordMapping(node: object, source: SourceText, offset: number, keys: Array<string | number>): void {
  positions.set(node, { source, offset, keys });
}

export function recordSequence(node: object, source: SourceText, offset: number, items: number[]): void {
  positions.set(node, { source, offset, items });
}

/** Gives a derived object (e.g. a copy) the positions of the one it came from. */
export function copyLocations(from: object, to: object): void {
  const known = positions.get(from);
  if (known !== undefined) positions.set(to, known);
}

/**
 * Values loaded by the fast path get their positions only when first asked:
 * `build` runs the full loader on the same text, and its positions are copied
 * over to the fast path's objects, which have the same shape.
 */
export interface LazyLocations {
  build: () => unknown;
  done: boolean;
  root: unknown;
}

const lazyPositions = new WeakMap<object, LazyLocations>();

export function recordLazyLocations(node: object, lazy: LazyLocations): void {
  lazyPositions.set(node, lazy);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Copies positions from the full loader's result to the same-shaped fast result. */
function copyShape(from: unknown, to: unknown): void {
  if (Array.isArray(from) && Array.isArray(to)) {
    copyLocations(from, to);
    for (let i = 0; i < to.length && i < from.length; i++) copyShape(from[i], to[i]);
  } else if (isPlainObject(from) && isPlainObject(to)) {
    copyLocations(from, to);
    for (const key of Object.keys(to)) if (Object.prototype.hasOwnProperty.call(from, key)) copyShape(from[key], to[key]);
  }
}

function materialize(node: object): NodePositions | undefined {
  const lazy = lazyPositions.get(node);
  if (lazy === undefined || lazy.done) return undefined;
  lazy.done = true;
  try {
    copyShape(lazy.build(), lazy.root);
  } catch {
    // The full loader is stricter than libyaml in a few places (see README):
    // the values stand, only their positions are unknown.
    return undefined;
  }
  return positions.get(node);
}

/**
 * Where a loaded mapping or sequence starts, or where one of its keys
 * (string) or items (index) is written.
 */
export function locationOf(node: object, key?: string | number): SourceLocation | undefined {
  const known = positions.get(node) ?? materialize(node);
  if (known === undefined) return undefined;
  if (key === undefined) return known.source.locate(known.offset);
  const offset = typeof key === 'number' ? known.items?.[key] : keyIndex(known).get(key);
  return offset === undefined ? undefined : known.source.locate(offset);
}

function keyIndex(known: NodePositions): Map<string, number> {
  if (known.keyIndex === undefined) {
    const index = new Map<string, number>();
    const flat = known.keys ?? [];
    for (let i = 0; i < flat.length; i += 2) index.set(String(flat[i]), flat[i + 1] as number);
    known.keyIndex = index;
  }
  return known.keyIndex;
}
