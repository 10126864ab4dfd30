/** Jinja syntax tree: expressions and statements, each with its template position. */
export interface Pos {
  line: number;
  column: number;
}

export interface CallArgs {
  args: Expr[];
  kwargs: Array<{ name: string; value: Expr }>;
}

export type Expr = Pos &
  (
    | { kind: 'const'; value: unknown }
    | { kind: 'name'; name: string }
    | { kind: 'list'; items: Expr[] }
    | { kind: 'tuple'; items: Expr[] }
    | { kind: 'dict'; pairs: Array<[Expr, Expr]> }
    | { kind: 'getattr'; target: Expr; attr: string }
    | { kind: 'getitem'; target: Expr; key: Expr }
    | { kind: 'slice'; target: Expr; start: Expr | null; stop: Expr | null; step: Expr | null }
    | { kind: 'call'; callee: Expr; call: CallArgs }
    | { kind: 'filter'; target: Expr; name: string; call: CallArgs }
    | { kind: 'test'; target: Expr; name: string; call: CallArgs; negated: boolean }
    | { kind: 'unary'; op: 'not' | '-' | '+'; operand: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'and' | 'or'; left: Expr; right: Expr }
    | { kind: 'compare'; first: Expr; ops: Array<{ op: string; expr: Expr }> }
    | { kind: 'condexpr'; test: Expr; body: Expr; orelse: Expr | null }
  );

export type Target = { kind: 'name'; name: string } | { kind: 'tuple'; names: string[] } | { kind: 'attribute'; name: string; attr: string };

export type Stmt = Pos &
  (
    | { kind: 'text'; text: string }
    | { kind: 'output'; expr: Expr }
    | { kind: 'if'; branches: Array<{ test: Expr; body: Stmt[] }>; orelse: Stmt[] }
    | { kind: 'for'; target: Target; iter: Expr; filter: Expr | null; body: Stmt[]; orelse: Stmt[] }
    | { kind: 'set'; target: Target; expr: Expr }
    | { kind: 'setblock'; name: string; filters: Array<{ name: string; call: CallArgs; line: number; column: number }>; body: Stmt[] }
    | { kind: 'with'; assignments: Array<{ name: string; expr: Expr }>; body: Stmt[] }
    | { kind: 'macro'; name: string; params: Array<{ name: string; default: Expr | null }>; body: Stmt[] }
    | { kind: 'include'; template: Expr; ignoreMissing: boolean }
    | { kind: 'import'; template: Expr; alias: string }
    | { kind: 'fromimport'; template: Expr; names: Array<{ name: string; alias: string }> }
    | { kind: 'filterblock'; filters: Array<{ name: string; call: CallArgs; line: number; column: number }>; body: Stmt[] }
    | { kind: 'break' }
    | { kind: 'continue' }
  );
