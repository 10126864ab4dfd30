import { Option, type Command } from 'commander';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import { countVerbosity, type CliContext } from '../context.js';
import { addVaultPasswordOptions, type VaultPasswordOptions } from './vault/options.js';

export interface PlaybookOptions extends VaultPasswordOptions {
  inventory?: string[];
  limit?: string;
  tags?: string[];
  skipTags?: string[];
  extraVars?: string[];
  syntaxCheck?: boolean;
  listHosts?: boolean;
  listTasks?: boolean;
  listTags?: boolean;
  verbose: number;
  startAtTask?: string;
  step?: boolean;
  forceHandlers?: boolean;
  check?: boolean;
  diff?: boolean;
  become?: boolean;
  becomeMethod?: string;
  becomeUser?: string;
  askBecomePass?: boolean;
  askPass?: boolean;
  user?: string;
  connection?: string;
  timeout?: string;
  privateKey?: string;
  sshCommonArgs?: string;
  forks?: number;
  json?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** What the command needs from the installation; tests pass their own. */
export interface PlaybookCommandDeps {
  knownActions?: ReadonlySet<string>;
}

/** `tsible playbook`: ansible-playbook's options; listing modes and syntax check work without touching hosts. */
export function registerPlaybookCommand(program: Command, ctx: CliContext, deps: PlaybookCommandDeps = {}): void {
  const command = program
    .command('playbook')
    .description('Run Ansible playbooks, or check/list them (--syntax-check, --list-hosts, --list-tasks, --list-tags)')
    .argument('<playbook...>', 'playbook file(s)')
    .option('-i, --inventory <source>', 'inventory host path or comma separated host list (repeatable)', collect)
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('-t, --tags <tags>', 'only run plays and tasks tagged with these values (repeatable)', collect)
    .option('--skip-tags <tags>', 'only run plays and tasks whose tags do not match these values (repeatable)', collect)
    .option('-e, --extra-vars <vars>', 'set additional variables as key=value, YAML/JSON, or @file (repeatable)', collect)
    .option('--syntax-check', 'perform a syntax check on the playbook, but do not execute it')
    .option('--list-hosts', 'outputs a list of matching hosts; does not execute anything else')
    .option('--list-tasks', 'list all tasks that would be executed')
    .option('--list-tags', 'list all available tags')
    .option('--start-at-task <name>', 'start the playbook at the task matching this name')
    .option('--step', 'one-step-at-a-time: confirm each task before running')
    .option('--flush-cache', 'clear the fact cache for every host in inventory')
    .option('--force-handlers', 'run handlers even if a task fails')
    .option('-C, --check', "don't make any changes; try to predict some of the changes that may occur")
    .option('-D, --diff', 'when changing (small) files and templates, show the differences')
    .option('-b, --become', 'run operations with become')
    .option('--become-method <method>', 'privilege escalation method to use')
    .option('--become-user <user>', 'run operations as this user')
    .option('-K, --ask-become-pass', 'ask for privilege escalation password')
    .option('-k, --ask-pass', 'ask for connection password')
    .option('-u, --user <user>', 'connect as this user')
    .option('-c, --connection <type>', 'connection type to use')
    .option('-T, --timeout <seconds>', 'override the connection timeout in seconds')
    .option('--private-key <file>', 'use this file to authenticate the connection')
    .option('--ssh-common-args <args>', 'common arguments to pass to ssh')
    .addOption(new Option('-f, --forks <n>', 'number of parallel processes to use').argParser(positiveInt))
    .option('--json', 'print one JSON document (plays, tasks, per-host results, stats) instead of the text output')
    .option('-v, --verbose', 'verbose mode (-vvv for more)', countVerbosity, 0);
  addVaultPasswordOptions(command).action(async (playbooks: string[], options: PlaybookOptions) => {
      const listing = options.syntaxCheck || options.listHosts || options.listTasks || options.listTags;
      if (!listing) {
        const { runPlaybookCommand } = await import('../playbook-run.js');
        ctx.exitCode = await runPlaybookCommand(playbooks, options, ctx);
        return;
      }
      const { inspectPlaybooks } = await import('../playbook-inspect.js');
      ctx.stdout.write(await inspectPlaybooks(playbooks, options, ctx, deps.knownActions));
    });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new TsibleError(`invalid value for forks: '${value}' (expected a positive integer)`, { code: 'TSIBLE_BAD_OPTION', exitCode: ExitCode.badOptions });
  }
  return n;
}

