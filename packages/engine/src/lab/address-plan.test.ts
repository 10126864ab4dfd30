import { MAX_HOSTS, MAX_SLOT, MIN_SLOT, hostAddress, hostVeth, isLabBridge, networkPlan, preferredSlot, slotCandidates } from './address-plan.js';

describe('lab address plan', () => {
  it('gives slot S the /24s 10.213.2S and 10.213.2S+1, gateway .1 on the public one', () => {
    expect(networkPlan(7)).toEqual({
      slot: 7,
      bridge: 'tl7br',
      privateBridge: 'tl7pr',
      jumpVeth: 'tl7jp',
      subnet: '10.213.14.0/24',
      privateSubnet: '10.213.15.0/24',
      gateway: '10.213.14.1',
      jumpAddress: '10.213.15.1',
    });
  });

  it('numbers hosts from .10 on their network', () => {
    expect(hostAddress(7, 1, false)).toBe('10.213.14.10');
    expect(hostAddress(7, 12, true)).toBe('10.213.15.21');
    expect(hostAddress(MAX_SLOT, MAX_HOSTS, true)).toBe('10.213.253.209');
  });

  it('keeps interface names within the kernel limit of 15 characters', () => {
    const plan = networkPlan(MAX_SLOT);
    for (const name of [plan.bridge, plan.privateBridge, plan.jumpVeth, hostVeth(MAX_SLOT, MAX_HOSTS)]) {
      expect(name.length).toBeLessThanOrEqual(15);
    }
  });

  it('tries every slot once, starting with the one the name prefers', () => {
    const order = slotCandidates('tsible-test');
    expect(order[0]).toBe(preferredSlot('tsible-test'));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_SLOT - MIN_SLOT + 1 }, (_, i) => MIN_SLOT + i));
    expect(preferredSlot('tsible-test')).toBe(preferredSlot('tsible-test'));
  });

  it('recognises lab bridges and nothing else', () => {
    expect(isLabBridge('tl12br')).toBe(true);
    expect(isLabBridge('tl12pr')).toBe(false);
    expect(isLabBridge('docker0')).toBe(false);
    expect(isLabBridge('xtl12br')).toBe(false);
  });
});
