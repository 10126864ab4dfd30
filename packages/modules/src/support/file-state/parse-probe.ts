import { ABSENT, type FileState, type FileType, type PresentState, type StatFields } from './file-state.js';

export interface ProbeReport {
  paths: Map<string, FileState>;
  umask?: number;
  /** Lines that were not probe records (e.g. a module's own markers). */
  other: string[];
}

const TYPE_BITS: ReadonlyArray<readonly [number, FileType]> = [
  [0o140000, 'socket'],
  [0o120000, 'link'],
  [0o100000, 'file'],
  [0o060000, 'block'],
  [0o040000, 'directory'],
  [0o020000, 'char'],
  [0o010000, 'fifo'],
];

function typeOf(rawMode: number): FileType {
  const bits = rawMode & 0o170000;
  const found = TYPE_BITS.find(([mask]) => mask === bits);
  return found === undefined ? 'file' : found[1];
}

/** Parses the fields `stat -c STAT_FORMAT` printed; names fall back to ids as Python's pwd lookup does. */
export function parseStatFields(fields: readonly string[]): StatFields {
  const [hex, uid, gid, size, mtime, atime, ctime, nlink, inode, dev, blocks, blockSize, major, minor, owner, group] = fields;
  const raw = parseInt(hex ?? '0', 16);
  const num = (text: string | undefined): number => Number(text ?? '0');
  const name = (text: string | undefined, id: string | undefined): string => (text === undefined || text === '' || text === 'UNKNOWN' ? (id ?? '') : text);
  const majorNum = parseInt(major ?? '0', 16);
  const minorNum = parseInt(minor ?? '0', 16);
  return {
    type: typeOf(raw),
    mode: raw & 0o7777,
    uid: num(uid),
    gid: num(gid),
    owner: name(owner, uid),
    group: name(group, gid),
    size: num(size),
    mtime: num(mtime),
    atime: num(atime),
    ctime: num(ctime),
    nlink: num(nlink),
    inode: num(inode),
    dev: num(dev),
    blocks: num(blocks),
    blockSize: num(blockSize),
    // Linux's makedev for the common (small) device numbers.
    rdev: (majorNum << 8) | (minorNum & 0xff) | ((minorNum & ~0xff) << 12),
  };
}

function recordState(fields: readonly string[]): FileState {
  if (fields[0] === 'absent' && fields.length === 1) return ABSENT;
  return { exists: true, ...parseStatFields(fields) };
}

/** Parses the probe records out of a script's stdout. */
export function parseProbe(stdout: string): ProbeReport {
  const paths = new Map<string, FileState>();
  const report: ProbeReport = { paths, other: [] };
  const present = (tag: string): PresentState | undefined => {
    const state = paths.get(tag);
    return state !== undefined && state.exists ? state : undefined;
  };
  for (const line of stdout.split('\n')) {
    const [kind, tag = '', ...rest] = line.split('\t');
    switch (kind) {
      case '@p':
        paths.set(tag, recordState(rest));
        break;
      case '@f': {
        const state = present(tag);
        if (state !== undefined) state.resolved = recordState(rest);
        break;
      }
      case '@l': {
        const state = present(tag);
        if (state !== undefined) state.linkTarget = rest.join('\t');
        break;
      }
      case '@r': {
        const state = present(tag);
        if (state !== undefined) state.realPath = rest.join('\t');
        break;
      }
      case '@c': {
        const state = present(tag);
        if (state !== undefined && rest[0] !== undefined && rest[1] !== undefined) state.checksum = { algorithm: rest[0], digest: rest[1] };
        break;
      }
      case '@u':
        report.umask = parseInt(tag, 8);
        break;
      default:
        if (line !== '') report.other.push(line);
    }
  }
  return report;
}
