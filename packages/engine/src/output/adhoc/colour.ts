import type { TaskStatus } from '../../executor/module-task.js';

/**
 * Ansible's result colours (changed yellow, ok green, failed red, skipped
 * cyan) when writing to a terminal (or with force_color); plain text
 * otherwise or with nocolor (ANSIBLE_NOCOLOR / NO_COLOR).
 */
export async function colourFor(
  stream: NodeJS.WritableStream,
  settings: { noColour: boolean; forceColour: boolean },
): Promise<(status: TaskStatus, text: string) => string> {
  const isTty = (stream as { isTTY?: boolean }).isTTY === true;
  if (settings.noColour || !(isTty || settings.forceColour)) return (_status, text) => text;
  // Loaded only for a terminal: plain runs (scripts, CI) skip it.
  const { Chalk } = await import('chalk');
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
