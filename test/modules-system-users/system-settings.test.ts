/**
 * timezone, locale_gen and modprobe on a lab host. Lab hosts run on a kernel
 * without loadable modules (no /proc/modules) and have no kmod, so modprobe's
 * files are tested for real and its modprobe calls against a recording
 * `modprobe` in the host's PATH.
 */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('timezone on a lab host (Debian files, no systemd)', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const state = (): Promise<string> => onHost(host(), 'cat /etc/timezone; readlink /etc/localtime');

  it('sets /etc/timezone and the /etc/localtime link: check mode changes nothing, then changed, then ok', async () => {
    const before = await state();
    const check = tsibleRun(host(), 'timezone', 'name=Europe/Paris', ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await state()).toBe(before);
    const set = tsibleRun(host(), 'timezone', 'name=Europe/Paris');
    expect(set.caption).toBe('CHANGED');
    expect(set.result['msg']).toBe('Added 1 line and deleted 1 line(s) on /etc/timezone');
    expect(await state()).toBe('Europe/Paris\n/usr/share/zoneinfo/Europe/Paris\n');
    expect(await onHost(host(), 'date +%Z')).toMatch(/^CES?T\n$/);
    expect(tsibleRun(host(), 'timezone', 'name=Europe/Paris').caption).toBe('SUCCESS');
  }, 120_000);

  it('a link pointing elsewhere is a change even when /etc/timezone already names the zone', async () => {
    await onHost(host(), 'ln -sf /usr/share/zoneinfo/Asia/Tokyo /etc/localtime');
    const r = tsibleRun(host(), 'timezone', 'name=Europe/Paris', ['--diff']);
    expect(r.caption).toBe('CHANGED');
    expect(await state()).toBe('Europe/Paris\n/usr/share/zoneinfo/Europe/Paris\n');
  }, 60_000);

  it('an unknown zone fails in Ansible words and changes nothing', async () => {
    const before = await state();
    const r = tsibleRun(host(), 'timezone', 'name=Mars/Olympus');
    expect(r.caption).toBe('FAILED!');
    expect(r.result['msg']).toBe('Error message:\ngiven timezone "Mars/Olympus" is not available');
    expect(await state()).toBe(before);
  }, 60_000);

  it('a hardware clock that cannot be set fails with hwclock message and leaves /etc/default/rcS alone', async () => {
    const r = tsibleRun(host(), 'timezone', 'hwclock=local');
    expect(r.caption).toBe('FAILED!');
    expect(r.result['cmd']).toMatch(/hwclock --systohc --localtime$/);
    expect(await onHost(host(), 'cat /etc/default/rcS 2>/dev/null || echo none')).toBe('none\n');
  }, 60_000);
});

describeLab('locale_gen on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const state = (): Promise<string> => onHost(host(), "grep -E '^#? *de_CH.UTF-8 ' /etc/locale.gen; locale -a | grep -c de_CH || true");

  it('enables and builds a locale, then ok; absent comments it out and drops it', async () => {
    const before = await state();
    expect(before).toBe('# de_CH.UTF-8 UTF-8\n0\n');
    expect(tsibleRun(host(), 'locale_gen', 'name=de_CH.UTF-8', ['--check']).caption).toBe('CHANGED');
    expect(await state()).toBe(before);
    const add = tsibleRun(host(), 'locale_gen', 'name=de_CH.UTF-8');
    expect(add.caption).toBe('CHANGED');
    expect(add.result).toMatchObject({ name: 'de_CH.UTF-8', msg: 'OK' });
    expect(await state()).toBe('de_CH.UTF-8 UTF-8\n1\n');
    expect(tsibleRun(host(), 'locale_gen', 'name=de_CH.UTF-8').caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'locale_gen', 'name=de_CH.UTF-8 state=absent').caption).toBe('CHANGED');
    expect(await state()).toBe(before);
    expect(tsibleRun(host(), 'locale_gen', 'name=de_CH.UTF-8 state=absent').caption).toBe('SUCCESS');
  }, 240_000);

  it('fails as Ansible does for an unknown locale and without the locales package', async () => {
    const unknown = tsibleRun(host(), 'locale_gen', 'name=xx_YY.UTF-8');
    expect(unknown.caption).toBe('FAILED!');
    expect(unknown.result['msg']).toBe("The locale you've entered is not available on your system.");
    await onHost(host(), 'mv /etc/locale.gen /etc/locale.gen.off');
    const missing = tsibleRun(host(), 'locale_gen', 'name=de_CH.UTF-8');
    expect(missing.result['msg']).toBe('/etc/locale.gen and /var/lib/locales/supported.d/local are missing. Is the package "locales" installed?');
    await onHost(host(), 'mv /etc/locale.gen.off /etc/locale.gen');
  }, 60_000);
});

