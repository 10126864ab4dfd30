import { Lexer } from './lexer.js';
import { Parser } from './parser.js';
import { DEFAULT_SYNTAX } from './syntax.js';
import type { Expr, Stmt } from './ast.js';

function parse(src: string): Stmt[] {
  return new Parser(new Lexer(src, DEFAULT_SYNTAX).tokenize()).parseTemplate();
}

function expr(src: string): Expr {
  const [stmt] = parse(`{{ ${src} }}`);
  if (stmt?.kind !== 'output') throw new Error('not an output');
  return stmt.expr;
}

describe('Parser', () => {
  it('follows Jinja precedence: not binds looser than is, ~ looser than *', () => {
    expect(expr('not x is defined')).toMatchObject({ kind: 'unary', op: 'not', operand: { kind: 'test', name: 'defined' } });
    expect(expr('a ~ b * c')).toMatchObject({ kind: 'binary', op: '~', right: { kind: 'binary', op: '*' } });
    expect(expr('a or b and c')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    expect(expr('-x | abs')).toMatchObject({ kind: 'filter', name: 'abs', target: { kind: 'unary', op: '-' } });
  });

  it('parses tests with and without parentheses, negated', () => {
    expect(expr('x is not divisibleby 3')).toMatchObject({ kind: 'test', negated: true, name: 'divisibleby', call: { args: [{ kind: 'const', value: 3 }] } });
    expect(expr("v is version('1.0', '>=')")).toMatchObject({ kind: 'test', name: 'version' });
    expect(expr('x is defined and y')).toMatchObject({ kind: 'and', left: { kind: 'test', call: { args: [] } } });
  });

  it('parses slices, calls with keyword arguments, dotted filter names', () => {
    expect(expr('x[1:]')).toMatchObject({ kind: 'slice', start: { value: 1 }, stop: null, step: null });
    expect(expr('x[::-1]')).toMatchObject({ kind: 'slice', start: null, stop: null, step: { kind: 'unary' } });
    expect(expr("f(1, k='v')")).toMatchObject({ kind: 'call', call: { args: [{ value: 1 }], kwargs: [{ name: 'k' }] } });
    expect(expr('x | ansible.builtin.to_json')).toMatchObject({ kind: 'filter', name: 'ansible.builtin.to_json' });
  });

  it('parses conditional expressions with and without else', () => {
    expect(expr('a if b')).toMatchObject({ kind: 'condexpr', orelse: null });
    expect(expr('a if b else c if d else e')).toMatchObject({ kind: 'condexpr', orelse: { kind: 'condexpr' } });
  });

  it('parses statements: for with filter and else, set forms, macro', () => {
    const [loop] = parse('{% for k, v in d if v %}x{% else %}y{% endfor %}');
    expect(loop).toMatchObject({ kind: 'for', target: { kind: 'tuple', names: ['k', 'v'] }, filter: { kind: 'name' }, orelse: [{ kind: 'text' }] });
    expect(parse('{% set ns.a = 1 %}')[0]).toMatchObject({ kind: 'set', target: { kind: 'attribute', name: 'ns', attr: 'a' } });
    expect(parse('{% set x | upper %}a{% endset %}')[0]).toMatchObject({ kind: 'setblock', filters: [{ name: 'upper' }] });
    expect(parse('{% macro m(a, b=1) %}{% endmacro %}')[0]).toMatchObject({ kind: 'macro', params: [{ name: 'a', default: null }, { name: 'b' }] });
  });

  it('reports errors as Jinja words them, at the right place', () => {
    expect(() => parse('{{ foo bar }}')).toThrow("expected token 'end of print statement', got 'bar'");
    expect(() => parse('{% if x %}')).toThrow("Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'.");
    expect(() => parse('{% extends "a" %}')).toThrow("the 'extends' tag is not supported by tsible templates");
    expect(() => parse('{% bogus %}')).toThrow("Encountered unknown tag 'bogus'.");
    let caught: unknown;
    try {
      parse('line\n{{ x +  }}');
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ line: 2, column: 9 });
  });
});
