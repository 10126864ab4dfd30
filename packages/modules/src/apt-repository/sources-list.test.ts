import { addSource, dumpFiles, expandedPath, parseFile, parseLine, removeSource, suggestedFilename, type SourcesFiles } from './sources-list.js';
import { repositorySlug, sourcesText } from './deb822-repository.js';
import type { Deb822RepositoryParams } from './deb822-repository.js';

describe('one-line apt sources as Ansible reads and writes them', () => {
  it('parses enabled, disabled, commented and invalid lines', () => {
    expect(parseLine('deb  http://a/debian   bookworm main  # mirror\n')).toEqual({ valid: true, enabled: true, source: 'deb http://a/debian bookworm main', comment: 'mirror' });
    expect(parseLine('#deb-src http://a/debian bookworm main')).toEqual({ valid: true, enabled: false, source: 'deb-src http://a/debian bookworm main', comment: '' });
    expect(parseLine('# just words')).toMatchObject({ valid: false, enabled: false, source: 'just words' });
    expect(parseLine('\n')).toMatchObject({ valid: false, source: '' });
  });

  it('derives the file name from the repository URL, as Ansible', () => {
    expect(suggestedFilename('deb [signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/debian bookworm stable', null)).toBe('download_docker_com_linux_debian.list');
    expect(suggestedFilename('deb http://user:secret@repo.example.com/apt stable main', null)).toBe('repo_example_com_apt.list');
    expect(suggestedFilename('deb [trusted=yes] file:/var/cache/lab ./', null)).toBe('file_var_cache_lab.list');
    expect(suggestedFilename('deb http://x/ y z', 'google-chrome')).toBe('google-chrome.list');
    expect(expandedPath('x.list', '/etc/apt/sources.list.d')).toBe('/etc/apt/sources.list.d/x.list');
    expect(expandedPath('/etc/apt/other.list', '/etc/apt/sources.list.d')).toBe('/etc/apt/other.list');
  });

  it('enables an existing line instead of adding one; removes only enabled lines; drops emptied files', () => {
    const files: SourcesFiles = new Map([
      ['/etc/apt/sources.list', parseFile('#comment\n# deb http://a/debian bookworm main\n')],
      ['/etc/apt/sources.list.d/b.list', parseFile('deb http://b/ x y\n')],
    ]);
    expect(addSource(files, 'deb http://a/debian bookworm main', '/etc/apt/sources.list.d/a.list')).toBeUndefined();
    expect(dumpFiles(files).get('/etc/apt/sources.list')).toBe('# comment\ndeb http://a/debian bookworm main\n');
    expect(addSource(files, 'deb http://c/ x y', '/etc/apt/sources.list.d/c.list')).toBe('/etc/apt/sources.list.d/c.list');
    removeSource(files, 'deb http://b/ x y');
    expect([...dumpFiles(files).keys()]).toEqual(['/etc/apt/sources.list', '/etc/apt/sources.list.d/c.list']);
  });
});

describe('deb822 sources as ansible-core 2.15 writes them', () => {
  const params = (over: Partial<Deb822RepositoryParams>): Deb822RepositoryParams => ({
    allow_downgrade_to_insecure: null, allow_insecure: null, allow_weak: null, architectures: null, by_hash: null, check_date: null,
    check_valid_until: null, components: null, date_max_future: null, enabled: null, inrelease_path: null, languages: null, name: 'x',
    pdiffs: null, signed_by: null, suites: null, targets: null, trusted: null, types: ['deb'], uris: null, mode: '0644', state: 'present',
    ...over,
  });

  it('names the file from `name` and writes fields in Ansible order', () => {
    expect(repositorySlug('Docker CE_stable!')).toBe('docker-ce-stable');
    const text = sourcesText(params({ name: 'docker', uris: ['https://d/x'], suites: ['bookworm'], components: ['stable'], enabled: true, check_date: false }), '/etc/apt/keyrings/docker.asc');
    expect(text).toBe('Check-Date: no\nComponents: stable\nEnabled: yes\nX-Repolib-Name: docker\nSigned-By: /etc/apt/keyrings/docker.asc\nSuites: bookworm\nTypes: deb\nURIs: https://d/x\n');
  });

  it('writes an inline key as a continuation, blank lines as dots', () => {
    const key = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZ\n-----END PGP PUBLIC KEY BLOCK-----\n';
    expect(sourcesText(params({ uris: ['u'] }), key)).toContain('Signed-By:\n    -----BEGIN PGP PUBLIC KEY BLOCK-----\n    .\n    mDMEZ\n    -----END PGP PUBLIC KEY BLOCK-----\n');
  });
});
