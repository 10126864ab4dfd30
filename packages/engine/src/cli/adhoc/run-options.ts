import { Option, type Command } from 'commander';
import { countVerbosity } from '../context.js';
import { addVaultPasswordOptions, type VaultPasswordOptions } from '../commands/vault/options.js';

/** `tsible run` options, named as ansible's ad-hoc options. */
export interface RunOptions extends VaultPasswordOptions {
  inventory?: string[];
  moduleName?: string;
  args?: string;
  extraVars: string[];
  limit?: string;
  forks?: string;
  become?: boolean;
  becomeUser?: string;
  becomeMethod?: string;
  askBecomePass?: boolean;
  becomePasswordFile?: string;
  askPass?: boolean;
  connectionPasswordFile?: string;
  user?: string;
  connection?: string;
  privateKey?: string;
  /** --key-file, Ansible's other name for --private-key. */
  keyFile?: string;
  timeout?: string;
  taskTimeout?: string;
  sshCommonArgs?: string;
  sshExtraArgs?: string;
  check?: boolean;
  diff?: boolean;
  oneLine?: boolean;
  json?: boolean;
  listHosts?: boolean;
  playbookDir?: string;
  verbose: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addRunOptions(command: Command): Command {
  return addVaultPasswordOptions(command)
    .option('-i, --inventory <path>', 'inventory host path or comma separated host list (repeatable)', collect)
    .option('-m, --module-name <name>', 'name of the module to run (default=command)')
    .option('-a, --args <args>', "the module's options as 'opt1=val1 opt2=val2' or a JSON object")
    .option('-e, --extra-vars <vars>', 'extra variables as key=value, YAML/JSON, or @file (repeatable)', collect, [])
    .option('-l, --limit <subset>', 'further limit selected hosts to an additional pattern')
    .option('-f, --forks <n>', 'number of hosts to run at once')
    .option('-b, --become', 'run operations with become (does not imply password prompting)')
    .option('--become-user <user>', 'run operations as this user (default=root)')
    .option('--become-method <method>', 'privilege escalation method to use (sudo or su; default=sudo)')
    .option('-K, --ask-become-pass', 'ask for privilege escalation password')
    .option('--become-password-file <file>', 'become password file')
    .option('-k, --ask-pass', 'ask for connection password')
    .option('--connection-password-file <file>', 'connection password file')
    .option('-u, --user <user>', 'connect as this user')
    .option('-c, --connection <type>', 'connection type to use (ssh or local)')
    .option('--private-key <file>', 'use this file to authenticate the connection (also --key-file)')
    .addOption(new Option('--key-file <file>').hideHelp())
    .option('-T, --timeout <seconds>', 'override the connection timeout in seconds (default=10)')
    .option('--task-timeout <seconds>', 'time limit for the module on each host, in seconds')
    .option('--ssh-common-args <args>', 'extra arguments for ssh (e.g. ProxyCommand)')
    .option('--ssh-extra-args <args>', 'extra arguments for ssh only')
    .option('-C, --check', "don't make any changes; predict some of the changes that may occur")
    .option('-D, --diff', 'show the differences in changed files')
    .option('-o, --one-line', 'condense output')
    .option('--json', 'print one JSON document with every host result and the stats')
    .option('--list-hosts', 'outputs a list of matching hosts; does not execute anything else')
    .option('--playbook-dir <dir>', 'directory whose group_vars/ and host_vars/ apply (default: the current directory)')
    .option('-v, --verbose', 'more output; repeat for more (-vvv shows tracebacks)', countVerbosity, 0);
}
