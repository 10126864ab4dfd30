import { normaliseOutput, readCase, runCase, UNORDERED_CASES } from './golden-case.js';

/** Each host's result lines in order, and the recap: what must match when hosts may interleave. */
function perHost(stdout: string): { hosts: Record<string, string[]>; recap: string } {
  const text = normaliseOutput(stdout);
  const hosts: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const m = /^(?:ok|changed|skipping|fatal|failed|included): \[([^\]]+)\]/.exec(line);
    if (m) (hosts[m[1]!] ??= []).push(line);
  }
  return { hosts, recap: text.slice(text.indexOf('PLAY RECAP')) };
}

describe('strategies where each host runs ahead match ansible-playbook per host', () => {
  it.each(UNORDERED_CASES)('%s', (name) => {
    const recorded = readCase(name);
    const got = runCase(name, recorded);
    expect(perHost(got.stdout)).toEqual(perHost(recorded.stdout));
    expect(got.rc).toBe(recorded.rc);
    expect(got.files).toEqual(recorded.files);
  });

  // ansible-playbook 2.14 ignores both under free and host_pinned and says so once (on stderr).
  it.each([
    ['86-free-max-fail', 'max_fail_percentage'],
    ['88-host-pinned-max-fail', 'max_fail_percentage'],
    ['87-free-any-errors-fatal', 'any_errors_fatal'],
  ])('%s warns once that %s does not apply', (name, keyword) => {
    const got = runCase(name, readCase(name));
    const warning = `[WARNING]: Using ${keyword} with the free strategy is not supported, as tasks are executed independently on each host\n`;
    expect(got.stderr.split(warning)).toHaveLength(2);
  });

  it('lets a fast host finish before a slow one gets past its first task', () => {
    const recorded = readCase('82-strategy-free');
    const got = runCase('82-strategy-free', { ...recorded, args: `${recorded.args} -f 5` });
    const lines = got.stdout.split('\n');
    const k1Slow = lines.findIndex((l) => l.startsWith('ok: [k1]'));
    const k3Done = lines.findIndex((l) => l.startsWith('changed: [k3]'));
    expect(k3Done).toBeGreaterThan(-1);
    expect(k3Done).toBeLessThan(k1Slow);
    expect(perHost(got.stdout)).toEqual(perHost(recorded.stdout));
  });
});
