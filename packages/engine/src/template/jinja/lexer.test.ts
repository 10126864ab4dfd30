import { Lexer } from './lexer.js';
import { DEFAULT_SYNTAX, type JinjaSyntax } from './syntax.js';
import { TemplateSyntaxError } from './template-syntax-error.js';

function texts(src: string, syntax: Partial<JinjaSyntax> = {}): string[] {
  return new Lexer(src, { ...DEFAULT_SYNTAX, ...syntax })
    .tokenize()
    .filter((t) => t.type === 'text')
    .map((t) => t.value);
}

describe('Lexer whitespace rules', () => {
  it('trim_blocks removes the newline after a block tag, not after a variable', () => {
    expect(texts('{% if x %}\nA\n{% endif %}\n{{ y }}\nB')).toEqual(['A\n', '\nB']);
    expect(texts('{% if x %}\nA', { trimBlocks: false })).toEqual(['\nA']);
  });

  it('lstrip_blocks strips indentation before block tags only at line start', () => {
    expect(texts('x\n    {% if a %}y', { lstripBlocks: true })).toEqual(['x\n', 'y']);
    expect(texts('x  {% if a %}y', { lstripBlocks: true })).toEqual(['x  ', 'y']);
    expect(texts('x\n    {%+ if a %}y', { lstripBlocks: true })).toEqual(['x\n    ', 'y']);
  });

  it('- strips all whitespace on that side, newlines included', () => {
    expect(texts('a \n {%- if x -%} \n b')).toEqual(['a', 'b']);
    expect(texts('a  {{- x -}}  b')).toEqual(['a', 'b']);
    expect(texts('a  {#- c -#}  b')).toEqual(['a', 'b']);
  });

  it('raw blocks are text, comments vanish', () => {
    expect(texts('{% raw %}{{ x }}{% endraw %}{# note #}z')).toEqual(['{{ x }}', 'z']);
  });

  it('custom delimiters', () => {
    const tokens = new Lexer('[[ x ]] {{ y }}', { ...DEFAULT_SYNTAX, variableStart: '[[', variableEnd: ']]' }).tokenize();
    expect(tokens.map((t) => t.type)).toEqual(['variable_begin', 'name', 'variable_end', 'text', 'eof']);
  });

  it('tracks 1-based line and column and reports unterminated tags', () => {
    const tokens = new Lexer('a\n  {{ x }}', DEFAULT_SYNTAX).tokenize();
    expect(tokens[1]).toMatchObject({ type: 'variable_begin', line: 2, column: 3 });
    expect(() => new Lexer('a {{ x', DEFAULT_SYNTAX).tokenize()).toThrow(TemplateSyntaxError);
    expect(() => new Lexer("{{ 'abc }}", DEFAULT_SYNTAX).tokenize()).toThrow('unexpected end of string');
  });

  it('does not end a tag on braces inside a dict literal', () => {
    const tokens = new Lexer("{{ {'a': {'b': 1}} }}", DEFAULT_SYNTAX).tokenize();
    expect(tokens.filter((t) => t.type === 'variable_end')).toHaveLength(1);
  });

  it('numbers after a dot are attribute indexes, not floats', () => {
    const values = new Lexer('{{ a.0.1 }} {{ 1.5e3 }}', DEFAULT_SYNTAX).tokenize().filter((t) => t.type === 'integer' || t.type === 'float');
    expect(values.map((t) => `${t.type}:${t.value}`)).toEqual(['integer:0', 'integer:1', 'float:1.5e3']);
  });

  it('string escapes: processed in files, kept as written in task strings', () => {
    const str = (src: string, literal: boolean): string | undefined =>
      new Lexer(src, { ...DEFAULT_SYNTAX, literalBackslashesInVariables: literal }).tokenize().find((t) => t.type === 'string')?.value;
    expect(str("{{ 'a\\tb\\x41' }}", false)).toBe('a\tbA');
    expect(str("{{ 'a\\1' }}", true)).toBe('a\\1');
    expect(str("{% set x = 'a\\n' %}", true)).toBe('a\n');
  });
});
