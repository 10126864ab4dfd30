import { pythonJson } from '../../inventory/output/python-json.js';
import { displayedResult, exceptionNotice, rcText, text } from './display-result.js';
import { asLine, type HostDisplay } from './minimal.js';

const escapeBreaks = (value: string): string => value.replace(/\n/g, '\\n').replace(/\r/g, '\\r');

function commandLine(host: string, caption: string, d: HostDisplay): string {
  const r = d.outcome.result;
  const head = `${host} | ${caption} | rc=${rcText(r)} | (stdout) ${escapeBreaks(text(r.stdout))}`;
  const stderr = text(r.stderr);
  return stderr === '' ? head : `${head} (stderr) ${escapeBreaks(stderr)}`;
}

/** Ansible's `oneline` callback (`-o`): one line per host. */
export function formatOneLine(d: HostDisplay): string {
  const { host, outcome, verbosity } = d;
  const compact = (): string => pythonJson(displayedResult(outcome.result, verbosity), 0).replace(/\n/g, '');
  switch (outcome.status) {
    case 'unreachable':
      return asLine(`${host} | UNREACHABLE!: ${text(outcome.result.msg)}`);
    case 'skipped':
      return asLine(`${host} | SKIPPED`);
    case 'failed': {
      let before = '';
      const exception = outcome.result['exception'];
      if (typeof exception === 'string') {
        // At -vvv the traceback is squeezed onto the line after the notice.
        const notice = verbosity >= 3 ? `An exception occurred during task execution. The full traceback is:\n${exception.replace(/\n/g, '')}` : exceptionNotice(outcome.result, verbosity);
        before = asLine(d.textOutput && !('module_stderr' in outcome.result) ? commandLine(host, 'FAILED', d) : (notice ?? ''));
      }
      return `${before}${asLine(`${host} | FAILED! => ${compact()}`)}`;
    }
    case 'ok':
    case 'changed': {
      const state = outcome.status === 'changed' ? 'CHANGED' : 'SUCCESS';
      return asLine(d.textOutput ? commandLine(host, state, d) : `${host} | ${state} => ${compact()}`);
    }
  }
}
