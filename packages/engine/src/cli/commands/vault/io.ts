import type { CliContext } from '../../context.js';
import { writeFileAtomic } from '../../../vault/files/atomic-write.js';
import { readSourceFile } from '../../../vault/files/read-source.js';

/** `-` means standard input/output, as with ansible-vault. */
export const STDIO = '-';

export function isTty(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function readInput(path: string): Promise<Buffer> {
  return path === STDIO ? readStdin() : readSourceFile(path);
}

/** Writes to stdout or atomically to a file (new files 0600, existing ones keep their mode). */
export async function writeOutput(path: string, data: Uint8Array, ctx: CliContext): Promise<void> {
  if (path === STDIO) {
    await new Promise<void>((resolve, reject) => ctx.stdout.write(data, (err) => (err ? reject(err) : resolve())));
    return;
  }
  await writeFileAtomic(path, data, { newFileMode: 0o600 });
}

export function say(ctx: CliContext, message: string): void {
  ctx.stderr.write(`${message}\n`);
}
