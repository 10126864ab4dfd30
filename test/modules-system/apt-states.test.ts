/**
 * apt's build-dep and fixed states for real on a lab host: a source package
 * built on the host (source-repo.sh) whose build dependencies come from the
 * lab repository, and a system broken on purpose with dpkg --force-depends.
 */
import { fileURLToPath } from 'node:url';
import { describeLab } from '../lab/lab.js';
import { onHost, packageState, packageStatus, putFixture, runModule, useOneLabHost } from './run-module.js';

const SOURCE_REPO = fileURLToPath(new URL('./fixtures/source-repo.sh', import.meta.url));

describeLab('apt build-dep and fixed on a lab host', () => {
  const host = useOneLabHost();

  it('build-dep installs the build dependencies of a source package: check mode changes nothing, then changed, then ok', () => {
    onHost(host(), `${putFixture(host(), SOURCE_REPO)} /srv/src-repo`);
    const before = packageState(host());
    const check = runModule(host(), 'apt', 'name=tsible-demo-src state=build-dep', ['--check']);
    expect(check.result['changed']).toBe(true);
    expect(String(check.result['stdout'])).toContain('The following NEW packages will be installed:\n  hello tree\n');
    expect(packageState(host())).toBe(before);

    expect(runModule(host(), 'apt', 'name=tsible-demo-src state=build-dep').result['changed']).toBe(true);
    expect(packageStatus(host(), 'hello')).toMatch(/^installed /);
    expect(packageStatus(host(), 'tree')).toMatch(/^installed /);
    expect(runModule(host(), 'apt', 'name=tsible-demo-src state=build-dep').result['changed']).toBe(false);
  }, 180_000);

  it('fixed repairs a broken system where a plain install is refused', () => {
    onHost(host(), 'dpkg --force-depends -i /var/cache/tsible-lab/debs/cowsay_*.deb >/dev/null 2>&1');
    const refused = runModule(host(), 'apt', 'name=sl');
    expect(refused.code).toBe(2);
    expect(String(refused.result['msg'])).toContain("E: Unmet dependencies. Try 'apt --fix-broken install'");
    expect(packageStatus(host(), 'sl')).toBe('not-installed');

    const before = packageState(host());
    expect(runModule(host(), 'apt', 'name=libtext-charwidth-perl state=fixed', ['--check']).result['changed']).toBe(true);
    expect(packageState(host())).toBe(before);
    const fixed = runModule(host(), 'apt', 'name=libtext-charwidth-perl state=fixed');
    expect(fixed.result['changed']).toBe(true);
    expect(onHost(host(), 'apt-get check >/dev/null 2>&1 && echo consistent')).toBe('consistent\n');
    expect(runModule(host(), 'apt', 'name=libtext-charwidth-perl state=fixed').result['changed']).toBe(false);
    expect(runModule(host(), 'apt', 'name=sl state=fixed').result['changed']).toBe(true);
    expect(packageStatus(host(), 'sl')).toMatch(/^installed /);
  }, 180_000);
});
