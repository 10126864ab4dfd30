/** lsattr's letters as Ansible names them (module_utils FILE_ATTRIBUTES). */
const FILE_ATTRIBUTES: Readonly<Record<string, string>> = {
  A: 'noatime',
  a: 'append',
  c: 'compressed',
  C: 'nocow',
  d: 'nodump',
  D: 'dirsync',
  e: 'extents',
  E: 'encrypted',
  h: 'blocksize',
  i: 'immutable',
  I: 'indexed',
  j: 'journalled',
  N: 'inline',
  s: 'zero',
  S: 'synchronous',
  t: 'notail',
  T: 'blockroot',
  u: 'undelete',
  X: 'compressedraw',
  Z: 'compresseddirty',
};

export function fileAttributeNames(flags: string): string[] {
  return Array.from(flags)
    .map((flag) => FILE_ATTRIBUTES[flag])
    .filter((name): name is string => name !== undefined);
}
