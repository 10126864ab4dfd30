import { normaliseOutput, readCase, recordedCases, runCase, UNORDERED_CASES } from './golden-case.js';

// Each case is a playbook run by ansible-playbook 2.14 (test/fixtures/runner/record.sh):
// tsible must print the same, exit the same and leave the same files.
describe('tsible playbook matches ansible-playbook recordings', () => {
  // Strategies that let hosts run ahead interleave differently from run to run: strategies.test.ts compares those per host.
  const cases = recordedCases().filter((name) => !UNORDERED_CASES.includes(name));

  it('has recordings', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (name) => {
    const recorded = readCase(name);
    const got = runCase(name, recorded);
    expect(normaliseOutput(got.stdout)).toBe(normaliseOutput(recorded.stdout));
    expect(got.rc).toBe(recorded.rc);
    expect(got.files).toEqual(recorded.files);
  });
});
