import { readFileSync } from 'node:fs';
import { APT_GET_ZERO, preparedDiff } from './apt-output.js';
import { parseScriptReport } from '../support/script-report.js';

interface Recorded {
  case: { args: string; check?: boolean; diff?: boolean };
  result: Record<string, unknown>;
}
const recordings = JSON.parse(readFileSync(new URL('../../../../test/fixtures/modules-system/apt-recordings.json', import.meta.url), 'utf8')) as Recorded[];
const recorded = (args: string, check = false): Recorded => {
  const found = recordings.find((r) => r.case.args === args && (r.case.check === true) === check);
  if (!found) throw new Error(`no recording for ${args}`);
  return found;
};

describe('preparedDiff (Ansible parse_diff) on real apt-get output', () => {
  it('cuts the plan out of a simulated install, as ansible did', () => {
    const r = recorded('name=sl,tree', true);
    expect(preparedDiff(String(r.result['stdout']))).toEqual(r.result['diff']);
  });

  it('keeps everything after the state line up to the summary of a real install', () => {
    const stdout = String(recorded('name=hello').result['stdout']);
    const { prepared } = preparedDiff(stdout);
    expect(prepared.startsWith('The following NEW packages will be installed:')).toBe(true);
    expect(prepared.split('\n').pop()).toMatch(/^0 upgraded, 1 newly installed, 0 to remove/);
  });

  it('shows all the output when apt-get printed no markers', () => {
    expect(preparedDiff('one\ntwo\n')).toEqual({ prepared: 'one\ntwo' });
  });
});

describe('APT_GET_ZERO tells an upgrade that changed nothing', () => {
  it('matches the recorded no-op upgrade and not the one that upgraded', () => {
    const outputs = recordings.filter((r) => r.case.args === 'upgrade=dist' && r.case.check !== true).map((r) => String(r.result['stdout']));
    expect(outputs.map((o) => o.includes(APT_GET_ZERO))).toEqual([false, true]);
  });
});

describe('parseScriptReport', () => {
  const n = 'tsible-abc';
  it('reads records and framed sections: the output exactly, its last newline included', () => {
    const stdout = [`${n} cache 1 1700000000`, `${n} cmd /usr/bin/apt-get -y install 'x'`, `${n} rc 0`, `${n} begin out`, 'line one', `${n} fake-looking text`.slice(1), '', `${n} close`, `${n} warn careful`, `${n} end`, ''].join('\n');
    const report = parseScriptReport(stdout, n);
    expect(report.fields.get('cache')).toBe('1 1700000000');
    expect(report.fields.get('rc')).toBe('0');
    expect(report.fields.get('cmd')).toBe("/usr/bin/apt-get -y install 'x'");
    expect(report.sections.get('out')).toBe(`line one\n${n.slice(1)} fake-looking text\n`);
    expect(report.warnings).toEqual(['careful']);
    expect(report.fields.has('end')).toBe(true);
  });

  it('keeps an empty section empty', () => {
    const report = parseScriptReport(`${n} begin err\n\n${n} close\n`, n);
    expect(report.sections.get('err')).toBe('');
  });
});
