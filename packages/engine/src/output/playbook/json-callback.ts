import type { EngineEvent, EventSink } from '../events.js';
import { runEventOf } from '../run-events.js';

interface JsonTask {
  task: { name: string; duration: { start: string; end?: string } };
  hosts: Record<string, Record<string, unknown>>;
}

interface JsonPlay {
  play: { name: string; duration: { start: string; end?: string } };
  tasks: JsonTask[];
}

/**
 * `--json`: one document at the end, shaped like Ansible's json callback:
 * plays → tasks → per-host results (with start/end), then stats.
 */
export class JsonCallback implements EventSink {
  private readonly plays: JsonPlay[] = [];

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly next: EventSink,
  ) {}

  emit(event: EngineEvent): void {
    const run = runEventOf(event);
    if (!run) {
      this.next.emit(event);
      return;
    }
    const now = new Date().toISOString();
    const play = this.plays.at(-1);
    const task = play?.tasks.at(-1);
    switch (run.type) {
      case 'play.start':
        this.plays.push({ play: { name: run.name, duration: { start: now } }, tasks: [] });
        return;
      case 'play.end':
        if (play) play.play.duration.end = now;
        return;
      case 'task.start':
        if (task) task.task.duration.end = now;
        play?.tasks.push({ task: { name: run.task.label, duration: { start: now } }, hosts: {} });
        return;
      case 'host.result':
        if (task) {
          task.hosts[run.host] = { ...stripInternal(run.result), action: run.task.action, _start: new Date(run.start).toISOString(), _end: new Date(run.end).toISOString() };
          task.task.duration.end = now;
        }
        return;
      case 'run.recap': {
        const perHost = Object.fromEntries(Object.entries(run.customStats).filter(([k]) => k !== '_run'));
        this.out.write(`${JSON.stringify({ custom_stats: perHost, global_custom_stats: run.customStats['_run'] ?? {}, plays: this.plays, stats: run.stats }, null, 4)}\n`);
        return;
      }
      default:
        return;
    }
  }
}

function stripInternal(result: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).filter(([k]) => !k.startsWith('_ansible_')));
}
