/** Turns the fact script's sections into Ansible-named facts (without the ansible_ prefix). */

type Facts = Record<string, unknown>;

export function splitSections(output: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    const header = /^@@(\w+)$/.exec(line);
    if (header) {
      current = [];
      sections.set(header[1]!, current);
    } else if (current) {
      current.push(line);
    }
  }
  for (const lines of sections.values()) while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return sections;
}

function keyValues(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Z_0-9]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return out;
}

const OS_FAMILY: Record<string, string> = {
  Debian: 'Debian', Ubuntu: 'Debian', Kali: 'Debian', Raspbian: 'Debian', Linuxmint: 'Debian', Devuan: 'Debian',
  RedHat: 'RedHat', CentOS: 'RedHat', Fedora: 'RedHat', Rocky: 'RedHat', AlmaLinux: 'RedHat', OracleLinux: 'RedHat', Amazon: 'RedHat',
  Alpine: 'Alpine', Archlinux: 'Archlinux', SLES: 'Suse', openSUSE: 'Suse', 'openSUSE Leap': 'Suse', 'openSUSE Tumbleweed': 'Suse', Gentoo: 'Gentoo',
};

const DISTRIBUTION_NAMES: Record<string, string> = {
  debian: 'Debian', ubuntu: 'Ubuntu', centos: 'CentOS', rhel: 'RedHat', fedora: 'Fedora', rocky: 'Rocky', almalinux: 'AlmaLinux',
  alpine: 'Alpine', arch: 'Archlinux', opensuse: 'openSUSE', 'opensuse-leap': 'openSUSE Leap', sles: 'SLES', amzn: 'Amazon', ol: 'OracleLinux', gentoo: 'Gentoo', kali: 'Kali', linuxmint: 'Linuxmint',
};

function distributionFacts(sections: Map<string, string[]>): Facts {
  const os = keyValues(sections.get('os_release') ?? []);
  const id = (os['ID'] ?? '').toLowerCase();
  const distribution = DISTRIBUTION_NAMES[id] ?? (os['NAME'] ?? 'NA').split(' ')[0] ?? 'NA';
  let version = os['VERSION_ID'] ?? 'NA';
  const debianVersion = sections.get('debian_version')?.[0];
  if (distribution === 'Debian' && debianVersion !== undefined && /^\d/.test(debianVersion)) version = debianVersion.trim();
  const alpine = sections.get('alpine_release')?.[0];
  if (distribution === 'Alpine' && alpine !== undefined) version = alpine.trim();
  const [major, minor] = version.split('.');
  const facts: Facts = {
    distribution,
    distribution_version: version,
    distribution_major_version: major ?? 'NA',
    distribution_release: os['VERSION_CODENAME'] ?? os['UBUNTU_CODENAME'] ?? 'NA',
    os_family: OS_FAMILY[distribution] ?? distribution,
  };
  if (minor !== undefined) facts['distribution_minor_version'] = minor;
  return facts;
}

function memoryFacts(lines: readonly string[]): Facts {
  const kb = (name: string): number | undefined => {
    const line = lines.find((l) => l.startsWith(`${name}:`));
    const m = line ? /(\d+)/.exec(line) : null;
    return m ? Number(m[1]) : undefined;
  };
  const mb = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.floor(v / 1024));
  const facts: Facts = {};
  const total = mb(kb('MemTotal'));
  if (total !== undefined) facts['memtotal_mb'] = total;
  const free = mb(kb('MemFree'));
  if (free !== undefined) facts['memfree_mb'] = free;
  const swap = mb(kb('SwapTotal'));
  if (swap !== undefined) facts['swaptotal_mb'] = swap;
  return facts;
}

function cpuFacts(lines: readonly string[], nproc: string | undefined): Facts {
  const processors = lines.filter((l) => l.startsWith('processor')).length;
  const sockets = new Set(lines.filter((l) => l.startsWith('physical id')).map((l) => l.split(':')[1]?.trim())).size || 1;
  const coresLine = lines.find((l) => l.startsWith('cpu cores'));
  const cores = coresLine ? Number(coresLine.split(':')[1]) : 1;
  const models = lines.filter((l) => l.startsWith('model name')).map((l) => (l.split(':')[1] ?? '').trim());
  const vcpus = nproc !== undefined && /^\d+$/.test(nproc) ? Number(nproc) : processors;
  return {
    processor_count: sockets,
    processor_cores: cores,
    processor_vcpus: vcpus,
    processor_nproc: vcpus,
    processor_threads_per_core: Math.max(1, Math.round(vcpus / (sockets * cores))),
    processor: models,
  };
}

