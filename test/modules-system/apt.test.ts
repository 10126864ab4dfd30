import { describeLab } from '../lab/lab.js';
import { installWithAptGet, onHost, removeWithAptGet, packageState, packageStatus, runModule, useOneLabHost } from './run-module.js';

describeLab('apt on a lab host', () => {
  const host = useOneLabHost();

  it('installs a package: changed, then ok; check mode changes nothing', () => {
    const before = packageState(host());
    const check = runModule(host(), 'apt', 'name=hello', ['--check']);
    expect(check.code).toBe(0);
    expect(check.result).toMatchObject({ changed: true, cache_updated: false });
    expect(packageState(host())).toBe(before);

    const first = runModule(host(), 'apt', 'name=hello');
    expect(first.code).toBe(0);
    expect(first.result).toMatchObject({ changed: true, cache_updated: false });
    expect(String(first.result['stdout'])).toContain('Setting up hello');
    expect(packageStatus(host(), 'hello')).toMatch(/^installed /);

    const second = runModule(host(), 'apt', 'name=hello');
    expect(second.code).toBe(0);
    expect(second.result).toMatchObject({ changed: false });
  });

  it('installs a dependency with its package and a list of names at once', () => {
    const r = runModule(host(), 'apt', 'name=cowsay,tree install_recommends=no');
    expect(r.code).toBe(0);
    expect(r.result['changed']).toBe(true);
    expect(packageStatus(host(), 'cowsay')).toMatch(/^installed /);
    expect(packageStatus(host(), 'libtext-charwidth-perl')).toMatch(/^installed /);
    expect(packageStatus(host(), 'tree')).toMatch(/^installed /);
    expect(runModule(host(), 'apt', 'name=cowsay,tree').result['changed']).toBe(false);
  });

  it('shows the plan as the diff in diff mode', () => {
    const r = runModule(host(), 'apt', 'name=sl', ['--check', '--diff']);
    expect(r.code).toBe(0);
    const diff = r.result['diff'] as { prepared?: string } | undefined;
    expect(diff?.prepared).toMatch(/The following NEW packages will be installed:\n {2}sl\n0 upgraded, 1 newly installed/);
  });

  it('expands a name pattern against the cache', () => {
    removeWithAptGet(host(), 'sl');
    const r = runModule(host(), 'apt', 'name=hell*');
    expect(r.code).toBe(0);
    expect(r.result['changed']).toBe(false);
    const sl = runModule(host(), 'apt', 'name=s?');
    expect(sl.result['changed']).toBe(true);
    expect(packageStatus(host(), 'sl')).toMatch(/^installed /);
    const none = runModule(host(), 'apt', 'name=nosuch*');
    expect(none.result).toMatchObject({ failed: true, msg: "No package(s) matching 'nosuch*' available" });
  });

  it('pins a version with name=version and accepts a version pattern', () => {
    const version = packageStatus(host(), 'hello').split(' ')[1] ?? '';
    expect(runModule(host(), 'apt', `name=hello=${version}`).result['changed']).toBe(false);
    expect(runModule(host(), 'apt', `name=hello=${version.slice(0, 2)}*`).result['changed']).toBe(false);
    removeWithAptGet(host(), 'sl');
    const missing = runModule(host(), 'apt', 'name=jq,sl=0.0.1-nope');
    expect(missing.result).toMatchObject({ failed: true, msg: 'no available installation candidate for sl=0.0.1-nope' });
  });

  it('fails on an unknown package with Ansible message and changes nothing', () => {
    const before = packageState(host());
    const r = runModule(host(), 'apt', 'name=sl,no-such-package-here');
    expect(r.code).toBe(2);
    expect(r.result).toMatchObject({ failed: true, msg: "No package matching 'no-such-package-here' is available" });
    expect(packageState(host())).toBe(before);
  });

  it('removes, then purges, a package; check mode changes nothing', () => {
    const before = packageState(host());
    expect(runModule(host(), 'apt', 'name=tree state=absent', ['--check']).result['changed']).toBe(true);
    expect(packageState(host())).toBe(before);
    expect(runModule(host(), 'apt', 'name=tree state=absent').result['changed']).toBe(true);
    expect(packageStatus(host(), 'tree')).toBe('not-installed');
    expect(runModule(host(), 'apt', 'name=tree state=absent').result['changed']).toBe(false);

    // Removed but not purged: dpkg keeps its configuration files until purge.
    expect(runModule(host(), 'apt', 'name=cowsay state=absent').result['changed']).toBe(true);
    expect(packageStatus(host(), 'cowsay')).toMatch(/^(config-files|not-installed)/);
  });

  it('autoremove alone removes packages nothing needs any more; check mode changes nothing', () => {
    installWithAptGet(host(), 'sl');
    onHost(host(), 'apt-mark auto sl >/dev/null');
    const before = packageState(host());
    expect(runModule(host(), 'apt', 'autoremove=yes', ['--check']).result['changed']).toBe(true);
    expect(packageState(host())).toBe(before);
    expect(runModule(host(), 'apt', 'autoremove=yes').result['changed']).toBe(true);
    expect(packageStatus(host(), 'sl')).toBe('not-installed');
    expect(runModule(host(), 'apt', 'autoremove=yes').result['changed']).toBe(false);
  });

  it('latest installs a missing package and is then ok', () => {
    expect(runModule(host(), 'apt', 'name=sl state=latest').result['changed']).toBe(true);
    expect(runModule(host(), 'apt', 'name=sl state=latest').result['changed']).toBe(false);
  });

  it('only_upgrade leaves a package that is not installed alone', () => {
    removeWithAptGet(host(), 'hello');
    const r = runModule(host(), 'apt', 'name=hello only_upgrade=yes');
    expect(r.result['changed']).toBe(false);
    expect(packageStatus(host(), 'hello')).not.toMatch(/^installed /);
  });

  it('updates the cache: update_cache alone reports cache_updated and time; cache_valid_time skips a fresh cache', () => {
    const r = runModule(host(), 'apt', 'update_cache=yes');
    expect(r.code).toBe(0);
    expect(typeof r.result['cache_update_time']).toBe('number');
    expect(r.result['changed']).toBe(r.result['cache_updated']);
    const fresh = runModule(host(), 'apt', 'update_cache=yes cache_valid_time=3600');
    expect(fresh.result).toMatchObject({ changed: false, cache_updated: false });
    const check = runModule(host(), 'apt', 'update_cache=yes', ['--check']);
    expect(check.result).toMatchObject({ changed: true, cache_updated: true });
  });

  it('installs a .deb file on the target, then is ok', () => {
    onHost(host(), 'cd /tmp && apt-get download -q hello >/dev/null 2>&1 || cp /var/cache/apt/archives/hello_*.deb /tmp/; ls /tmp/hello_*.deb');
    const deb = onHost(host(), 'ls /tmp/hello_*.deb').trim();
    onHost(host(), 'apt-get -y -q remove hello >/dev/null 2>&1; true');
    const r = runModule(host(), 'apt', `deb=${deb}`);
    expect(r.code).toBe(0);
    expect(r.result['changed']).toBe(true);
    expect(packageStatus(host(), 'hello')).toMatch(/^installed /);
    expect(runModule(host(), 'apt', `deb=${deb}`).result['changed']).toBe(false);
  });

  it('puts policy-rc.d in place for the run only: an existing one comes back, none is left behind', () => {
    const original = onHost(host(), 'cat /usr/sbin/policy-rc.d 2>/dev/null; true');
    expect(runModule(host(), 'apt', 'name=tree policy_rc_d=101').result['changed']).toBe(true);
    expect(onHost(host(), 'cat /usr/sbin/policy-rc.d 2>/dev/null; true')).toBe(original);
    onHost(host(), 'rm -f /usr/sbin/policy-rc.d');
    expect(runModule(host(), 'apt', 'name=tree state=absent policy_rc_d=101').result['changed']).toBe(true);
    expect(onHost(host(), 'test -e /usr/sbin/policy-rc.d && echo present || echo absent').trim()).toBe('absent');
  });

  it('upgrade=dist brings packages to the repository version, then reports ok', () => {
    const before = packageState(host());
    const check = runModule(host(), 'apt', 'upgrade=dist', ['--check']);
    expect(check.code).toBe(0);
    expect(packageState(host())).toBe(before);
    const first = runModule(host(), 'apt', 'upgrade=dist');
    expect(first.result['changed']).toBe(check.result['changed']);
    const again = runModule(host(), 'apt', 'upgrade=dist');
    expect(again.result['changed']).toBe(false);
    expect(String(again.result['msg'])).toContain('0 upgraded, 0 newly installed');
  });
});