describeLab('modprobe on a lab host (recording modprobe, real files)', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const calls = (): Promise<string> => onHost(host(), 'cat /var/log/modprobe-calls 2>/dev/null; : > /var/log/modprobe-calls');
  const files = (): Promise<string> => onHost(host(), 'for f in /etc/modules-load.d/dummy.conf /etc/modprobe.d/dummy.conf; do [ -f $f ] && { echo "== $f"; cat $f; }; done; true');

  beforeAll(async () => {
    await onHost(host(), `mkdir -p /etc/modprobe.d && printf '#!/bin/sh\\necho "$*" >> /var/log/modprobe-calls\\n' > /usr/local/sbin/modprobe && chmod 755 /usr/local/sbin/modprobe`);
  }, 60_000);

  it('loads with the given parameters and writes the persistent files: changed, then ok; check mode writes nothing', async () => {
    const check = tsibleRun(host(), 'modprobe', 'name=dummy params=numdummies=2 persistent=present', ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await calls()).toBe('-n dummy numdummies=2\n');
    expect(await files()).toBe('');

    const load = tsibleRun(host(), 'modprobe', 'name=dummy params=numdummies=2 persistent=present');
    expect(load.caption).toBe('CHANGED');
    expect(load.result).toMatchObject({ name: 'dummy', params: 'numdummies=2', state: 'present' });
    // Not loaded afterwards (no loadable modules here), so Ansible's --first-time probe follows.
    expect(await calls()).toBe('dummy numdummies=2\n-n --first-time dummy numdummies=2\n');
    expect(await files()).toBe('== /etc/modules-load.d/dummy.conf\ndummy\n== /etc/modprobe.d/dummy.conf\noptions dummy numdummies=2\n');
    expect(tsibleRun(host(), 'modprobe', 'name=dummy params=numdummies=2 persistent=present').result['changed']).toBe(false);
  }, 120_000);

  it('new parameters comment out the old ones; persistent=absent comments out the module and its options', async () => {
    expect(tsibleRun(host(), 'modprobe', 'name=dummy params=numdummies=3 persistent=present').caption).toBe('CHANGED');
    expect(await files()).toBe('== /etc/modules-load.d/dummy.conf\ndummy\n== /etc/modprobe.d/dummy.conf\noptions dummy numdummies=3\n');
    await onHost(host(), "printf 'bonding\\ndummy # and its friends\\n' > /etc/modules-load.d/net.conf");
    expect(tsibleRun(host(), 'modprobe', 'name=dummy state=absent persistent=absent').caption).toBe('CHANGED');
    expect(await files()).toBe('== /etc/modules-load.d/dummy.conf\n#dummy\n== /etc/modprobe.d/dummy.conf\n#options dummy numdummies=3\n');
    // Ansible writes the lines back joined by newlines while each keeps its own.
    expect(await onHost(host(), 'cat /etc/modules-load.d/net.conf')).toBe('bonding\n\n#dummy # and its friends\n');
    expect(tsibleRun(host(), 'modprobe', 'name=dummy state=absent persistent=absent').caption).toBe('SUCCESS');
  }, 120_000);

  it('fails with modprobe message when it refuses, and without modprobe as Ansible does', async () => {
    await onHost(host(), `printf '#!/bin/sh\\necho "modprobe: FATAL: Module $1 not found." >&2; exit 1\\n' > /usr/local/sbin/modprobe`);
    const refused = tsibleRun(host(), 'modprobe', 'name=nosuchmod');
    expect(refused.caption).toBe('FAILED!');
    expect(refused.result).toMatchObject({ rc: 1, msg: 'modprobe: FATAL: Module nosuchmod not found.\n' });
    await onHost(host(), 'rm /usr/local/sbin/modprobe');
    const missing = tsibleRun(host(), 'modprobe', 'name=dummy');
    expect(String(missing.result['msg'])).toMatch(/^Failed to find required executable "modprobe" in paths: /);
  }, 60_000);
});
