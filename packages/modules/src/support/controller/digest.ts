import { createHash } from 'node:crypto';

/** Checksums of controller-side bytes, as Ansible's checksum_s and md5 give them. */
export const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');
export const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex');
