import type { TaskStatus } from '../../executor/module-task.js';
import type { ModuleResult } from '../../module-api/module.js';
import type { EngineEvent, EventSink } from '../events.js';
import { runEventOf, type RunEvent } from '../run-events.js';
import { banner } from './banner.js';
import { cleanResult, dumpResult, isVerbose } from './dump-result.js';
import { recapLines } from './recap.js';
import { unifiedDiffs } from './diff-text.js';
import { exceptionNotice } from '../adhoc/display-result.js';

export interface CallbackOptions {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  verbosity: number;
  /** Paint statuses (ok green, changed yellow...). */
  paint: (status: TaskStatus | 'ignoring', text: string) => string;
  colour: boolean;
  diff: boolean;
  /** Where events that are not the run's (warnings, debug) go. */
  next: EventSink;
}

/** The connection layer's -vvv lines (`<host> ESTABLISH ...`, `<host> SSH: EXEC ...`): Ansible prints them among the results on stdout. */
function isConnectionLog(event: EngineEvent): boolean {
  return event.level === 'debug' && event.code.startsWith('connection.');
}

/**
 * ansible-playbook's default output: banners padded with stars, one line
 * per host result, loop items, `...ignoring`, handlers, the recap.
 */
export class DefaultCallback implements EventSink {
  constructor(private readonly options: CallbackOptions) {}

  emit(event: EngineEvent): void {
    const run = runEventOf(event);
    if (run) this.handle(run);
    else if (isConnectionLog(event) && this.options.verbosity >= 3) this.write(`${event.message}\n`);
    else this.options.next.emit(event);
  }

  private write(text: string): void {
    this.options.out.write(text);
  }

  private line(status: TaskStatus | 'ignoring', text: string): void {
    this.write(`${this.options.paint(status, text)}\n`);
  }

  private warnings(result: ModuleResult): void {
    for (const warning of result.warnings ?? []) this.options.err.write(`[WARNING]: ${warning}\n`);
  }

  /** --diff: what changed, printed before the host's status line as Ansible does. */
  private showDiff(result: ModuleResult): void {
    if (!this.options.diff || result.diff === undefined || result.changed !== true) return;
    const text = unifiedDiffs(result.diff);
    // Ansible displays the diff text (which ends in a newline) as one more line.
    if (text !== '') this.write(`${text}\n`);
  }

  private handle(event: RunEvent): void {
    switch (event.type) {
      case 'play.start':
        this.write(banner(event.name === '' ? 'PLAY' : `PLAY [${event.name}]`));
        return;
      case 'play.no_hosts':
        this.line('skipped', 'skipping: no hosts matched');
        return;
      case 'play.no_more_hosts':
        this.write(banner('NO MORE HOSTS LEFT'));
        return;
      case 'play.batch_aborted':
        // tsible's own line, on stderr so stdout stays exactly Ansible's.
        this.options.err.write(
          `${this.options.paint('failed', `ABORTED: batch ${event.batch} of ${event.batches} stopped the playbook (${event.reason}: ${event.failed} of ${event.size} hosts failed); never touched: ${event.untouched.join(', ')}`)}\n`,
        );
        return;
      case 'task.start':
        this.write(banner(`${event.task.isHandler ? 'RUNNING HANDLER' : 'TASK'} [${event.task.label}]`));
        return;
      case 'task.included': {
        const item = event.label === undefined ? '' : ` => (item=${event.label})`;
        this.line('ok', `included: ${event.file} for ${event.hosts.join(', ')}${item}`);
        return;
      }
      case 'host.retry':
        this.line('failed', `FAILED - RETRYING: [${event.host}]: ${event.task.label} (${event.retriesLeft} retries left).`);
        return;
      case 'host.item':
        this.item(hostLabel(event.host, event.result), event.status, cleanResult(event.result, event.task.action), event.label);
        return;
      case 'host.result':
        this.result(event);
        return;
      case 'display':
        this.write(event.banner === true ? banner(event.text) : `${event.text}\n`);
        return;
      case 'run.interrupted':
        // Ansible's wording (its error display turns the leading newline into a space).
        this.options.err.write(`${this.options.paint('failed', ' [ERROR]: User interrupted execution')}\n`);
        return;
      case 'run.recap':
        this.write(banner('PLAY RECAP'));
        this.write(recapLines(event.stats, this.options.colour));
        this.write('\n');
        return;
      default:
        return;
    }
  }

  /** Ansible's note before a failed result that carries an exception. */
  private exception(result: ModuleResult): void {
    const notice = exceptionNotice(result, this.options.verbosity);
    if (notice !== undefined) this.line('failed', notice);
  }

  private item(host: string, status: TaskStatus, result: ModuleResult, label: string): void {
    const { verbosity } = this.options;
    this.warnings(result);
    switch (status) {
      case 'ok':
      case 'changed':
        this.showDiff(result);
        this.line(status, `${status}: [${host}] => (item=${label})${isVerbose(result, verbosity) ? ` => ${dumpResult(result, verbosity)}` : ''}`);
        return;
      case 'failed':
        this.exception(result);
        this.line('failed', `failed: [${host}] (item=${label}) => ${dumpResult(result, verbosity)}`);
        return;
      case 'skipped':
        this.line('skipped', `skipping: [${host}] => (item=${label}) ${isVerbose(result, verbosity) ? ` => ${dumpResult(result, verbosity)}` : ''}`);
        return;
      case 'unreachable':
        this.line('unreachable', `fatal: [${host}]: UNREACHABLE! => (item=${label}) => ${dumpResult(result, verbosity)}`);
        return;
    }
  }

  private result(event: Extract<RunEvent, { type: 'host.result' }>): void {
    const { verbosity } = this.options;
    const looped = Array.isArray(event.result['results']);
    const result = cleanResult(event.result, event.task.action);
    const host = hostLabel(event.host, event.result);
    this.warnings(result);
    switch (event.status) {
      case 'ok':
      case 'changed':
        if (looped) return;
        this.showDiff(result);
        this.line(event.status, `${event.status}: [${host}]${isVerbose(result, verbosity) ? ` => ${dumpResult(result, verbosity)}` : ''}`);
        return;
      case 'skipped':
        this.line('skipped', `skipping: [${host}]${isVerbose(result, verbosity) ? ` => ${dumpResult(result, verbosity)}` : ''}`);
        return;
      case 'failed':
        if (!looped) this.exception(result);
        if (!looped) this.line('failed', `fatal: [${host}]: FAILED! => ${dumpResult(result, verbosity)}`);
        else if (!event.ignored) this.line('failed', `fatal: [${host}]: FAILED! => ${dumpResult({ msg: result.msg }, verbosity)}`);
        if (event.ignored) this.line('ignoring', '...ignoring');
        return;
      case 'unreachable':
        this.line('unreachable', `fatal: [${host}]: UNREACHABLE! => ${dumpResult(result, verbosity)}`);
        if (event.ignored) this.line('ignoring', '...ignoring');
        return;
    }
  }
}

/** `host`, or `host -> delegate` for a delegated task. */
function hostLabel(host: string, result: ModuleResult): string {
  const delegated = result['_ansible_delegated_host'];
  return typeof delegated === 'string' ? `${host} -> ${delegated}` : host;
}
