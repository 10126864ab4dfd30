import { readFile } from 'node:fs/promises';
import { run } from './exec.js';

/** Every mount point of this mount namespace. */
export async function mountPoints(): Promise<string[]> {
  const info = await readFile('/proc/self/mountinfo', 'utf8');
  return info
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[4] ?? '')
    // mountinfo escapes space, tab, newline and backslash as octal.
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))));
}

/** Mount points (root namespace) at or below `dir`, deepest first. */
export async function mountsUnder(dir: string): Promise<string[]> {
  const points = (await mountPoints()).filter((p) => p === dir || p.startsWith(`${dir}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** A tmpfs for the hosts' overlay upper dirs: overlayfs does not support an upper dir inside its lower layer (the machine's root), nor on an overlay. */
export async function mountOverlayTmpfs(mountPoint: string, labName: string): Promise<void> {
  await run(['mount', '-t', 'tmpfs', '-o', 'mode=700,size=50%', `tsible-lab-${labName}`, mountPoint]);
}

export async function unmountAll(dir: string): Promise<void> {
  for (const point of await mountsUnder(dir)) await run(['umount', '-l', point], { allowFailure: true });
}
