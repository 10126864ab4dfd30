import type { Client, SFTPWrapper } from 'ssh2';
import { TsibleError } from '../../errors/tsible-error.js';
import { Emitter } from '../../output/events.js';
import type { SshConnectionOptions } from '../options/connection-options.js';
import { maskSecrets, traceWithoutCommand } from '../redact.js';
import { prepareRun } from '../run/prepare-run.js';
import { tempPathBeside } from '../temp-name.js';
import type { Connection, PutOptions, RunRequest, RunResult } from '../types.js';
import { LiveChannels } from '../live-channels.js';
import { UnreachableError } from '../unreachable.js';
import { ChannelLimit } from './channel-limit.js';
import { HandshakeError } from './handshake.js';
import { openRoute, type OpenRoute } from './route.js';
import { atomicPut, describeSftpError, readRemoteFile, removeRemoteFile } from './sftp-files.js';
import { ChannelRefusedError, openExecChannel } from './ssh-exec.js';
import { killableChannel, withPgidReport } from './remote-kill.js';

const FAILED_TO_CONNECT = 'Failed to connect to the host via ssh: ';
/** Below sshd's default MaxSessions (10), leaving room for SFTP. */
const MAX_CHANNELS = 8;
const RETRY_DELAY_MS = 300;
/** A refused session is retried this often (REFUSAL_DELAY_MS apart) before the run fails. */
const MAX_REFUSALS = 40;
const REFUSAL_DELAY_MS = 50;

/**
 * One persistent SSH connection per host for the whole run, opened on first
 * use. Commands are exec channels on it (several may run at once), files go
 * over SFTP on the same connection.
 */
export class SshConnection implements Connection {
  readonly host: string;
  private route: Promise<OpenRoute> | undefined;
  private sftp: Promise<SFTPWrapper> | undefined;
  private readonly channels = new ChannelLimit(MAX_CHANNELS);
  /** Exec channels open right now (the SFTP channel not counted). */
  private openChannels = 0;
  private readonly channelCount = {
    opened: () => void (this.openChannels += 1),
    closed: () => void (this.openChannels -= 1),
  };
  private readonly events: Emitter | undefined;
  /** Commands running now: closing the connection kills them on the host. */
  private readonly live = new LiveChannels();
  private closing = false;
  /** Rejects when the open connection goes away; SFTP requests race it. */
  private lostSignal: Promise<never> | undefined;
  /** Temp files of puts cut off by a lost connection, removed on reconnect. */
  private readonly staleTemps = new Set<string>();

  constructor(readonly options: SshConnectionOptions) {
    this.host = options.inventoryName;
    this.events = options.settings.events ? new Emitter(options.settings.events) : undefined;
  }

  async connect(): Promise<void> {
    await this.open();
  }

  async run(request: RunRequest): Promise<RunResult> {
    const run = prepareRun(request, {
      host: this.host,
      becomeTimeoutMs: this.options.connectTimeoutMs,
      maxOutputBytes: this.options.maxOutputBytes,
    });
    const { client } = await this.open();
    this.log('exec', `SSH: EXEC ${maskSecrets(run.script, request, [this.options.password])}`);
    for (let refusals = 0; ; refusals += 1) {
      try {
        return await this.channels.use(async () => {
          // A terminal ends its command itself when it closes (SIGHUP); otherwise the command reports its process group for terminate().
          const line = run.needsPty ? run.line : withPgidReport(run.line);
          const started = await openExecChannel(client, line, run.needsPty, (detail) => this.lost(detail), this.channelCount);
          const { channel, terminated } = run.needsPty ? { channel: started, terminated: undefined } : killableChannel(started, (script) => this.runBeside(client, script, request), run.become?.successMarker);
          this.live.watch(channel, terminated);
          return run.supervise(channel);
        });
      } catch (error) {
        if (!(error instanceof ChannelRefusedError)) throw error;
        // sshd counts sessions until they are fully closed: give closing ones a moment.
        if (refusals >= MAX_REFUSALS) {
          throw new TsibleError(`${this.host}: the SSH server refused to start a session: ${error.message}`, {
            code: 'TSIBLE_SSH_SESSION_REFUSED',
            owner: 'target',
            hint: "check MaxSessions in the host's sshd_config",
          });
        }
        this.channels.lower(this.openChannels);
        this.log('exec', `server refused a session; running at most ${this.channels.limit} at once`);
        await new Promise((resolve) => setTimeout(resolve, REFUSAL_DELAY_MS));
      }
    }
  }

  /** Runs a script with the request's become on its own channel, outside the channel limit (ending a command must not wait for a free slot). */
  private async runBeside(client: Client, script: string, request: RunRequest): Promise<void> {
    const run = prepareRun({ script, ...(request.become ? { become: request.become } : {}) }, {
      host: this.host,
      becomeTimeoutMs: this.options.connectTimeoutMs,
      maxOutputBytes: this.options.maxOutputBytes,
    });
    const channel = await openExecChannel(client, run.line, run.needsPty, (detail) => this.lost(detail), this.channelCount);
    await run.supervise(channel);
  }

  async put(content: Buffer, remotePath: string, options: PutOptions = {}): Promise<void> {
    const sftp = await this.openSftp();
    const temp = tempPathBeside(remotePath);
    this.log('put', `PUT ${content.length} bytes TO ${remotePath}`);
    await this.channels.use(() => this.unlessLost(atomicPut(sftp, content, remotePath, temp, options.mode))).catch((error: unknown) => {
      const failure = this.fileError(error, 'write', remotePath, 'TSIBLE_PUT_FAILED');
      if (failure instanceof UnreachableError) this.staleTemps.add(temp);
      throw failure;
    });
  }

