/** What `lab up` is asked for. */
export interface LabSpec {
  /** Lab name; also the prefix of its host names (`NAME-1`, `NAME-2`, ...). */
  name: string;
  /** Number of hosts, private ones included. */
  count: number;
  /** The last `privateCount` hosts sit on a second network reachable only through host 1. */
  privateCount: number;
  /** Where keys, inventory, PID files and mount points live. */
  stateDir: string;
}

/** A lab account with a known password (the same password for every account). */
export interface LabUser {
  name: string;
  uid: number;
  home: string;
  /** How `sudo` behaves for this user. */
  sudo: 'none' | 'nopasswd' | 'password';
}

export interface LabHost {
  /** Inventory name and hostname inside the host. */
  name: string;
  /** 1-based position in the lab. */
  index: number;
  /** IPv4 address of the host's eth0. */
  address: string;
  /** True when only reachable through `jumpHost`. */
  private: boolean;
  /** Name under /run/netns. */
  netns: string;
  /** Root-namespace end of the host's veth pair. */
  veth: string;
  /** The host's own directory under the state dir. */
  dir: string;
  /** One line of the lab known_hosts file body: `ssh-ed25519 AAAA...`. */
  hostKey: string;
}

/** Everything `down`, `status` and `inventory` need, saved as lab.json in the state dir. */
export interface LabState {
  version: 1;
  name: string;
  stateDir: string;
  /** True when `up` created the state dir itself (then `down` removes it). */
  createdStateDir: boolean;
  /** Network slot: selects the lab's bridge names and /24 subnets. */
  slot: number;
  bridge: string;
  privateBridge: string | null;
  /** Root-namespace end of host 1's leg on the private network. */
  jumpVeth: string | null;
  subnet: string;
  privateSubnet: string | null;
  /** Address of the bridge in the root namespace (the hosts' view of the machine). */
  gateway: string;
  /** Address of host 1 on the private network (the jump host's inner side). */
  jumpAddress: string | null;
  keyFile: string;
  knownHostsFile: string;
  inventoryFile: string;
  sshConfigFile: string;
  /** Password of root and of the lab users inside every host (never the machine's). */
  password: string;
  users: LabUser[];
  /** Directory of the lab's apt repository (the hosts' only apt source). */
  aptRepo: string;
  hosts: LabHost[];
}
