/**
 * apt_repository and deb822_repository on a lab host, against a signed copy
 * of the lab's apt repository built on the host (signed-repo.sh): the cache
 * update is real and apt verifies the repository with the signed-by key.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describeLab, labInfo, labInventoryPath } from '../lab/lab.js';
import { runArgv } from '../lab/run-argv.js';
import { onHost, putFixture, runModule, useOneLabHost } from './run-module.js';

const SIGNED_REPO = fileURLToPath(new URL('./fixtures/signed-repo.sh', import.meta.url));
const LINE = 'deb [signed-by=/etc/apt/keyrings/signed.gpg] file:/srv/signed-repo ./';
const LIST = '/etc/apt/sources.list.d/file_srv_signed_repo.list';
const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

describeLab('apt_repository on a lab host', () => {
  const host = useOneLabHost();
  const sources = (): string => onHost(host(), 'ls -l /etc/apt/sources.list.d/ | tail -n +2; cat /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null; true');
  const fromSignedRepo = (): string => onHost(host(), 'apt-cache policy sl | grep -c signed-repo || true').trim();

  beforeAll(() => {
    const script = putFixture(host(), SIGNED_REPO);
    onHost(host(), `${script} /srv/signed-repo /etc/apt/keyrings/signed.gpg /root/signed.asc`);
  }, 120_000);

  it('adds a signed-by line in the file named after the repository and updates the cache: changed, then ok', () => {
    const before = sources();
    const check = runModule(host(), 'apt_repository', `repo='${LINE}'`, ['--check', '--diff']);
    expect(check.result).toMatchObject({ changed: true, repo: LINE, state: 'present' });
    expect(check.result['diff']).toContainEqual({ before: '', after: `${LINE}\n`, before_header: '/dev/null', after_header: LIST });
    expect(sources()).toBe(before);
    expect(fromSignedRepo()).toBe('0');

    const add = runModule(host(), 'apt_repository', `repo='${LINE}'`);
    expect(add.result).toMatchObject({ changed: true, repo: LINE, state: 'present' });
    expect(onHost(host(), `stat -c %a ${LIST}; cat ${LIST}`)).toBe(`644\n${LINE}\n`);
    // The cache update was real: apt now knows the package from the signed repository.
    expect(fromSignedRepo()).toBe('1');
    expect(runModule(host(), 'apt_repository', `repo='${LINE}'`).result['changed']).toBe(false);
  }, 120_000);

  it('filename and mode name and protect a new file; a disabled line is enabled again', () => {
    const line = 'deb-src [signed-by=/etc/apt/keyrings/signed.gpg] file:/srv/signed-repo ./';
    const r = runModule(host(), 'apt_repository', `repo='${line}' filename=signed-src mode=0600 update_cache=no`);
    expect(r.result['changed']).toBe(true);
    expect(onHost(host(), 'stat -c %a /etc/apt/sources.list.d/signed-src.list')).toBe('600\n');
    onHost(host(), `sed -i 's/^deb-src/# deb-src/' /etc/apt/sources.list.d/signed-src.list`);
    expect(runModule(host(), 'apt_repository', `repo='${line}' update_cache=no`).result['changed']).toBe(true);
    expect(onHost(host(), 'cat /etc/apt/sources.list.d/signed-src.list')).toBe(`${line}\n`);
  }, 60_000);

  it('state=absent removes the line and the file it leaves empty; check mode keeps it', () => {
    const before = sources();
    expect(runModule(host(), 'apt_repository', `repo='${LINE}' state=absent`, ['--check']).result['changed']).toBe(true);
    expect(sources()).toBe(before);
    expect(runModule(host(), 'apt_repository', `repo='${LINE}' state=absent`).result['changed']).toBe(true);
    expect(onHost(host(), `[ -e ${LIST} ] && echo present || echo gone`)).toBe('gone\n');
    expect(fromSignedRepo()).toBe('0');
    expect(runModule(host(), 'apt_repository', `repo='${LINE}' state=absent`).result['changed']).toBe(false);
  }, 120_000);

  it('a repository apt cannot fetch fails with apt words and the sources are put back', () => {
    const before = sources();
    const r = runModule(host(), 'apt_repository', "repo='deb file:/srv/no-such-repo ./' update_cache_retries=1");
    expect(r.code).toBe(2);
    // apt's warnings (if any) follow its errors, as python-apt lists them.
    expect(r.result['msg']).toMatch(/^Failed to update apt cache: E:The repository 'file:\/srv\/no-such-repo \.\/ Release' does not have a Release file\.(, W:[^,]+)*$/);
    expect(sources()).toBe(before);
  }, 60_000);

  it('refuses a line that is not a source before touching anything', () => {
    const r = runModule(host(), 'apt_repository', "repo='http://example.com/debian stable main'");
    expect(r.result).toMatchObject({ failed: true, msg: 'Invalid repository string: http://example.com/debian stable main' });
  }, 60_000);
});

describeLab('deb822_repository on a lab host', () => {
  const host = useOneLabHost();
  const DEST = '/etc/apt/sources.list.d/signed-lab.sources';

  beforeAll(() => {
    const script = putFixture(host(), SIGNED_REPO);
    onHost(host(), `${script} /srv/signed-repo /etc/apt/keyrings/signed.gpg /root/signed.asc`);
  }, 120_000);

  it('writes NAME.sources with a key file: check mode writes nothing, then changed, then ok; apt uses it', () => {
    const args = "name='Signed Lab' uris=file:/srv/signed-repo suites=./ signed_by=/etc/apt/keyrings/signed.gpg";
    expect(runModule(host(), 'deb822_repository', args, ['--check']).result['changed']).toBe(true);
    expect(onHost(host(), `[ -e ${DEST} ] && echo present || echo absent`)).toBe('absent\n');
    const r = runModule(host(), 'deb822_repository', args);
    const text = 'X-Repolib-Name: Signed Lab\nSigned-By: /etc/apt/keyrings/signed.gpg\nSuites: ./\nTypes: deb\nURIs: file:/srv/signed-repo\n';
    expect(r.result).toMatchObject({ changed: true, dest: DEST, key_filename: '/etc/apt/keyrings/signed.gpg', repo: text });
    expect(onHost(host(), `stat -c %a ${DEST}; cat ${DEST}`)).toBe(`644\n${text}`);
    expect(runModule(host(), 'deb822_repository', args).result['changed']).toBe(false);
    onHost(host(), 'apt-get update -q >/dev/null');
    expect(onHost(host(), 'apt-cache policy sl | grep -c signed-repo')).toBe('1\n');
  }, 120_000);

  it('takes the key inline (signed_by with the armored key) and apt verifies with it', () => {
    const key = onHost(host(), 'cat /root/signed.asc');
    const args = JSON.stringify({ name: 'inline key', uris: ['file:/srv/signed-repo'], suites: ['./'], signed_by: key, enabled: true });
    const r = runModule(host(), 'deb822_repository', args);
    expect(r.result).toMatchObject({ changed: true, dest: '/etc/apt/sources.list.d/inline-key.sources', key_filename: null });
    const written = onHost(host(), 'cat /etc/apt/sources.list.d/inline-key.sources');
    expect(written).toMatch(/^Enabled: yes\nX-Repolib-Name: inline key\nSigned-By:\n {4}-----BEGIN PGP PUBLIC KEY BLOCK-----\n {4}\.\n/);
    onHost(host(), `rm ${DEST}; apt-get update -q >/dev/null`);
    expect(onHost(host(), 'apt-cache policy sl | grep -c signed-repo')).toBe('1\n');
  }, 120_000);

  it('fetches a signed_by URL into /etc/apt/keyrings/NAME.asc; state=absent removes file and key', async () => {
    const key = onHost(host(), 'cat /root/signed.asc');
    const server = createServer((_req, res) => res.end(key));
    await new Promise<void>((resolve) => server.listen(0, labInfo().gateway, resolve));
    try {
      const url = `http://${labInfo().gateway}:${(server.address() as AddressInfo).port}/repo.asc`;
      const args = `name=from-url uris=file:/srv/signed-repo suites=./ signed_by=${url}`;
      // The server answers from this process, so the CLI must run without blocking it.
      const runAsync = async (): Promise<Record<string, unknown>> => {
        const r = await runArgv([process.execPath, CLI, 'run', host().name, '-i', labInventoryPath(), '--json', '-m', 'deb822_repository', '-a', args], 120_000);
        return (JSON.parse(r.stdout) as { hosts: Record<string, Record<string, unknown>> }).hosts[host().name] ?? {};
      };
      expect(await runAsync()).toMatchObject({ changed: true, key_filename: '/etc/apt/keyrings/from-url.asc', dest: '/etc/apt/sources.list.d/from-url.sources' });
      expect(onHost(host(), 'stat -c %a /etc/apt/keyrings/from-url.asc; grep Signed-By /etc/apt/sources.list.d/from-url.sources')).toBe('644\nSigned-By: /etc/apt/keyrings/from-url.asc\n');
      expect((await runAsync())['changed']).toBe(false);
      onHost(host(), 'rm -f /etc/apt/sources.list.d/inline-key.sources; apt-get update -q >/dev/null');
      expect(onHost(host(), 'apt-cache policy sl | grep -c signed-repo')).toBe('1\n');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(runModule(host(), 'deb822_repository', 'name=from-url state=absent').result['changed']).toBe(true);
    expect(onHost(host(), 'ls /etc/apt/keyrings/ /etc/apt/sources.list.d/')).toBe('/etc/apt/keyrings/:\nsigned.gpg\n\n/etc/apt/sources.list.d/:\n');
    onHost(host(), 'apt-get update -q >/dev/null');
  }, 120_000);

  it('state=absent removes the file; then ok', () => {
    runModule(host(), 'deb822_repository', "name='inline key' uris=file:/srv/signed-repo suites=./ trusted=yes");
    const r = runModule(host(), 'deb822_repository', "name='inline key' state=absent");
    expect(r.result).toMatchObject({ changed: true, repo: null, dest: '/etc/apt/sources.list.d/inline-key.sources' });
    expect(onHost(host(), 'ls /etc/apt/sources.list.d/')).toBe('');
    expect(runModule(host(), 'deb822_repository', "name='inline key' state=absent").result['changed']).toBe(false);
  }, 60_000);
});
