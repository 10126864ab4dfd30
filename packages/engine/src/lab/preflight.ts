import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import type { Emitter } from '../output/events.js';
import { labEnv, lastLines, run } from './exec.js';
import { mountPoints } from './mounts.js';

/** Tools the lab needs and the Debian package that brings each one. */
const CORE_TOOLS: Record<string, string> = {
  ip: 'iproute2',
  unshare: 'util-linux',
  nsenter: 'util-linux',
  setsid: 'util-linux',
  setpriv: 'util-linux',
  pivot_root: 'util-linux',
  mount: 'mount',
};
/** Installed with apt-get by `lab up` when missing. */
const INSTALLABLE_TOOLS: Record<string, string> = {
  sshd: 'openssh-server',
  'ssh-keygen': 'openssh-client',
  setfattr: 'attr',
  'dpkg-scanpackages': 'dpkg-dev',
  sudo: 'sudo',
};

/** What a lab host's overlay root must contain: programs, configuration, package state and the lab's apt repository. */
const ROOT_FS_DIRS = ['/usr', '/etc', '/var', '/var/lib', '/var/cache'];

async function hasTool(name: string): Promise<boolean> {
  for (const dir of (labEnv().PATH ?? '').split(':')) {
    try {
      await access(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

/** Linux and root, or a clear error: namespaces, mounts and links need both. */
export function checkPlatform(platform: NodeJS.Platform, uid: number | undefined): void {
  if (platform !== 'linux') {
    throw new TsibleError(`tsible lab needs Linux (this is ${platform})`, {
      code: 'TSIBLE_LAB_PLATFORM',
      hint: 'lab hosts are Linux namespaces; run the lab on a Linux machine or VM',
    });
  }
  if (uid !== 0) {
    throw new TsibleError('tsible lab needs root (it creates network namespaces, bridges and mounts)', {
      code: 'TSIBLE_LAB_NOT_ROOT',
      hint: 'run it as root, e.g. with sudo',
    });
  }
}

async function missingTools(tools: Record<string, string>): Promise<string[]> {
  const names = Object.keys(tools);
  const present = await Promise.all(names.map(hasTool));
  return names.filter((_, i) => !present[i]);
}

async function aptInstall(packages: string[]): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages], { env, allowFailure: true });
  let res = await install();
  if (res.code !== 0) {
    await run(['apt-get', 'update', '-q'], { env, allowFailure: true });
    res = await install();
  }
  if (res.code !== 0) {
    throw new TsibleError(`tsible lab needs ${packages.join(', ')} and could not install them: ${lastLines(res.stderr)}`, {
      code: 'TSIBLE_LAB_MISSING_TOOL',
      hint: `install them yourself: apt-get install ${packages.join(' ')}`,
    });
  }
}

/**
 * Everything `lab up` relies on: Linux, root, overlayfs, the core tools (an
 * error naming the package when missing) and the installable ones (fetched
 * with apt-get when missing).
 */
export async function preflight(events: Emitter): Promise<void> {
  checkPlatform(process.platform, process.getuid?.());
  const filesystems = await readFile('/proc/filesystems', 'utf8').catch(() => '');
  if (!/\boverlay\b/.test(filesystems)) {
    throw new TsibleError('the kernel has no overlayfs, which lab hosts use for their root', {
      code: 'TSIBLE_LAB_NO_OVERLAYFS',
      hint: 'load it with "modprobe overlay"',
    });
  }
  const separate = (await mountPoints()).filter((p) => ROOT_FS_DIRS.includes(p));
  if (separate.length > 0) {
    throw new TsibleError(`lab hosts need ${separate.join(', ')} on the root filesystem, but this machine mounts them separately`, {
      code: 'TSIBLE_LAB_SPLIT_ROOT',
      hint: "a lab host's root is an overlay of the machine's root filesystem only, without what is mounted on it",
    });
  }
  const core = await missingTools(CORE_TOOLS);
  if (core.length > 0) {
    const packages = [...new Set(core.map((t) => CORE_TOOLS[t]))];
    throw new TsibleError(`tsible lab needs ${core.join(', ')}, missing on this machine`, {
      code: 'TSIBLE_LAB_MISSING_TOOL',
      hint: `install them: apt-get install ${packages.join(' ')}`,
    });
  }
  const installable = await missingTools(INSTALLABLE_TOOLS);
  if (installable.length > 0) {
    const packages = [...new Set(installable.map((t) => INSTALLABLE_TOOLS[t] ?? t))];
    events.info('lab.install', `installing ${packages.join(', ')} for the lab hosts`);
    await aptInstall(packages);
  }
}
