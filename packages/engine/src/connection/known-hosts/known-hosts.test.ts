import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { fingerprintSha256, knownHostsName, matchHostPattern, verifyHostKey } from './match.js';
import { keyTypeOfBlob, parseKnownHosts } from './parse.js';

/** An ssh-ed25519 public key blob, as a server would send it. */
function ed25519Blob(): Buffer {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const type = Buffer.from('ssh-ed25519');
  const len = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  return Buffer.concat([len(type.length), type, len(raw.length), raw]);
}

function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

const keyA = ed25519Blob();
const keyB = ed25519Blob();
const line = (hosts: string, key: Buffer, marker = ''): string => `${marker}${hosts} ssh-ed25519 ${key.toString('base64')} comment`;

describe('parseKnownHosts', () => {
  it('reads plain, hashed and marked lines with their file and line number', () => {
    const text = ['# comment', '', line('web1,10.0.0.1', keyA), line(hashed('db'), keyB), line('*.example.com', keyB, '@revoked ')].join('\n');
    const entries = parseKnownHosts(text, '/k');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ file: '/k', line: 3, keyType: 'ssh-ed25519', marker: undefined });
    expect(entries[0]!.names).toEqual({ kind: 'patterns', patterns: ['web1', '10.0.0.1'] });
    expect(entries[1]!.names.kind).toBe('hashed');
    expect(entries[2]!.marker).toBe('revoked');
  });

  it('skips malformed lines instead of failing', () => {
    const text = ['justonefield', 'host ssh-ed25519', 'host ssh-ed25519 !!notbase64!!', '@bogus host ssh-ed25519 AAAA', line('ok', keyA)].join('\n');
    expect(parseKnownHosts(text, '/k').map((e) => e.line)).toEqual([5]);
  });

  it('rejects a key whose blob type disagrees with the type field', () => {
    expect(parseKnownHosts(`host ssh-rsa ${keyA.toString('base64')}`, '/k')).toEqual([]);
    expect(keyTypeOfBlob(keyA)).toBe('ssh-ed25519');
  });
});

describe('verifyHostKey', () => {
  const verdict = (text: string, host: string, port: number, key: Buffer) => verifyHostKey(parseKnownHosts(text, '/k'), host, port, key);

  it('trusts a plain entry and names non-22 ports as [host]:port', () => {
    expect(verdict(line('web1', keyA), 'web1', 22, keyA).status).toBe('trusted');
    expect(verdict(line('web1', keyA), 'web1', 2222, keyA).status).toBe('unknown');
    expect(verdict(line('[web1]:2222', keyA), 'web1', 2222, keyA).status).toBe('trusted');
    expect(knownHostsName('Web1', 2222)).toBe('[web1]:2222');
  });

  it('matches hashed entries (HMAC-SHA1 of the name) including ports', () => {
    expect(verdict(line(hashed('10.1.2.3'), keyA), '10.1.2.3', 22, keyA).status).toBe('trusted');
    expect(verdict(line(hashed('[10.1.2.3]:2200'), keyA), '10.1.2.3', 2200, keyA).status).toBe('trusted');
    expect(verdict(line(hashed('10.1.2.3'), keyA), '10.1.2.4', 22, keyA).status).toBe('unknown');
  });

  it('reports a changed key with the offending entry', () => {
    const result = verdict(['other ssh-ed25519 x', line('web1', keyA)].join('\n'), 'web1', 22, keyB);
    expect(result.status).toBe('changed');
    if (result.status === 'changed') expect(result.entries[0]!.line).toBe(2);
  });

  it('honours wildcards and negation', () => {
    expect(verdict(line('*.example.com,!bad.example.com', keyA), 'good.example.com', 22, keyA).status).toBe('trusted');
    expect(verdict(line('*.example.com,!bad.example.com', keyA), 'bad.example.com', 22, keyA).status).toBe('unknown');
    expect(matchHostPattern('10.0.0.7', '10.0.0.?')).toBe(true);
    expect(matchHostPattern('[h]:22', '[h]:22')).toBe(true);
  });

  it('lets @revoked win and never takes @cert-authority as a host key', () => {
    const text = [line('web1', keyA), line('*', keyA, '@revoked ')].join('\n');
    expect(verdict(text, 'web1', 22, keyA).status).toBe('revoked');
    expect(verdict(line('web1', keyA, '@cert-authority '), 'web1', 22, keyA).status).toBe('unknown');
  });

  it('prints fingerprints the way ssh-keygen -l does', () => {
    expect(fingerprintSha256(keyA)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});

describe('against files written by OpenSSH tools', () => {
  it('agrees with ssh-keygen on hashed names and fingerprints', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/kh-`);
    try {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', `${dir}/key`]);
      const pub = readFileSync(`${dir}/key.pub`, 'utf8').trim().split(' ');
      writeFileSync(`${dir}/known_hosts`, `[db.example]:2022 ${pub[0]} ${pub[1]}\n`);
      execFileSync('ssh-keygen', ['-H', '-f', `${dir}/known_hosts`], { stdio: 'ignore' });
      const entries = parseKnownHosts(readFileSync(`${dir}/known_hosts`, 'utf8'), 'kh');
      const blob = Buffer.from(pub[1]!, 'base64');
      expect(entries[0]!.names.kind).toBe('hashed');
      expect(verifyHostKey(entries, 'db.example', 2022, blob).status).toBe('trusted');
      const listed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${dir}/key.pub`], { encoding: 'utf8' });
      expect(listed).toContain(fingerprintSha256(blob));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
