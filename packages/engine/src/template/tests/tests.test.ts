import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tsible-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'f'), '');
symlinkSync(path.join(dir, 'f'), path.join(dir, 'l'));
const t = new Templar({
  vars: { dir, ok: { changed: false, failed: false }, bad: { failed: true, changed: true }, skip: { skipped: true, changed: false }, loop: { results: [{ changed: true }] } },
  sink: new RecordingSink(),
});
const r = (s: string): unknown => t.renderString(s);

describe('tests', () => {
  it('type tests', () => {
    expect(r("{{ 1 is integer }} {{ 1.5 is float }} {{ 2.0 is float }} {{ 'a' is string }} {{ {} is mapping }} {{ [] is sequence }} {{ 'x' is iterable }} {{ true is boolean }} {{ none is none }}")).toBe(
      'True True True True True True True True True',
    );
    expect(r("{{ 1 is string }} {{ 'a' is mapping }} {{ 1 is boolean }} {{ 1 is number }}")).toBe('False False False True');
  });

  it('comparison and arithmetic tests', () => {
    expect(r('{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 2 is gt 1 }} {{ 1 is le 1 }} {{ 1 is eq 1 }} {{ 1 is ne 2 }} {{ true is sameas true }}')).toBe(
      'True True True True True True True True',
    );
    expect(r("{{ 'a' is in ['a'] }} {{ [1, 2] is contains 2 }} {{ [1] is subset([1, 2]) }} {{ [1, 2] is superset([2]) }} {{ 'AB' is upper }} {{ 'ab' is lower }}")).toBe(
      'True True True True True True',
    );
  });

  it('task result tests', () => {
    expect(r('{{ ok is succeeded }} {{ ok is changed }} {{ bad is failed }} {{ bad is success }} {{ skip is skipped }} {{ loop is changed }} {{ ok is finished }}')).toBe(
      'True False True False True True True',
    );
    expect(() => r("{{ 'x' is failed }}")).toThrow("The 'failed' test expects a dictionary");
  });

  it('version tests', () => {
    expect(r("{{ '1.10' is version('1.9', '>') }} {{ '1.0' is version('1.0.0', 'eq') }} {{ '2.0' is version_compare('2.0', '==') }}")).toBe('True False True');
    expect(r("{{ '1.0.0-rc.1' is version('1.0.0', 'lt', version_type='semver') }} {{ '1.2a1' is version('1.2', '<', strict=true) }}")).toBe('True True');
    expect(() => r("{{ '1.x' is version('1.0', 'lt', strict=true) }}")).toThrow("invalid version number '1.x'");
    expect(() => r("{{ '1' is version('1', 'bogus') }}")).toThrow('Invalid operator type (bogus)');
  });

  it('file tests run on the controller', () => {
    expect(r("{{ (dir ~ '/f') is file }} {{ dir is directory }} {{ (dir ~ '/l') is link }} {{ (dir ~ '/zz') is exists }} {{ dir is abs }}")).toBe(
      'True True True False True',
    );
  });

  it('truthy/falsy with convert_bool', () => {
    expect(r("{{ 'no' is truthy }} {{ 'no' is truthy(convert_bool=true) }} {{ 0 is falsy }}")).toBe('True False True');
  });
});
