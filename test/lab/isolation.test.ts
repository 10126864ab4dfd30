import { existsSync, readFileSync } from 'node:fs';
import { describeLab, labInfo, resetHost, sshArgv, sshRun, useLabHosts, waitForHost } from './lab.js';
import { runArgv } from './run-argv.js';

const BOOT_ID = '/proc/sys/kernel/random/boot_id';

describeLab('lab host isolation', () => {
  const hosts = useLabHosts(2);
  const marker = `tsible-marker-${process.pid}-${Date.now()}`;

  it('a file written on one host exists on neither the other host nor the machine', async () => {
    const [a, b] = hosts();
    expect((await sshRun(a!, `echo hi > /etc/${marker} && cat /etc/${marker}`)).stdout).toBe('hi\n');
    expect((await sshRun(b!, `test -e /etc/${marker}; echo $?`)).stdout).toBe('1\n');
    expect(existsSync(`/etc/${marker}`)).toBe(false);
  }, 30_000);

  it('an iptables rule added inside a host exists only there', async () => {
    const [a, b] = hosts();
    const add = await sshRun(a!, `iptables -A INPUT -p tcp --dport 9 -m comment --comment ${marker} -j DROP && iptables -S INPUT`);
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain(marker);
    expect((await sshRun(b!, 'iptables -S INPUT')).stdout).not.toContain(marker);
    const machine = await runArgv(['iptables', '-S', 'INPUT']);
    expect(machine.code).toBe(0);
    expect(machine.stdout).not.toContain(marker);
  }, 30_000);

  it("cannot change the machine's kernel settings or clock; its own network settings it can", async () => {
    const [a] = hosts();
    const swappiness = readFileSync('/proc/sys/vm/swappiness', 'utf8');
    const forward = readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8');
    const r = await sshRun(a!, [
      `sysctl -q -w vm.swappiness=${Number(swappiness) === 11 ? 12 : 11} 2>/dev/null || echo sysctl-refused`,
      'date -s 2001-01-01 >/dev/null 2>&1 || echo clock-refused',
      'touch /sys/kernel/tsible 2>/dev/null || echo sys-read-only',
      'sysctl -q -w net.ipv4.ip_forward=1 && cat /proc/sys/net/ipv4/ip_forward',
    ].join('; '));
    expect(r.stdout).toBe('sysctl-refused\nclock-refused\nsys-read-only\n1\n');
    expect(readFileSync('/proc/sys/vm/swappiness', 'utf8')).toBe(swappiness);
    expect(readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8')).toBe(forward);
    expect(new Date().getFullYear()).toBeGreaterThan(2001);
  }, 30_000);

  it('does not inherit the environment of whoever started the lab', async () => {
    // The global setup set TSIBLE_TEST_LAB_* before it ran `tsible lab up`.
    const r = await sshRun(hosts()[0]!, 'tr "\\0" "\\n" < /proc/1/environ | cut -d= -f1 | sort | tr "\\n" " "');
    expect(r.stdout).toBe('LANG PATH PWD ');
  }, 30_000);

  it('sees only its own processes, with its own init as PID 1', async () => {
    const r = await sshRun(hosts()[0]!, 'tr "\\0" " " < /proc/1/cmdline; echo; ps -e --no-headers | wc -l');
    const [init, count] = r.stdout.trim().split('\n');
    expect(init).toContain('boot.sh');
    expect(Number(count)).toBeLessThan(20);
  }, 30_000);

  it('has its own identity: machine id, default route through the machine, no systemd init', async () => {
    const [a, b] = hosts();
    const ids = await Promise.all([a!, b!].map((h) => sshRun(h, 'cat /etc/machine-id; ip -4 route show default; test -e /sbin/init || echo no-init')));
    const machineId = readFileSync('/etc/machine-id', 'utf8');
    expect(ids[0]!.stdout.split('\n')[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]!.stdout.startsWith(machineId)).toBe(false);
    expect(ids[0]!.stdout.split('\n')[0]).not.toBe(ids[1]!.stdout.split('\n')[0]);
    expect(ids[0]!.stdout).toContain(`default via ${labInfo().gateway} dev eth0`);
    expect(ids[0]!.stdout).toContain('no-init');
  }, 30_000);

  it('resolves lab host names from /etc/hosts, and fails other names at once (no name server leaves the lab)', async () => {
    const [a, b] = hosts();
    const started = Date.now();
    const r = await sshRun(a!, `getent hosts ${b!.name}; getent hosts example.org || echo unresolved`);
    expect(r.stdout).toMatch(new RegExp(`^${b!.address.replace(/\./g, '\\.')} +${b!.name}\nunresolved\n$`));
    expect(Date.now() - started).toBeLessThan(4000);
  }, 30_000);

  it('apt installs a lab package offline inside one host only', async () => {
    const [a, b] = hosts();
    const install = await sshRun(a!, 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q hello >/dev/null && hello');
    expect(install.stderr).not.toMatch(/^E:/m);
    expect(install.stdout).toBe('Hello, world!\n');
    expect((await sshRun(b!, 'command -v hello; dpkg -s hello >/dev/null 2>&1; echo $?')).stdout).toBe('1\n');
    expect(existsSync('/usr/bin/hello')).toBe(false);
    const sources = await sshRun(a!, 'apt-get update -q 2>&1 | grep -c "^Get:\\|^Hit:\\|^Ign:"; cat /etc/apt/sources.list; ls /etc/apt/sources.list.d | wc -l');
    expect(sources.stdout).toContain(`file:${labInfo().aptRepo} ./`);
    expect(sources.stdout.trim().split('\n').pop()).toBe('0');
  }, 60_000);

  it('reboot restarts only that host, with a new boot id, keeping its disk', async () => {
    const [a, b] = hosts();
    const machineBoot = readFileSync(BOOT_ID, 'utf8');
    const otherBoot = (await sshRun(b!, `cat ${BOOT_ID}`)).stdout;
    const before = await sshRun(a!, `cat ${BOOT_ID}; echo kept > /var/tmp/${marker}; echo gone > /tmp/${marker}; setsid sleep 600 >/dev/null 2>&1 < /dev/null & echo started`);
    expect(before.stdout).toMatch(/started/);
    const oldBoot = before.stdout.split('\n')[0]!;
    // The command ansible's reboot module sends, on a terminal (-tt) as ansible does: the
    // terminal hangs up right after, which must not cancel the reboot.
    const argv = sshArgv(a!, '/bin/sh -c \'/sbin/shutdown -r 0 "Reboot initiated by Ansible" && sleep 0\'');
    const reboot = await runArgv([argv[0]!, '-tt', ...argv.slice(1)]);
    expect(reboot.code).toBe(0);
    expect(reboot.stdout).toMatch(/^Reboot scheduled for /);
    const after = await waitForHost(a!, `cat ${BOOT_ID}`, (out) => out.trim() !== oldBoot && out.trim() !== '');
    expect(after.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const state = await sshRun(a!, `cat /var/tmp/${marker}; test -e /tmp/${marker} || echo tmp-cleared; pgrep -c -x sleep`);
    expect(state.stdout).toBe('kept\ntmp-cleared\n1\n'); // only init's own sleep is left
    expect(readFileSync(BOOT_ID, 'utf8')).toBe(machineBoot);
    expect((await sshRun(b!, `cat ${BOOT_ID}`)).stdout).toBe(otherBoot);
  }, 60_000);

  it.each(['systemctl reboot', 'telinit 6', 'sudo reboot'])('%s reboots the host too', async (command) => {
    const [a] = hosts();
    const before = (await sshRun(a!, `cat ${BOOT_ID}`)).stdout.trim();
    const asked = await sshRun(a!, command, command.startsWith('sudo') ? 'tester' : 'root');
    expect(asked.code).toBe(0);
    await waitForHost(a!, `cat ${BOOT_ID}`, (out) => out.trim() !== before && out.trim() !== '');
  }, 60_000);

  it('shutdown -r with a delay can be cancelled; systemctl answers as on a host without systemd', async () => {
    const [a] = hosts();
    const sched = await sshRun(a!, 'shutdown -r +5 "maintenance"; echo rc=$?; cat /run/tsible-lab/request');
    expect(sched.stdout).toBe('rc=0\nreboot\n');
    expect(sched.stderr).toMatch(/^Reboot scheduled for .+, use 'shutdown -c' to cancel\.$/m);
    const cancel = await sshRun(a!, 'shutdown -c; test -e /run/tsible-lab/request || echo cancelled');
    expect(cancel.stdout).toBe('cancelled\n');
    const ctl = await sshRun(a!, 'systemctl status ssh');
    expect(ctl.code).toBe(1);
    expect(ctl.stderr).toMatch(/has not been booted with systemd/);
  }, 30_000);

  it('resetHost restores a host to pristine, keeping its address and host key', async () => {
    const [a] = hosts();
    await sshRun(a!, `touch /etc/${marker}`);
    await resetHost(a!.name);
    const r = await sshRun(a!, `test -e /etc/${marker} || echo pristine; hostname`);
    expect(r.stdout).toBe(`pristine\n${a!.name}\n`);
  }, 60_000);
});