function prefixToNetmask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
}

function networkOf(address: string, prefix: number): string {
  const ip = address.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const net = (ip & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.');
}

function networkFacts(sections: Map<string, string[]>): Facts {
  const interfaces = new Map<string, Facts>();
  for (const line of sections.get('link') ?? []) {
    const m = /^\d+:\s+([^:@\s]+)[^:]*:\s+<([^>]*)>.*?mtu (\d+).*?link\/(\w+)(?: ([0-9a-f:]+))?/.exec(line);
    if (!m) continue;
    const name = m[1]!;
    interfaces.set(name, { device: name, active: m[2]!.split(',').includes('UP'), mtu: Number(m[3]), type: m[4] === 'loopback' ? 'loopback' : m[4] === 'ether' ? 'ether' : 'unknown', ...(m[5] !== undefined && m[4] !== 'loopback' ? { macaddress: m[5] } : {}) });
  }
  const all4: string[] = [];
  const all6: string[] = [];
  for (const line of sections.get('addr') ?? []) {
    const m = /^\d+:\s+(\S+)\s+(inet6?)\s+([0-9a-f.:]+)\/(\d+)(?:\s+brd\s+(\S+))?.*?scope (\w+)/.exec(line);
    if (!m) continue;
    const [, name, family, address, prefix, broadcast, scope] = m;
    const iface = interfaces.get(name!) ?? { device: name };
    interfaces.set(name!, iface);
    if (family === 'inet') {
      const entry = { address, broadcast: broadcast ?? '', netmask: prefixToNetmask(Number(prefix)), network: networkOf(address!, Number(prefix)), prefix };
      if (iface['ipv4'] === undefined) iface['ipv4'] = entry;
      else iface['ipv4_secondaries'] = [...((iface['ipv4_secondaries'] as unknown[]) ?? []), entry];
      if (name !== 'lo') all4.push(address!);
    } else {
      iface['ipv6'] = [...((iface['ipv6'] as unknown[]) ?? []), { address, prefix, scope }];
      if (name !== 'lo') all6.push(address!);
    }
  }
  const facts: Facts = { interfaces: [...interfaces.keys()].sort(), all_ipv4_addresses: all4, all_ipv6_addresses: all6 };
  for (const [name, iface] of interfaces) facts[name.replace(/[-.:]/g, '_')] = iface;
  const defaultRoute = (route: string | undefined, family: 'ipv4' | 'ipv6'): Facts => {
    const m = route ? /via (\S+) dev (\S+)/.exec(route) ?? /dev (\S+)/.exec(route) : null;
    if (!m) return {};
    const dev = m.length === 3 ? m[2]! : m[1]!;
    const gateway = m.length === 3 ? m[1]! : undefined;
    const iface = interfaces.get(dev);
    const base = family === 'ipv4' ? (iface?.['ipv4'] as Facts | undefined) : ((iface?.['ipv6'] as Facts[] | undefined)?.find((a) => a['scope'] === 'global'));
    return {
      ...(base ?? {}),
      alias: dev,
      interface: dev,
      ...(gateway !== undefined ? { gateway } : {}),
      ...(iface?.['macaddress'] !== undefined ? { macaddress: iface['macaddress'] } : {}),
      ...(iface?.['mtu'] !== undefined ? { mtu: iface['mtu'] } : {}),
      ...(iface?.['type'] !== undefined ? { type: iface['type'] } : {}),
    };
  };
  facts['default_ipv4'] = defaultRoute(sections.get('route4')?.[0], 'ipv4');
  facts['default_ipv6'] = defaultRoute(sections.get('route6')?.[0], 'ipv6');
  return facts;
}

const PSEUDO_FS = new Set(['proc', 'sysfs', 'devtmpfs', 'devpts', 'cgroup', 'cgroup2', 'securityfs', 'pstore', 'bpf', 'debugfs', 'tracefs', 'mqueue', 'hugetlbfs', 'fusectl', 'configfs', 'autofs', 'binfmt_misc', 'nsfs', 'rpc_pipefs']);

function mountFacts(lines: readonly string[]): Facts {
  const unescape = (s: string): string => s.replace(/\\(\d{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
  const mounts = lines
    .map((l) => l.split(' '))
    .filter((p) => p.length >= 4 && !PSEUDO_FS.has(p[2]!))
    .map(([device, mount, fstype, options]) => ({ device: unescape(device!), mount: unescape(mount!), fstype, options }));
  return { mounts };
}

function dateFacts(lines: readonly string[]): Facts {
  const parts = (lines[0] ?? '').split('|');
  const [utc, compact] = (lines[1] ?? '').split('|');
  if (parts.length < 17) return {};
  const [year, month, day, hour, minute, second, epoch, tz, tzOffset, weekday, , monthName, , dayOfYear, weekNumber] = parts;
  return {
    date_time: {
      year, month, day, hour, minute, second, epoch, epoch_int: epoch, tz, tz_offset: tzOffset, tz_dst: tz,
      weekday, weekday_number: parts[16], weeknumber: weekNumber, monthname: monthName, day_of_year: dayOfYear,
      date: `${year}-${month}-${day}`, time: `${hour}:${minute}:${second}`, iso8601: utc, iso8601_basic: compact, iso8601_basic_short: compact, iso8601_micro: utc,
    },
  };
}

function serviceManager(sections: Map<string, string[]>): string {
  const init = (sections.get('init')?.[0] ?? '').trim();
  if (init === 'systemd' || sections.get('systemd')?.[0] === 'yes') return 'systemd';
  if (init === 'init' || init === '') return 'sysvinit';
  if (init === 'openrc-init') return 'openrc';
  return init;
}

const PKG_MGR: Record<string, string> = { 'apt-get': 'apt', dnf: 'dnf', yum: 'yum', zypper: 'zypper', apk: 'apk', pacman: 'pacman', emerge: 'portage', pkg: 'pkgng' };

/** Ansible-named facts from the script's output, limited by gather_subset's minimum-or-all choice. */
export function parseFacts(output: string): Facts {
  const sections = splitSections(output);
  const uname = sections.get('uname') ?? [];
  const fqdn = (sections.get('fqdn')?.[0] ?? uname[4] ?? '').trim();
  const nodename = (uname[4] ?? '').trim();
  const ids = sections.get('ids') ?? [];
  const env: Record<string, string> = {};
  for (const line of sections.get('env') ?? []) {
    const eq = line.indexOf('=');
    if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(line.slice(0, eq))) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const virt = (sections.get('virt') ?? []).map((l) => l.trim()).filter((l) => l !== '' && l !== 'none');
  const pkg = sections.get('pkg')?.[0];
  return {
    ...distributionFacts(sections),
    system: uname[0] ?? 'Linux',
    kernel: uname[1] ?? '',
    kernel_version: uname[2] ?? '',
    machine: uname[3] ?? '',
    architecture: uname[3] ?? '',
    nodename,
    hostname: nodename.split('.')[0] ?? nodename,
    fqdn,
    domain: fqdn.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : '',
    ...memoryFacts(sections.get('meminfo') ?? []),
    ...cpuFacts(sections.get('cpuinfo') ?? [], sections.get('nproc')?.[0]),
    ...networkFacts(sections),
    ...mountFacts(sections.get('mounts') ?? []),
    ...dateFacts(sections.get('date') ?? []),
    service_mgr: serviceManager(sections),
    pkg_mgr: pkg === undefined ? 'unknown' : (PKG_MGR[pkg] ?? pkg),
    user_uid: Number(ids[0] ?? -1),
    user_gid: Number(ids[1] ?? -1),
    user_id: ids[2] ?? '',
    user_dir: ids[4] ?? '',
    user_shell: ids[5] ?? '',
    env,
    machine_id: (sections.get('machine_id')?.[0] ?? '').trim(),
    virtualization_type: virt[0] ?? 'NA',
    virtualization_role: virt.length > 0 ? 'guest' : 'NA',
  };
}
