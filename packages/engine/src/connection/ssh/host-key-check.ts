import { appendFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { fingerprintSha256, knownHostsName, knownKeyTypes, verifyHostKey } from '../known-hosts/match.js';
import { keyTypeOfBlob, parseKnownHosts, type KnownHostEntry } from '../known-hosts/parse.js';
import type { HostKeyPolicy } from '../options/connection-options.js';

/** The outcome of checking the key a server offered; `problem` set means refuse. */
export interface HostKeyProblem {
  message: string;
  hint?: string | undefined;
}

export interface HostKeyCheck {
  /** Passed to ssh2 as hostVerifier (raw key blob). */
  verify(key: Buffer): boolean;
  /** Set once verify refused a key. */
  problem(): HostKeyProblem | undefined;
  /** Host key algorithms in the order to offer them. */
  algorithms: ServerHostKeyAlgorithm[];
  /** Warnings to show even though the connection went ahead. */
  warnings(): string[];
}

const DEFAULT_ALGORITHMS: readonly ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/**
 * Parsed known_hosts files, parsed once per run rather than once per host.
 * Keyed by the file's size and mtime so an edit (ours with accept-new, or
 * anyone's) is seen by the next connection.
 */
const parsedFiles = new Map<string, { stamp: string; entries: KnownHostEntry[] }>();

function readKnownHostsFile(file: string): KnownHostEntry[] {
  let stamp: string;
  try {
    const info = statSync(file);
    stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
  } catch {
    // Same size and mtime granularity could hide our own append: forget the file.
    parsedFiles.delete(file);
    return [];
  }
  const cached = parsedFiles.get(file);
  if (cached !== undefined && cached.stamp === stamp) return cached.entries;
  let entries: KnownHostEntry[];
  try {
    entries = parseKnownHosts(readFileSync(file, 'utf8'), file);
  } catch {
    entries = [];
  }
  parsedFiles.set(file, { stamp, entries });
  return entries;
}

export function loadKnownHosts(files: readonly string[]): KnownHostEntry[] {
  return files.flatMap(readKnownHostsFile);
}

export function createHostKeyCheck(host: string, port: number, policy: HostKeyPolicy, files: readonly string[]): HostKeyCheck {
  const entries = loadKnownHosts(files);
  let problem: HostKeyProblem | undefined;
  const warnings: string[] = [];
  const name = knownHostsName(host, port);
  return {
    algorithms: preferredAlgorithms(knownKeyTypes(entries, host, port)),
    problem: () => problem,
    warnings: () => warnings,
    verify(key: Buffer): boolean {
      const verdict = verifyHostKey(entries, host, port, key);
      const type = keyTypeOfBlob(key) ?? 'unknown';
      const fingerprint = fingerprintSha256(key);
      if (verdict.status === 'trusted') return true;
      if (verdict.status === 'revoked') {
        problem = { message: `Host key verification failed: the ${displayType(type)} host key for ${name} (${fingerprint}) is marked as revoked in ${verdict.entry.file}:${verdict.entry.line}` };
        return false;
      }
      if (policy === 'off') {
        if (verdict.status === 'changed') warnings.push(`host key for ${name} has changed (now ${fingerprint}); connecting anyway because host key checking is off`);
        return true;
      }
      if (verdict.status === 'changed') {
        problem = { message: changedKeyMessage(name, type, fingerprint, verdict.entries) };
        return false;
      }
      if (policy === 'accept-new') {
        appendKnownHost(files[0], name, type, key);
        warnings.push(`Permanently added '${name}' (${displayType(type)}) to the list of known hosts.`);
        return true;
      }
      problem = unknownKeyProblem(host, port, name, type, fingerprint, files[0]);
      return false;
    },
  };
}

function preferredAlgorithms(knownTypes: readonly string[]): ServerHostKeyAlgorithm[] {
  const preferred = knownTypes.flatMap((type) => (type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type]));
  const supported = DEFAULT_ALGORITHMS.filter((alg) => preferred.includes(alg));
  return [...new Set([...supported, ...DEFAULT_ALGORITHMS])];
}

/** ED25519, ECDSA, RSA... as ssh prints key types. */
export function displayType(type: string): string {
  if (type === 'ssh-ed25519') return 'ED25519';
  if (type.startsWith('ecdsa-')) return 'ECDSA';
  if (type === 'ssh-rsa' || type.startsWith('rsa-')) return 'RSA';
  if (type === 'ssh-dss') return 'DSA';
  return type;
}

function unknownKeyProblem(host: string, port: number, name: string, type: string, fingerprint: string, file: string | undefined): HostKeyProblem {
  const portFlag = port === 22 ? '' : `-p ${port} `;
  const shortType = displayType(type).toLowerCase();
  return {
    message: `Host key verification failed: no known_hosts entry for ${name}. The ${displayType(type)} key fingerprint is ${fingerprint}.`,
    hint:
      `If the fingerprint is right, trust the key with: ssh-keyscan ${portFlag}-t ${shortType} ${host} >> ${file ?? '~/.ssh/known_hosts'}\n` +
      'or turn checking off explicitly: host_key_checking = False in ansible.cfg, or ANSIBLE_HOST_KEY_CHECKING=False',
  };
}

function changedKeyMessage(name: string, type: string, fingerprint: string, offending: readonly KnownHostEntry[]): string {
  const shown = displayType(type);
  const first = offending[0]!;
  return [
    '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
    '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
    '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
    'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
    'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
    'It is also possible that a host key has just been changed.',
    `The fingerprint for the ${shown} key sent by the remote host is`,
    `${fingerprint}.`,
    'Please contact your system administrator.',
    `Add correct host key in ${first.file} to get rid of this message.`,
    `Offending ${shown} key in ${first.file}:${first.line}`,
    `Host key for ${name} has changed and you have requested strict checking.`,
    'Host key verification failed.',
  ].join('\n');
}

function appendKnownHost(file: string | undefined, name: string, type: string, key: Buffer): void {
  if (file === undefined) return;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, `${name} ${type} ${key.toString('base64')}\n`, { mode: 0o600 });
    // Same size and mtime granularity could hide our own append: forget the file.
    parsedFiles.delete(file);
  } catch {
    // Not being able to remember the key does not stop this connection (ssh behaves the same).
  }
}
