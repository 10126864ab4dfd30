import { readCase, runCase } from './golden-case.js';

// Beside the recorded stdout, tsible says on stderr which batch stopped the rollout and which hosts it never touched.
describe('a batch that stops the rollout is named on stderr', () => {
  it.each([
    ['77-serial-batch-all-failed', 'ABORTED: batch 2 of 4 stopped the playbook (every host failed: 2 of 2 hosts failed); never touched: k7, k4, k6\n'],
    ['92-unreachable-batch', 'ABORTED: batch 2 of 3 stopped the playbook (every host failed or was unreachable: 3 of 3 hosts failed); never touched: m2\n'],
    ['76-max-fail-above', 'ABORTED: batch 1 of 2 stopped the playbook (max_fail_percentage 25: 2 of 4 hosts failed); never touched: k7, k4, k6\n'],
  ])('%s', (name, message) => {
    expect(runCase(name, readCase(name)).stderr).toBe(message);
  });

  it('says nothing when a fatal batch still lets the next one run (a host unreachable on the fatal task counts twice)', () => {
    const got = runCase('93-unreachable-fatal', readCase('93-unreachable-fatal'));
    expect(got.stderr).toBe('');
    expect(got.rc).toBe(2);
  });
});
