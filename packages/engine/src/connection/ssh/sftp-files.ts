import type { SFTPWrapper } from 'ssh2';

const call = <T>(fn: (cb: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => fn((error, value) => (error ? reject(error) : resolve(value as T))));

/**
 * Writes `content` to a 0600 temp file (`temp`, beside `remotePath`), sets
 * the mode, then renames it over the destination (posix-rename, atomic). A
 * failure removes the temp file, so the destination is either old or new,
 * never half-written.
 */
export async function atomicPut(sftp: SFTPWrapper, content: Buffer, remotePath: string, temp: string, mode: number | undefined): Promise<void> {
  try {
    await call<void>((cb) => sftp.writeFile(temp, content, { flag: 'wx', mode: 0o600 }, (e) => cb(e)));
    if (mode !== undefined) await call<void>((cb) => sftp.chmod(temp, mode, (e) => cb(e)));
    await call<void>((cb) => sftp.ext_openssh_rename(temp, remotePath, (e) => cb(e)));
  } catch (error) {
    await removeRemoteFile(sftp, temp);
    throw error;
  }
}

export function removeRemoteFile(sftp: SFTPWrapper, path: string): Promise<void> {
  return call<void>((cb) => sftp.unlink(path, (e) => cb(e))).catch(() => undefined);
}

export function readRemoteFile(sftp: SFTPWrapper, remotePath: string): Promise<Buffer> {
  return call<Buffer>((cb) => sftp.readFile(remotePath, (e, data) => cb(e, data)));
}

/** SFTP status messages are terse ("No such file"); this names the file. */
export function describeSftpError(error: unknown, action: string, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return `cannot ${action} ${path}: ${message}`;
}
