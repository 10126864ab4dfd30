import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import type { LabState } from '../../lab/types.js';
import type { CliContext } from '../context.js';

const DEFAULT_NAME = 'lab';

/** The lab API, imported only when a lab command runs (keeps `tsible --version` fast). */
type LabApi = typeof import('../../lab/index.js');

/** A command that acts on one host of a lab: `tsible lab stop|start|reset HOST`. */
interface HostCommand {
  name: string;
  description: string;
  done: string;
  run: (api: LabApi, state: LabState, host: string) => Promise<void>;
}

function count(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new TsibleError(`expected a whole number, got "${value}"`, { code: 'TSIBLE_LAB_OPTION', exitCode: ExitCode.badOptions });
  }
  return n;
}

/** `tsible lab up|down|status|inventory|stop|start|reset`: disposable isolated test hosts on this machine. */
export function registerLabCommand(program: Command, ctx: CliContext): void {
  const lab = program
    .command('lab')
    .description('disposable isolated test hosts (namespaces + overlayfs + real sshd) on this Linux machine; needs root');

  lab
    .command('up')
    .description('create N lab hosts and print where their inventory is')
    .argument('<count>', 'number of hosts')
    .option('--name <prefix>', 'lab name, also the prefix of host names', DEFAULT_NAME)
    .option('--dir <state_dir>', 'where keys, inventory and host state live (default /var/lib/tsible-lab/NAME)')
    .option('--private <n>', 'put the last N hosts on a network reachable only through host 1', '0')
    .option('-v, --verbose', 'more output')
    .action(async (countArg: string, opts: { name: string; dir?: string; private: string; verbose?: boolean }) => {
      const { labUp, defaultStateDir } = await import('../../lab/index.js');
      const started = Date.now();
      const state = await labUp(
        { name: opts.name, count: count(countArg), privateCount: count(opts.private), stateDir: opts.dir ? resolve(ctx.cwd, opts.dir) : defaultStateDir(opts.name) },
        ctx.sink(opts.verbose ? 1 : 0),
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const hosts = state.hosts.length === 1 ? '1 host' : `${state.hosts.length} hosts`;
      ctx.stdout.write(`lab "${state.name}" is up: ${hosts} in ${seconds}s\n`);
      ctx.stdout.write(`inventory: ${state.inventoryFile}\n`);
      ctx.stdout.write(`ssh:       ssh -F ${state.sshConfigFile} ${state.hosts[0]?.name ?? ''}\n`);
    });

  lab
    .command('down')
    .description('remove a lab: its processes, namespaces, links, mounts and files')
    .option('--name <prefix>', 'lab name', DEFAULT_NAME)
    .option('--dir <state_dir>', 'state dir of the lab, when the registry does not know it')
    .action(async (opts: { name: string; dir?: string }) => {
      const { labDown } = await import('../../lab/index.js');
      await labDown(opts.name, opts.dir && resolve(ctx.cwd, opts.dir));
      ctx.stdout.write(`lab "${opts.name}" is down\n`);
    });

  lab
    .command('status')
    .description('list labs, their hosts, addresses and whether sshd answers')
    .option('--name <prefix>', 'only this lab')
    .action(async (opts: { name?: string }) => {
      const { labStatus } = await import('../../lab/index.js');
      const labs = await labStatus(opts.name);
      if (labs.length === 0) ctx.stdout.write('no lab is up\n');
      for (const lab of labs) {
        if ('problem' in lab) {
          ctx.stdout.write(`lab ${lab.name}  (${lab.problem}; "tsible lab down --name ${lab.name}" clears it)\n`);
          ctx.exitCode = ExitCode.error;
          continue;
        }
        const { state, hosts } = lab;
        ctx.stdout.write(`lab ${state.name}  ${state.subnet}  ${state.stateDir}\n`);
        const width = Math.max(4, ...hosts.map((h) => h.host.name.length));
        ctx.stdout.write(`  ${'HOST'.padEnd(width)}  ${'ADDRESS'.padEnd(15)}  SSHD\n`);
        for (const { host, sshd, running } of hosts) {
          const where = host.private ? `  (private, via ${state.hosts[0]?.name ?? 'host 1'})` : '';
          const health = sshd ? 'up' : running ? 'not answering' : 'down';
          ctx.stdout.write(`  ${host.name.padEnd(width)}  ${host.address.padEnd(15)}  ${health}${where}\n`);
        }
        if (hosts.some((h) => !h.sshd)) ctx.exitCode = ExitCode.error;
      }
    });

  lab
    .command('inventory')
    .description("print the lab's INI inventory (host key checking stays on)")
    .option('--name <prefix>', 'lab name', DEFAULT_NAME)
    .option('--dir <state_dir>', 'state dir of the lab')
    .action(async (opts: { name: string; dir?: string }) => {
      const { loadLab } = await import('../../lab/index.js');
      const state = await loadLab(opts.name, opts.dir && resolve(ctx.cwd, opts.dir));
      ctx.stdout.write(await readFile(state.inventoryFile, 'utf8'));
    });

  const hostCommands: HostCommand[] = [
    { name: 'stop', description: 'stop one host from outside, as if it lost power (its disk is kept)', done: 'is stopped', run: (api, s, h) => api.stopLabHost(s, h) },
    { name: 'start', description: 'boot a stopped host again', done: 'is up', run: (api, s, h) => api.startLabHost(s, h) },
    { name: 'reset', description: "restore a host's root to how `up` made it, and boot it again", done: 'is reset', run: (api, s, h) => api.resetLabHost(s, h) },
  ];
  for (const command of hostCommands) {
    lab
      .command(command.name)
      .description(command.description)
      .argument('<host>', 'host name, e.g. lab-2')
      .option('--name <prefix>', 'lab name', DEFAULT_NAME)
      .action(async (hostName: string, opts: { name: string }) => {
        const api = await import('../../lab/index.js');
        await command.run(api, await api.loadLab(opts.name), hostName);
        ctx.stdout.write(`${hostName} ${command.done}\n`);
      });
  }
}
