import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vaultFileError } from '../errors.js';
import { splitCommandLine } from '../../text/shlex.js';

/** Signals that end tsible: the plaintext is removed first. */
const CLEANUP_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

export interface EditOptions {
  /** The editor command line, e.g. $EDITOR; split like a shell would. */
  editor: string;
  /** Extension of the edited file, so the editor picks the right syntax. */
  extension: string;
  /** Base for the private temp directory (tests point it somewhere they can inspect). */
  tempRoot?: string;
}

/** Overwrites before removing, so the plaintext does not linger in freed blocks that easily. */
function shredAndRemove(dir: string, file: string): void {
  try {
    const size = statSync(file).size;
    writeFileSync(file, Buffer.alloc(size));
  } catch {
    // Nothing to shred.
  }
  rmSync(dir, { recursive: true, force: true });
}

function runEditor(argv: string[], file: string, started: (child: ChildProcess) => void): Promise<number | null> {
  const [program, ...args] = argv;
  return new Promise((resolve, reject) => {
    if (program === undefined) return reject(new Error('empty editor command'));
    const child = spawn(program, [...args, file], { stdio: 'inherit' });
    started(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal === null ? code : null));
  });
}

/**
 * Lets the user edit `initial` as plaintext in a 0600 file inside a private
 * 0700 directory, and returns what they saved. The directory is removed on
 * every path out: success, editor failure, or a terminating signal.
 */
export async function editPlaintext(initial: Uint8Array, options: EditOptions): Promise<Buffer> {
  const argv = splitCommandLine(options.editor);
  if (argv === undefined || argv.length === 0) throw vaultFileError(`Unable to parse the editor command "${options.editor}"`);
  const dir = mkdtempSync(join(options.tempRoot ?? tmpdir(), 'tsible-vault-'));
  const file = join(dir, `plaintext${options.extension}`);
  let editor: ChildProcess | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    editor?.kill('SIGTERM');
    shredAndRemove(dir, file);
    removeHandlers();
    process.kill(process.pid, signal);
  };
  // Ctrl-C reaches the whole foreground group; the editor decides what it
  // means (as with system(3)), and tsible cleans up once the editor is done.
  const ignoreInterrupt = (): void => undefined;
  const removeHandlers = (): void => {
    for (const s of CLEANUP_SIGNALS) process.removeListener(s, onSignal);
    process.removeListener('SIGINT', ignoreInterrupt);
  };
  for (const s of CLEANUP_SIGNALS) process.on(s, onSignal);
  process.on('SIGINT', ignoreInterrupt);
  try {
    writeFileSync(file, initial, { mode: 0o600, flag: 'wx' });
    let status: number | null;
    try {
      status = await runEditor(argv, file, (child) => (editor = child));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw vaultFileError(`Unable to execute the command "${[...argv, file].join(' ')}": ${reason}`, err);
    }
    if (status !== 0) {
      throw vaultFileError(`The editor "${options.editor}" exited with ${status === null ? 'a signal' : `status ${status}`}; nothing was saved`);
    }
    return readFileSync(file);
  } finally {
    removeHandlers();
    shredAndRemove(dir, file);
  }
}
