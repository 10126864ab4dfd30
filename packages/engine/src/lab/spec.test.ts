import { TsibleError } from '../errors/tsible-error.js';
import { networkPlan } from './address-plan.js';
import { planHosts, validateSpec } from './spec.js';

const spec = { name: 'web', count: 4, privateCount: 1, stateDir: '/var/lib/tsible-lab/web' };

describe('lab spec', () => {
  it('plans hosts NAME-1..N, the last privateCount on the private network', () => {
    const hosts = planHosts(spec, spec.stateDir, networkPlan(3));
    expect(hosts.map((h) => [h.name, h.address, h.private, h.netns, h.veth])).toEqual([
      ['web-1', '10.213.6.10', false, 'tsl-web-1', 'tl3h1'],
      ['web-2', '10.213.6.11', false, 'tsl-web-2', 'tl3h2'],
      ['web-3', '10.213.6.12', false, 'tsl-web-3', 'tl3h3'],
      ['web-4', '10.213.7.13', true, 'tsl-web-4', 'tl3h4'],
    ]);
    expect(hosts[0]!.dir).toBe('/var/lib/tsible-lab/web/hosts/web-1');
  });

  it('returns the absolute state dir', () => {
    expect(validateSpec(spec)).toBe('/var/lib/tsible-lab/web');
    expect(validateSpec({ ...spec, stateDir: 'rel/dir' })).toBe(`${process.cwd()}/rel/dir`);
  });

  it.each([
    [{ count: 0 }, 'a lab has 1 to 200 hosts, not 0'],
    [{ count: 201 }, 'a lab has 1 to 200 hosts, not 201'],
    [{ count: 2.5 }, 'a lab has 1 to 200 hosts, not 2.5'],
    [{ privateCount: 4 }, '--private must be 0 to 3 (host 1 is the jump host and stays reachable)'],
    [{ privateCount: -1 }, '--private must be 0 to 3 (host 1 is the jump host and stays reachable)'],
    [{ stateDir: '/tmp/my lab' }, 'lab state dir "/tmp/my lab" must be a plain path (letters, digits, "_", ".", "-", "/")'],
    [{ stateDir: "/tmp/it's" }, `lab state dir "/tmp/it's" must be a plain path (letters, digits, "_", ".", "-", "/")`],
  ])('refuses %j with exit code 5', (change, message) => {
    let caught: unknown;
    try {
      validateSpec({ ...spec, ...change });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TsibleError);
    expect((caught as TsibleError).message).toBe(message);
    expect((caught as TsibleError).exitCode).toBe(5);
  });
});
