import { createHash } from 'node:crypto';

/**
 * Address plan. Every lab lives in 10.213.0.0/16, a range that exists only on
 * this machine: the root namespace gets an `unreachable` route for the whole
 * /16, so nothing addressed to a lab ever leaves the machine, even after
 * `down`. Lab slot S (1..126) owns two /24s: 10.213.(2S).0/24 on the bridge
 * that the root namespace reaches, and 10.213.(2S+1).0/24 for private hosts,
 * on a second bridge with no address in the root namespace (only host 1 has a
 * leg on it).
 */
export const LAB_RANGE = '10.213.0.0/16';
export const MIN_SLOT = 1;
export const MAX_SLOT = 126;
/** Host addresses start at .10 so .1-.9 stay free for the machine and the jump leg. */
const FIRST_HOST_OCTET = 10;
export const MAX_HOSTS = 200;

export interface NetworkPlan {
  slot: number;
  bridge: string;
  privateBridge: string;
  jumpVeth: string;
  subnet: string;
  privateSubnet: string;
  gateway: string;
  jumpAddress: string;
}

export function networkPlan(slot: number): NetworkPlan {
  const pub = `10.213.${2 * slot}`;
  const priv = `10.213.${2 * slot + 1}`;
  return {
    slot,
    // Interface names must fit in 15 characters: tl<slot><role>.
    bridge: `tl${slot}br`,
    privateBridge: `tl${slot}pr`,
    jumpVeth: `tl${slot}jp`,
    subnet: `${pub}.0/24`,
    privateSubnet: `${priv}.0/24`,
    gateway: `${pub}.1`,
    jumpAddress: `${priv}.1`,
  };
}

export function hostVeth(slot: number, index: number): string {
  return `tl${slot}h${index}`;
}

/** The address of host `index` (1-based), on the private subnet when `isPrivate`. */
export function hostAddress(slot: number, index: number, isPrivate: boolean): string {
  return `10.213.${2 * slot + (isPrivate ? 1 : 0)}.${FIRST_HOST_OCTET - 1 + index}`;
}

/** The slot a lab tries first, so a lab keeps its addresses from one run to the next when it can. */
export function preferredSlot(name: string): number {
  const digest = createHash('sha1').update(name).digest();
  return MIN_SLOT + (digest.readUInt16BE(0) % (MAX_SLOT - MIN_SLOT + 1));
}

/** Slots in the order to try them: the preferred one, then upwards, wrapping around. */
export function slotCandidates(name: string): number[] {
  const first = preferredSlot(name);
  const span = MAX_SLOT - MIN_SLOT + 1;
  return Array.from({ length: span }, (_, i) => MIN_SLOT + ((first - MIN_SLOT + i) % span));
}

/** Bridge names that belong to some lab, whatever its slot. */
export function isLabBridge(ifname: string): boolean {
  return /^tl\d+br$/.test(ifname);
}
