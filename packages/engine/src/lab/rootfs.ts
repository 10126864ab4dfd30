import { randomBytes } from 'node:crypto';
import { chmod, chown, copyFile, lstat, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AccountFiles } from './accounts.js';
import { run } from './exec.js';
import { aptSources, etcHosts, resolvConf, sshdConfig } from './host-config.js';
import type { LabHost, LabState } from './types.js';

/** What every host's root is seeded from; computed once per `up`. */
export interface RootfsInputs {
  state: LabState;
  accounts: AccountFiles;
  /** The lab's public key (authorized for root and the lab users). */
  authorizedKey: string;
  /** Directory holding apt list files built for the lab repository, and their names. */
  aptListsDir: string;
  aptListFiles: string[];
  /** The lab power script installed as reboot, shutdown, poweroff, halt and systemctl. */
  powerScript: string;
}

/**
 * Overlay markers that node cannot create itself: opaque directories (hide
 * the machine's entries below) and whiteouts (hide one machine file).
 */
export interface OverlayMarks {
  opaque: string[];
  whiteouts: string[];
}

interface Owner {
  uid: number;
  gid: number;
}
const ROOT: Owner = { uid: 0, gid: 0 };

/** Creates `rel` and its parents in the upper dir with the machine's mode and owner, so copy-up looks untouched. */
async function mkdirLike(upper: string, rel: string, fallbackMode = 0o755): Promise<string> {
  let path = upper;
  for (const part of rel.split('/').filter(Boolean)) {
    path = join(path, part);
    const lower = path.slice(upper.length) || '/';
    try {
      await mkdir(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    const st = await lstat(lower).catch(() => null);
    if (st?.isDirectory()) {
      await chown(path, st.uid, st.gid);
      await chmod(path, st.mode & 0o7777);
    } else await chmod(path, fallbackMode);
  }
  return path;
}

async function writeUpper(upper: string, rel: string, body: string | Buffer, mode: number, owner: Owner = ROOT): Promise<void> {
  await mkdirLike(upper, dirname(rel));
  const path = join(upper, rel);
  await writeFile(path, body, { mode });
  await chmod(path, mode);
  if (owner.uid !== 0 || owner.gid !== 0) await chown(path, owner.uid, owner.gid);
}

/** Writes a file in place of the machine's one, keeping the machine file's mode and group. */
async function replaceUpper(upper: string, rel: string, body: string): Promise<void> {
  const st = await lstat(join('/', rel)).catch(() => null);
  await writeUpper(upper, rel, body, st ? st.mode & 0o7777 : 0o644, st ? { uid: st.uid, gid: st.gid } : ROOT);
}

/** A home directory with the lab key authorized, like `useradd -m` plus ssh-copy-id. */
async function seedHome(upper: string, home: string, owner: Owner): Promise<void> {
  const dir = await mkdirLike(upper, home, 0o755);
  await chown(dir, owner.uid, owner.gid);
  for (const entry of await readdir('/etc/skel').catch(() => [] as string[])) {
    const src = join('/etc/skel', entry);
    if ((await lstat(src)).isFile()) {
      await copyFile(src, join(dir, entry));
      await chown(join(dir, entry), owner.uid, owner.gid);
    }
  }
}

async function writeAuthorizedKeys(upper: string, home: string, owner: Owner, authorizedKey: string): Promise<void> {
  const sshDir = join(upper, home, '.ssh');
  await mkdir(sshDir, { recursive: true });
  await chmod(sshDir, 0o700);
  await chown(sshDir, owner.uid, owner.gid);
  await writeUpper(upper, join(home, '.ssh', 'authorized_keys'), authorizedKey, 0o600, owner);
}

/** Names of the machine's ssh host keys, which a lab host must not see. */
async function machineHostKeys(): Promise<string[]> {
  return (await readdir('/etc/ssh').catch(() => [] as string[])).filter((f) => f.startsWith('ssh_host_'));
}

/** root with a private home, the lab users with theirs, the lab password and sudo rules. */
async function seedAccounts(upper: string, inputs: RootfsInputs, marks: OverlayMarks): Promise<void> {
  const { accounts, authorizedKey } = inputs;
  // root's home is the host's own: the machine's /root never shows through.
  await mkdirLike(upper, 'root', 0o700);
  marks.opaque.push(join(upper, 'root'));
  await writeAuthorizedKeys(upper, '/root', ROOT, authorizedKey);
  for (const user of accounts.users) {
    const owner = { uid: user.uid, gid: user.uid };
    await seedHome(upper, user.home, owner);
    await writeAuthorizedKeys(upper, user.home, owner, authorizedKey);
  }
  await replaceUpper(upper, 'etc/passwd', accounts.passwd);
  await replaceUpper(upper, 'etc/shadow', accounts.shadow);
  await replaceUpper(upper, 'etc/group', accounts.group);
  await replaceUpper(upper, 'etc/gshadow', accounts.gshadow);
  await writeUpper(upper, 'etc/sudoers.d/tsible-lab', accounts.sudoers, 0o440);
}

/** Hostname, name resolution and machine id of the host. */
async function seedIdentity(upper: string, host: LabHost, state: LabState): Promise<void> {
  await writeUpper(upper, 'etc/hostname', `${host.name}\n`, 0o644);
  await writeUpper(upper, 'etc/hosts', etcHosts(host, state.hosts), 0o644);
  await writeUpper(upper, 'etc/resolv.conf', resolvConf(), 0o644);
  // Its own machine id; dbus keeps a second copy on some machines.
  const machineId = `${randomBytes(16).toString('hex')}\n`;
  await writeUpper(upper, 'etc/machine-id', machineId, 0o444);
  if ((await lstat('/var/lib/dbus/machine-id').catch(() => null))?.isFile()) await replaceUpper(upper, 'var/lib/dbus/machine-id', machineId);
}

/** sshd's config and the host's own key; the machine's host keys are hidden. */
async function seedSshd(upper: string, hostKeyFiles: { priv: string; pub: string }, marks: OverlayMarks): Promise<void> {
  const ours = ['ssh_host_ed25519_key', 'ssh_host_ed25519_key.pub'];
  for (const key of await machineHostKeys()) if (!ours.includes(key)) marks.whiteouts.push(join(upper, 'etc/ssh', key));
  await writeUpper(upper, 'etc/ssh/sshd_config', sshdConfig(), 0o644);
  await writeUpper(upper, 'etc/ssh/ssh_host_ed25519_key', await readFile(hostKeyFiles.priv), 0o600);
  await writeUpper(upper, 'etc/ssh/ssh_host_ed25519_key.pub', await readFile(hostKeyFiles.pub), 0o644);
}

/** The lab repository as the only apt source, with its package lists ready. */
async function seedApt(upper: string, inputs: RootfsInputs, marks: OverlayMarks): Promise<void> {
  await writeUpper(upper, 'etc/apt/sources.list', aptSources(inputs.state.aptRepo), 0o644);
  await mkdirLike(upper, 'etc/apt/sources.list.d');
  marks.opaque.push(join(upper, 'etc/apt/sources.list.d'));
  // man-db rebuilds its whole index after every install when this flag exists (seconds per apt
  // task); hosts go without it, like Debian's container images.
  if (await lstat('/var/lib/man-db/auto-update').catch(() => null)) {
    await mkdirLike(upper, 'var/lib/man-db');
    marks.whiteouts.push(join(upper, 'var/lib/man-db/auto-update'));
  }
  const lists = await mkdirLike(upper, 'var/lib/apt/lists');
  marks.opaque.push(lists);
  for (const file of inputs.aptListFiles) await copyFile(join(inputs.aptListsDir, file), join(lists, file));
}

/** Power commands that restart this lab host, never the machine. */
async function seedPower(upper: string, powerScript: string, marks: OverlayMarks): Promise<void> {
  // /sbin and /bin may be symlinks into /usr (merged /usr): write where the files really are.
  const sbin = (await realpath('/sbin').catch(() => '/sbin')).slice(1);
  const bin = (await realpath('/bin').catch(() => '/bin')).slice(1);
  for (const name of ['reboot', 'shutdown', 'poweroff', 'halt', 'telinit']) await writeUpper(upper, join(sbin, name), powerScript, 0o755);
  await writeUpper(upper, join(bin, 'systemctl'), powerScript, 0o755);
  // No /sbin/init: a host whose init is not systemd, where Ansible picks sysvinit (/etc/init.d) for services.
  if (await lstat(join('/', sbin, 'init')).catch(() => null)) {
    await mkdirLike(upper, sbin);
    marks.whiteouts.push(join(upper, sbin, 'init'));
  }
}

/**
 * Seeds one host's overlay upper dir. Returns the overlay markers still to
 * apply (see applyOverlayMarks).
 */
export async function seedRootfs(upper: string, host: LabHost, hostKeyFiles: { priv: string; pub: string }, inputs: RootfsInputs): Promise<OverlayMarks> {
  const marks: OverlayMarks = { opaque: [], whiteouts: [] };
  await seedAccounts(upper, inputs, marks);
  await seedIdentity(upper, host, inputs.state);
  await seedSshd(upper, hostKeyFiles, marks);
  await seedApt(upper, inputs, marks);
  await seedPower(upper, inputs.powerScript, marks);
  return marks;
}

/** Applies overlay markers for all hosts at once (two processes, however many hosts). */
export async function applyOverlayMarks(marks: OverlayMarks): Promise<void> {
  if (marks.opaque.length > 0) await run(['setfattr', '-n', 'trusted.overlay.opaque', '-v', 'y', ...marks.opaque]);
  if (marks.whiteouts.length > 0) {
    await run(['sh', '-c', 'for f; do mknod "$f" c 0 0; done', 'sh', ...marks.whiteouts]);
  }
}
