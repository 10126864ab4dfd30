import { runAdhoc, type AdhocHost, type PreparedHost } from './adhoc.js';
import type { TaskOutcome } from './module-task.js';
import type { Connection, RunRequest, RunResult } from '../connection/types.js';
import { UnreachableError } from '../connection/unreachable.js';
import type { Module } from '../module-api/module.js';
import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';

/** A scripted host: answers every run with `rc`, or cannot be reached. */
class FakeConnection implements Connection {
  static open = 0;
  static maxOpen = 0;
  closed = false;
  constructor(
    readonly host: string,
    private readonly behaviour: { unreachable?: boolean; rc?: number },
  ) {}
  async connect(): Promise<void> {
    if (this.behaviour.unreachable === true) throw new UnreachableError(this.host, `Failed to connect to the host via ssh: ${this.host}: Connection refused`);
    FakeConnection.open += 1;
    FakeConnection.maxOpen = Math.max(FakeConnection.maxOpen, FakeConnection.open);
  }
  async run(request: RunRequest): Promise<RunResult> {
    await new Promise((r) => setTimeout(r, 5));
    const rc = this.behaviour.rc ?? 0;
    return { rc, stdout: Buffer.from(`${this.host}:${String(request.script)}`), stderr: Buffer.alloc(0) };
  }
  async put(): Promise<void> {}
  async get(): Promise<Buffer> {
    return Buffer.alloc(0);
  }
  async close(): Promise<void> {
    if (!this.closed && this.behaviour.unreachable !== true) FakeConnection.open -= 1;
    this.closed = true;
  }
}

const echoModule: Module = {
  name: 'echo',
  spec: { options: { word: { type: 'str', required: true } } },
  supportsCheckMode: false,
  async run(ctx, params) {
    const run = await ctx.connection.run({ script: String(params['word']) });
    const result = { changed: true, rc: run.rc, stdout: run.stdout.toString() };
    return run.rc === 0 ? result : { ...result, failed: true, msg: 'non-zero return code' };
  },
};

function hosts(n: number): AdhocHost[] {
  return Array.from({ length: n }, (_, i) => ({ name: `web${i + 1}`, vars: {} }));
}

interface RunExtras {
  forks?: number;
  checkMode?: boolean;
  args?: Record<string, unknown>;
  prepare?: (host: AdhocHost, args: Readonly<Record<string, unknown>>) => PreparedHost;
}

async function run(hostList: AdhocHost[], behaviour: (name: string) => { unreachable?: boolean; rc?: number }, extra: RunExtras = {}) {
  const seen: [string, TaskOutcome][] = [];
  const summary = await runAdhoc({
    hosts: hostList,
    module: echoModule,
    args: extra.args ?? { word: 'hi' },
    ...(extra.prepare === undefined ? {} : { prepare: extra.prepare }),
    forks: extra.forks ?? 50,
    checkMode: extra.checkMode ?? false,
    diffMode: false,
    connectionFor: (h) => new FakeConnection(h.name, behaviour(h.name)),
    becomeFor: () => undefined,
    onResult: (host, outcome) => seen.push([host, outcome]),
    sink: new RecordingSink(),
  });
  return { summary, seen };
}

describe('runAdhoc', () => {
  it('runs every host and exits 0 when all succeed', async () => {
    const { summary, seen } = await run(hosts(3), () => ({}));
    expect(seen.map(([h]) => h).sort()).toEqual(['web1', 'web2', 'web3']);
    expect(summary.exitCode).toBe(0);
    expect(summary.stats['web2']).toEqual({ changed: 1, failures: 0, ignored: 0, ok: 1, rescued: 0, skipped: 0, unreachable: 0 });
  });

  it('lets the other hosts go on when one is unreachable, and exits 4 even with failures', async () => {
    const { summary } = await run(hosts(3), (name) => (name === 'web2' ? { unreachable: true } : name === 'web3' ? { rc: 1 } : {}));
    expect(summary.outcomes.get('web1')?.status).toBe('changed');
    expect(summary.outcomes.get('web2')).toEqual({
      status: 'unreachable',
      result: { changed: false, unreachable: true, msg: 'Failed to connect to the host via ssh: web2: Connection refused' },
    });
    expect(summary.outcomes.get('web3')?.status).toBe('failed');
    expect(summary.exitCode).toBe(4);
  });

  it('exits 2 when a host fails', async () => {
    const { summary } = await run(hosts(2), (name) => (name === 'web1' ? { rc: 3 } : {}));
    expect(summary.exitCode).toBe(2);
    expect(summary.stats['web1']?.failures).toBe(1);
  });

  it('keeps at most `forks` hosts in flight', async () => {
    FakeConnection.maxOpen = 0;
    await run(hosts(12), () => ({}), { forks: 3 });
    expect(FakeConnection.maxOpen).toBe(3);
  });

  it('fails every host with the same validation message when arguments are wrong', async () => {
    const { summary } = await run(hosts(2), () => ({}), { args: { wrd: 'x' } });
    expect(summary.outcomes.get('web1')?.result.msg).toBe(
      'missing required arguments: word; Unsupported parameters for (echo) module: wrd. Supported parameters include: word.',
    );
    expect(summary.exitCode).toBe(2);
  });

  it('gives each host its own arguments, and fails only the host whose arguments cannot be made', async () => {
    const { summary } = await run(hosts(3), () => ({}), {
      prepare: (host, args) => {
        if (host.name === 'web3') throw new TsibleError("'port' is undefined", { code: 'TSIBLE_TEST' });
        return { host, args: { ...args, word: `hello-${host.name}` } };
      },
    });
    expect(summary.outcomes.get('web1')?.result.stdout).toBe('web1:hello-web1');
    expect(summary.outcomes.get('web2')?.result.stdout).toBe('web2:hello-web2');
    expect(summary.outcomes.get('web3')).toEqual({ status: 'failed', result: { failed: true, msg: "'port' is undefined" } });
  });

  it('skips modules without check mode support under --check', async () => {
    const { summary } = await run(hosts(1), () => ({}), { checkMode: true });
    expect(summary.outcomes.get('web1')).toEqual({ status: 'skipped', result: { changed: false, skipped: true, msg: 'remote module (echo) does not support check mode' } });
  });
});
