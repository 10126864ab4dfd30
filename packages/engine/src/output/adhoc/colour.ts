import { Chalk } from 'chalk';
import type { TaskStatus } from '../../executor/module-task.js';

/**
 * Ansible's result colours (changed yellow, ok green, failed red, skipped
 * cyan) when writing to a terminal; plain text otherwise or with
 * ANSIBLE_NOCOLOR / NO_COLOR set.
 */
export function colourFor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): (status: TaskStatus, text: string) => string {
  const isTty = (stream as { isTTY?: boolean }).isTTY === true;
  const disabled = env['ANSIBLE_NOCOLOR'] !== undefined || env['NO_COLOR'] !== undefined;
  const forced = env['ANSIBLE_FORCE_COLOR'] !== undefined && env['ANSIBLE_FORCE_COLOR'] !== '0';
  if (disabled || !(isTty || forced)) return (_status, text) => text;
  const chalk = new Chalk({ level: 1 });
  const paint: Record<TaskStatus, (s: string) => string> = {
    ok: chalk.green,
    changed: chalk.yellow,
    failed: chalk.red,
    unreachable: chalk.redBright,
    skipped: chalk.cyan,
  };
  // Colour each line so the trailing newline stays outside the escape codes.
  return (status, text) => text.replace(/[^\n]+/g, (line) => paint[status](line));
}
