import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const t = new Templar({ vars: { empty: '', zero: 0, n: null, s: 'x' }, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('core filters', () => {
  it('default / d handle undefined, and falsy values with boolean=true', () => {
    expect(r("{{ nope | default('a') }}|{{ empty | default('b') }}|{{ empty | d('c', true) }}|{{ zero | default(5, boolean=true) }}")).toBe('a||c|5');
    expect(r('{{ nope.deeper | default([]) }}')).toEqual([]);
  });

  it('mandatory raises with Ansible wording', () => {
    expect(() => r('{{ nope | mandatory }}')).toThrow("Mandatory variable 'nope'  not defined.");
    expect(() => r("{{ nope | mandatory('set nope') }}")).toThrow('set nope');
    expect(r('{{ s | mandatory }}')).toBe('x');
  });

  it('bool, int, float, string, list', () => {
    expect(r("{{ 'Yes' | bool }} {{ 'on' | bool }} {{ 'nope' | bool }} [{{ n | bool }}] {{ [n] | map('bool') | list }}")).toBe('True True False [] [None]');
    expect(r("{{ '42' | int + 1 }} {{ 'ff' | int(base=16) }} {{ 'x' | int(7) }} {{ 3.9 | int }}")).toBe('43 255 7 3');
    expect(r("{{ '2' | float }} {{ 'x' | float }} {{ 1 | float }}")).toBe('2.0 0.0 1.0');
    expect(r('{{ 5 | string }}')).toBe('5');
    expect(r("{{ 'ab' | list }}")).toEqual(['a', 'b']);
  });

  it('ternary and type_debug', () => {
    expect(r("{{ (1 > 0) | ternary('y', 'n') }} {{ n | ternary('y', 'n', 'none') }}")).toBe('y none');
    expect(r('{{ 1.5 | type_debug }} {{ s | type_debug }} {{ n | type_debug }}')).toBe('float str NoneType');
  });
});
