import { PassThrough } from 'node:stream';
import type { PlaybookOptions } from '../../packages/engine/src/cli/commands/playbook.js';
import type { CliContext } from '../../packages/engine/src/cli/context.js';
import { inspectPlaybooks } from '../../packages/engine/src/cli/playbook-inspect.js';
import { RecordingSink } from '../../packages/engine/src/output/events.js';

/** Ansible's builtin modules the golden playbooks use; passed as the known actions. */
export const ANSIBLE_BUILTIN_ACTIONS: ReadonlySet<string> = new Set([
  'add_host', 'assert', 'command', 'copy', 'debug', 'fail', 'file', 'group_by', 'import_playbook', 'import_role', 'import_tasks',
  'include_role', 'include_tasks', 'include_vars', 'lineinfile', 'meta', 'pause', 'ping', 'raw', 'script', 'set_fact', 'set_stats',
  'shell', 'stat', 'template',
]);

export interface CommandRun {
  stdout: string;
  error: unknown;
  warnings: string[];
}

/**
 * Runs what `tsible playbook ARGS --<mode>` runs, in-process from `cwd`, with
 * the golden fixtures' known actions. Only the options the fixtures use are
 * read here; the option parsing itself is covered by the CLI test.
 */
export async function runPlaybookCommand(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandRun> {
  const inventory: string[] = [];
  const tags: string[] = [];
  const skipTags: string[] = [];
  const extraVars: string[] = [];
  const options: PlaybookOptions = { inventory, tags, skipTags, extraVars, verbose: 0 };
  const playbooks: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => args[++i] ?? '';
    if (arg === '-i') inventory.push(value());
    else if (arg === '-l') options.limit = value();
    else if (arg === '--tags' || arg === '-t') tags.push(value());
    else if (arg === '--skip-tags') skipTags.push(value());
    else if (arg === '-e') extraVars.push(value());
    else if (arg === '--syntax-check') options.syntaxCheck = true;
    else if (arg === '--list-tasks') options.listTasks = true;
    else if (arg === '--list-tags') options.listTags = true;
    else if (arg === '--list-hosts') options.listHosts = true;
    else playbooks.push(arg);
  }
  const sink = new RecordingSink();
  const ctx: CliContext = { cwd, stdout: new PassThrough(), stderr: new PassThrough(), env, exitCode: 0, sink: () => sink };
  let stdout = '';
  let error: unknown;
  try {
    stdout = await inspectPlaybooks(playbooks, options, ctx, ANSIBLE_BUILTIN_ACTIONS);
  } catch (err) {
    error = err;
  }
  return { stdout, error, warnings: sink.messages('warning') };
}
