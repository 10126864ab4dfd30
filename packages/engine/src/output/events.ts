/**
 * The engine never prints. It emits typed events to a sink; reporters
 * (default text, JSON, recording for tests) are sinks.
 */
export type EventLevel = 'debug' | 'info' | 'warning' | 'error';

export interface EngineEvent {
  time: number;
  level: EventLevel;
  /** Stable code, e.g. 'inventory.warning', 'task.start', 'host.result'. */
  code: string;
  message: string;
  data?: Readonly<Record<string, unknown>>;
}

export interface EventSink {
  emit(event: EngineEvent): void;
}

/** Keeps every event; used by tests and by reporters that print at the end. */
export class RecordingSink implements EventSink {
  readonly events: EngineEvent[] = [];
  emit(event: EngineEvent): void {
    this.events.push(event);
  }
  messages(level?: EventLevel): string[] {
    return this.events.filter((e) => level === undefined || e.level === level).map((e) => e.message);
  }
}

export function makeEvent(level: EventLevel, code: string, message: string, data?: Record<string, unknown>): EngineEvent {
  return data === undefined ? { time: Date.now(), level, code, message } : { time: Date.now(), level, code, message, data };
}

/** Convenience wrapper so call sites read `events.warn(...)`. */
export class Emitter {
  constructor(private readonly sink: EventSink) {}
  debug(code: string, message: string, data?: Record<string, unknown>): void {
    this.sink.emit(makeEvent('debug', code, message, data));
  }
  info(code: string, message: string, data?: Record<string, unknown>): void {
    this.sink.emit(makeEvent('info', code, message, data));
  }
  warn(code: string, message: string, data?: Record<string, unknown>): void {
    this.sink.emit(makeEvent('warning', code, message, data));
  }
  error(code: string, message: string, data?: Record<string, unknown>): void {
    this.sink.emit(makeEvent('error', code, message, data));
  }
}
