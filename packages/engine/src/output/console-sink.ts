import type { EngineEvent, EventSink } from './events.js';

/**
 * Prints warnings and errors the way ansible does ([WARNING]: ..., ERROR! ...)
 * on stderr; debug events only at the given verbosity.
 */
export class ConsoleSink implements EventSink {
  constructor(
    private readonly verbosity: number = 0,
    private readonly stream: NodeJS.WritableStream = process.stderr,
  ) {}

  emit(event: EngineEvent): void {
    switch (event.level) {
      case 'warning':
        this.stream.write(`[WARNING]: ${event.message}\n`);
        break;
      case 'error':
        this.stream.write(`ERROR! ${event.message}\n`);
        break;
      case 'info':
        if (this.verbosity >= 1) this.stream.write(`${event.message}\n`);
        break;
      case 'debug':
        if (this.verbosity >= 3) this.stream.write(`${event.message}\n`);
        break;
    }
  }
}