  async get(remotePath: string): Promise<Buffer> {
    const sftp = await this.openSftp();
    this.log('get', `FETCH ${remotePath}`);
    return this.channels.use(() => this.unlessLost(readRemoteFile(sftp, remotePath))).catch((error: unknown) => {
      throw this.fileError(error, 'read', remotePath, 'TSIBLE_GET_FAILED');
    });
  }

  async close(): Promise<void> {
    const route = this.route;
    this.route = undefined;
    this.sftp = undefined;
    if (!route) return;
    this.closing = true;
    // Running commands are killed first: they would outlive a plain disconnect.
    await this.live.terminateAll();
    const open = await route.catch(() => undefined);
    if (!open) return;
    await new Promise<void>((resolve) => {
      open.client.once('close', () => resolve());
      open.client.end();
      setTimeout(resolve, 1000).unref();
    });
    open.hops.reverse().forEach((hop) => hop.end());
  }

  private open(): Promise<OpenRoute> {
    if (!this.route) {
      this.closing = false;
      const route = this.openWithRetries();
      this.route = route;
      route.then(
        (open) => {
          this.watch(route, open);
          // Clear up after puts that a previous connection loss cut off.
          if (this.staleTemps.size > 0) this.openSftp().catch(() => undefined);
        },
        () => {
          // A later task may try again (the host may be back).
          if (this.route === route) this.route = undefined;
        },
      );
    }
    return this.route;
  }

  private async openWithRetries(): Promise<OpenRoute> {
    const o = this.options;
    for (let attempt = 0; ; attempt += 1) {
      // Ansible's line; the port and jump hosts follow on their own line.
      this.log('connect', `ESTABLISH SSH CONNECTION FOR USER: ${o.user}`);
      this.log('connect', `SSH: connecting to ${o.host}:${o.port}${o.jumps.length > 0 ? ` via ${o.jumps.map((j) => `${j.user}@${j.host}:${j.port}`).join(',')}` : ''}`);
      try {
        const trace = this.events && (o.settings.verbosity ?? 0) >= 4 ? (m: string) => this.log('ssh2', maskSecrets(traceWithoutCommand(m), undefined, [o.password])) : undefined;
        const open = await openRoute(o, trace);
        open.warnings.forEach((warning) => this.events?.warn('connection.ssh.hostkey', `${this.host}: ${warning}`, { host: this.host }));
        return open;
      } catch (error) {
        // Only network trouble is worth retrying; a bad key or password stays bad.
        const retryable = !(error instanceof HandshakeError) || error.kind === 'network';
        if (!retryable || attempt >= o.retries) throw this.unreachable(error);
        this.log('connect', `connection attempt ${attempt + 1} failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * (attempt + 1)));
      }
    }
  }

  private watch(route: Promise<OpenRoute>, open: OpenRoute): void {
    open.client.on('error', (error: Error) => this.log('error', `connection error: ${error.message}`));
    let signalLost: (error: Error) => void = () => undefined;
    const lostSignal = new Promise<never>((_, reject) => {
      signalLost = reject;
    });
    lostSignal.catch(() => undefined);
    this.lostSignal = lostSignal;
    open.client.once('close', () => {
      signalLost(this.lost('connection closed during a file transfer'));
      if (this.route === route) {
        this.route = undefined;
        this.sftp = undefined;
      }
      if (!this.closing) this.log('close', 'connection closed by the remote side');
      open.hops.forEach((hop) => hop.end());
    });
  }

  private unlessLost<T>(work: Promise<T>): Promise<T> {
    return this.lostSignal ? Promise.race([work, this.lostSignal]) : work;
  }

  private openSftp(): Promise<SFTPWrapper> {
    if (!this.sftp) {
      const sftp = this.open()
        .then(
          ({ client }) =>
            new Promise<SFTPWrapper>((resolve, reject) =>
              client.sftp((error, wrapper) => (error ? reject(this.lost(`cannot start SFTP: ${error.message}`)) : resolve(wrapper))),
            ),
        )
        .then(async (wrapper) => {
          await this.removeStaleTemps(wrapper);
          return wrapper;
        });
      this.sftp = sftp;
      sftp.catch(() => {
        if (this.sftp === sftp) this.sftp = undefined;
      });
    }
    return this.sftp;
  }

  private async removeStaleTemps(sftp: SFTPWrapper): Promise<void> {
    const temps = [...this.staleTemps];
    this.staleTemps.clear();
    await Promise.all(temps.map((temp) => removeRemoteFile(sftp, temp)));
  }

  private unreachable(error: unknown): UnreachableError {
    if (error instanceof UnreachableError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof HandshakeError ? error.hint : undefined;
    return new UnreachableError(this.host, `${FAILED_TO_CONNECT}${message}`, error, hint);
  }

  private lost(detail: string): UnreachableError {
    return new UnreachableError(this.host, `${FAILED_TO_CONNECT}${this.options.user}@${this.options.host}: ${detail}`);
  }

  private fileError(error: unknown, action: string, path: string, code: string): Error {
    if (error instanceof UnreachableError) return error;
    if (this.route === undefined && !this.closing) return this.lost(describeSftpError(error, action, path));
    return new TsibleError(`${this.host}: ${describeSftpError(error, action, path)}`, { code, owner: 'target', cause: error });
  }

  private log(what: string, message: string): void {
    this.events?.debug(`connection.ssh.${what}`, `<${this.options.host}> ${message}`, { host: this.host });
  }
}
