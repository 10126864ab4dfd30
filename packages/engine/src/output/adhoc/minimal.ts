import type { TaskOutcome } from '../../executor/module-task.js';
import { pythonJson } from '../../inventory/output/python-json.js';
import { displayedResult, exceptionNotice, rcText, text } from './display-result.js';

export interface HostDisplay {
  host: string;
  outcome: TaskOutcome;
  /** The module shows `rc=N >>` text instead of JSON (command, shell, raw). */
  textOutput: boolean;
  verbosity: number;
}

/** A display line as Ansible's Display prints it: always ends with one newline. */
export function asLine(message: string): string {
  return message.endsWith('\n') ? message : `${message}\n`;
}

function commandText(host: string, caption: string, d: HostDisplay): string {
  const r = d.outcome.result;
  return `${host} | ${caption} | rc=${rcText(r)} >>\n${text(r.stdout)}${text(r.stderr)}${text(r.msg)}\n`;
}

/** Ansible's `minimal` callback, the default screen output of `ansible`. */
export function formatMinimal(d: HostDisplay): string {
  const { host, outcome, verbosity } = d;
  const shown = displayedResult(outcome.result, verbosity);
  switch (outcome.status) {
    case 'unreachable':
      return asLine(`${host} | UNREACHABLE! => ${pythonJson(shown, 4)}`);
    case 'skipped':
      return asLine(`${host} | SKIPPED`);
    case 'failed': {
      const notice = exceptionNotice(outcome.result, verbosity);
      const body =
        d.textOutput && !('module_stderr' in outcome.result) ? commandText(host, 'FAILED', d) : `${host} | FAILED! => ${pythonJson(shown, 4)}`;
      return (notice === undefined ? '' : asLine(notice)) + asLine(body);
    }
    case 'ok':
    case 'changed': {
      const state = outcome.status === 'changed' ? 'CHANGED' : 'SUCCESS';
      return asLine(d.textOutput ? commandText(host, state, d) : `${host} | ${state} => ${pythonJson(shown, 4)}`);
    }
  }
}
