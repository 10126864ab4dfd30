import { spawn, type ChildProcess } from 'node:child_process';
import { userInfo } from 'node:os';
import { open, readFile, rename, unlink, chmod } from 'node:fs/promises';
import { TsibleError } from '../errors/tsible-error.js';
import { Emitter } from '../output/events.js';
import type { ExecChannel, ChannelExit } from './run/exec-channel.js';
import type { LocalConnectionOptions } from './options/connection-options.js';
import { maskSecrets } from './redact.js';
import { prepareRun } from './run/prepare-run.js';
import { LiveChannels } from './live-channels.js';
import { tempPathBeside } from './temp-name.js';
import type { Connection, PutOptions, RunRequest, RunResult } from './types.js';

/** The controller itself, through child processes: same interface, no shell injection. */
export class LocalConnection implements Connection {
  readonly host: string;
  private readonly events: Emitter | undefined;
  private readonly live = new LiveChannels();

  constructor(private readonly options: LocalConnectionOptions) {
    this.host = options.inventoryName;
    this.events = options.settings.events ? new Emitter(options.settings.events) : undefined;
  }

  private connected = false;

  /** Nothing to open; at -vvv it says so once, as Ansible's local connection does. */
  async connect(): Promise<void> {
    if (this.connected) return;
    this.connected = true;
    this.events?.debug('connection.local.connect', `<${this.host}> ESTABLISH LOCAL CONNECTION FOR USER: ${userInfo().username}`, { host: this.host });
  }

  async run(request: RunRequest): Promise<RunResult> {
    const run = prepareRun(request, { host: this.host, becomeTimeoutMs: this.options.timeoutMs, maxOutputBytes: this.options.maxOutputBytes });
    if (run.become?.needsPty) {
      throw new TsibleError(`become method '${run.become.method}' needs a terminal, which the local connection does not provide`, {
        code: 'TSIBLE_BECOME_METHOD',
        hint: 'use become_method: sudo for local tasks',
      });
    }
    this.events?.debug('connection.local.exec', `<${this.host}> EXEC ${maskSecrets(run.script, request)}`, { host: this.host });
    return run.supervise(this.live.watch(spawnShell(run.line, this.options.settings.env ?? process.env)));
  }

  async put(content: Buffer, remotePath: string, options: PutOptions = {}): Promise<void> {
    const temp = tempPathBeside(remotePath);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (options.mode !== undefined) await chmod(temp, options.mode);
      await rename(temp, remotePath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new TsibleError(`${this.host}: cannot write ${remotePath}: ${(error as Error).message}`, {
        code: 'TSIBLE_PUT_FAILED',
        owner: 'target',
        cause: error,
      });
    }
  }

  async get(remotePath: string): Promise<Buffer> {
    try {
      return await readFile(remotePath);
    } catch (error) {
      throw new TsibleError(`${this.host}: cannot read ${remotePath}: ${(error as Error).message}`, {
        code: 'TSIBLE_GET_FAILED',
        owner: 'target',
        cause: error,
      });
    }
  }

  /** Commands run in their own process group, out of reach of the terminal's Ctrl-C: closing ends them. */
  async close(): Promise<void> {
    await this.live.terminateAll();
  }
}

const TERMINATE_GRACE_MS = 2000;

/** Runs one sh command line (fixed text: the values travel on stdin). */
function spawnShell(line: string, env: Readonly<Record<string, string | undefined>>): ExecChannel {
  // Own process group, so a timeout ends the whole command tree.
  const child = spawn('/bin/sh', ['-c', line], { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: { ...env } });
  child.stdin!.on('error', () => undefined);
  const finished = new Promise<ChannelExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal: signal ?? undefined }));
  });
  return {
    stdout: child.stdout!,
    stderr: child.stderr!,
    writeStdin: (data) => void child.stdin!.write(data),
    endStdin: () => void child.stdin!.end(),
    terminate: () => terminateGroup(child),
    finished,
  };
}

function terminateGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  setTimeout(() => signalGroup('SIGKILL'), TERMINATE_GRACE_MS).unref();
}
