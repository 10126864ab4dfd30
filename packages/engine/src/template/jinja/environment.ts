import type { Stmt } from './ast.js';
import { Lexer } from './lexer.js';
import { Parser } from './parser.js';
import { DEFAULT_SYNTAX, type JinjaSyntax } from './syntax.js';

/** What filters and tests get besides their arguments: a way to call other filters/tests. */
export interface CallContext {
  filter(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown;
  test(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>): boolean;
}

export type FilterFn = (value: unknown, args: unknown[], kwargs: Record<string, unknown>, ctx: CallContext) => unknown;
export type TestFn = (value: unknown, args: unknown[], kwargs: Record<string, unknown>, ctx: CallContext) => boolean;

export interface FilterDef {
  fn: FilterFn;
  /** Receives undefined input instead of raising (default, mandatory). */
  acceptsUndefined?: boolean;
}

export interface TestDef {
  fn: TestFn;
  acceptsUndefined?: boolean;
}

/** A cheap cache key for a syntax: every field, in a fixed order. */
function syntaxKey(s: JinjaSyntax): string {
  return [s.blockStart, s.blockEnd, s.variableStart, s.variableEnd, s.commentStart, s.commentEnd, s.trimBlocks, s.lstripBlocks, s.keepTrailingNewline, s.literalBackslashesInVariables].join('\u0001');
}

const FQCN_PREFIX = /^ansible\.(builtin|legacy)\./;

/** Filters, tests, globals and a compile cache shared by every render. */
export class Environment {
  readonly filters = new Map<string, FilterDef>();
  readonly tests = new Map<string, TestDef>();
  readonly globals = new Map<string, unknown>();
  private readonly cache = new Map<string, Stmt[]>();

  constructor(readonly syntax: JinjaSyntax = DEFAULT_SYNTAX) {}

  /** Parse once per (syntax, source); the tree is immutable so reuse is safe. */
  compile(source: string, syntax: JinjaSyntax = this.syntax): Stmt[] {
    const key = syntax === this.syntax ? source : `${syntaxKey(syntax)}\0${source}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let text = source;
    if (!syntax.keepTrailingNewline) text = text.replace(/\r?\n$/, '');
    const body = new Parser(new Lexer(text, syntax).tokenize()).parseTemplate();
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(key, body);
    return body;
  }

  getFilter(name: string): FilterDef | undefined {
    return this.filters.get(name) ?? this.filters.get(name.replace(FQCN_PREFIX, ''));
  }

  getTest(name: string): TestDef | undefined {
    return this.tests.get(name) ?? this.tests.get(name.replace(FQCN_PREFIX, ''));
  }
}
