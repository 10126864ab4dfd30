import { RecordingSink } from '../output/events.js';
import { Templar } from './templar.js';

const t = new Templar({ vars: { stamp: '2024-02-28 23:30:00' }, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('template globals', () => {
  it('range and dict', () => {
    expect(r('{{ range(3) | list }}')).toEqual([0, 1, 2]);
    expect(r('{{ range(10, 0, -4) | list }}')).toEqual([10, 6, 2]);
    expect(r('{{ dict(a=1) }}')).toEqual({ a: 1 });
    expect(r("{{ dict([['k', 2]]) }}")).toEqual({ k: 2 });
  });

  it('namespace carries state out of loops', () => {
    expect(r('{% set ns = namespace(found=false) %}{% for i in [1, 2, 3] %}{% if i == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}')).toBe(true);
    expect(() => r('{% set x = 1 %}{% set x.y = 2 %}')).toThrow('cannot assign attribute on non-namespace object');
  });

  it('now() and date arithmetic', () => {
    expect(r("{{ now(fmt='%Y') }}")).toBe(String(new Date().getFullYear()));
    expect(r('{{ now().year }}')).toBe(String(new Date().getFullYear()));
    expect(r("{{ ('2024-03-01 01:00:00' | to_datetime) - (stamp | to_datetime) }}")).toBe('1 day, 1:30:00');
    expect(r("{{ (('2024-03-01' | to_datetime('%Y-%m-%d')) - ('2024-01-01' | to_datetime('%Y-%m-%d'))).days }}")).toBe('60');
    expect(r("{{ (stamp | to_datetime).strftime('%d %b %Y %H:%M') }}")).toBe('28 Feb 2024 23:30');
    expect(r("{{ '%Y-%m-%d' | strftime(0, utc=true) }}")).toBe('1970-01-01');
  });

  it('undef() gives a value that fails when used', () => {
    expect(() => r("{{ undef(hint='set me') }}")).toThrow('set me');
    expect(r('{{ undef() is undefined }}')).toBe(true);
  });
});
