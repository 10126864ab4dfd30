import { createHash, randomInt } from 'node:crypto';
import type { FilterDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';
import { arg } from '../call-args.js';
import { DEFAULT_ROUNDS, shaCrypt } from './sha-crypt.js';

const HASHES = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);
const SALT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Ansible's namespace for to_uuid. */
const ANSIBLE_UUID_NAMESPACE = '361e6d51-faec-444a-9079-341386da8e2e';

/** RFC 4122 name-based UUID (version 5, SHA-1), as Python's uuid.uuid5. */
export function uuid5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/[{}-]/g, ''), 'hex');
  if (ns.length !== 16) throw new TemplateRuntimeError(`Invalid value '${namespace}' for 'namespace': badly formed hexadecimal UUID string`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function digest(text: string, algorithm: string): string {
  if (!HASHES.has(algorithm)) throw new TemplateRuntimeError(`unsupported hash type ${algorithm}`);
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

/** A crypt(3) salt: `size` characters of ./0-9A-Za-z (16 unless given). */
export function randomSalt(size = 16): string {
  return Array.from({ length: size }, () => SALT_CHARS[randomInt(SALT_CHARS.length)]).join('');
}

/** password_hash('sha512'|'sha256', salt=None, rounds=None): crypt(3) SHA-crypt strings. */
export function passwordHash(value: unknown, args: unknown[], kw: Record<string, unknown>): string {
  const scheme = pythonStr(arg(args, kw, 0, 'hashtype', 'sha512'));
  const algorithm = scheme === 'sha512' || scheme === 'sha512_crypt' ? 'sha512' : scheme === 'sha256' || scheme === 'sha256_crypt' ? 'sha256' : undefined;
  if (!algorithm) throw new TemplateRuntimeError(`password_hash: the ${scheme} hash type is not supported by tsible (sha512 and sha256 are)`);
  const saltArg = arg(args, kw, 1, 'salt', null);
  const salt = saltArg === null ? randomSalt() : pythonStr(saltArg);
  if (!/^[./0-9A-Za-z]*$/.test(salt)) throw new TemplateRuntimeError('invalid characters in salt');
  const roundsArg = arg(args, kw, 2, 'rounds', null);
  const rounds = roundsArg === null ? DEFAULT_ROUNDS[algorithm] : Number(roundsArg);
  return shaCrypt(algorithm, pythonStr(plain(value)), salt, rounds);
}

export const encodingFilters: Record<string, FilterDef> = {
  b64encode: { fn: (v) => Buffer.from(pythonStr(plain(v)), 'utf8').toString('base64') },
  b64decode: { fn: (v) => Buffer.from(pythonStr(plain(v)), 'base64').toString('utf8') },
  hash: { fn: (v, args, kw) => digest(pythonStr(plain(v)), pythonStr(arg(args, kw, 0, 'hashtype', 'sha1'))) },
  checksum: { fn: (v) => digest(pythonStr(plain(v)), 'sha1') },
  sha1: { fn: (v) => digest(pythonStr(plain(v)), 'sha1') },
  md5: { fn: (v) => digest(pythonStr(plain(v)), 'md5') },
  password_hash: { fn: passwordHash },
  to_uuid: { fn: (v, args, kw) => uuid5(pythonStr(arg(args, kw, 0, 'namespace', ANSIBLE_UUID_NAMESPACE)), pythonStr(plain(v))) },
};
