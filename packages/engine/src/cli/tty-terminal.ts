import type { ReadStream } from 'node:tty';
import { readLineFrom, type KeyReader, type Terminal } from '../executor/terminal.js';

/**
 * The terminal on stdin (raw mode while a key or line is awaited), writing
 * to the run's output. Keys are taken one code point at a time.
 */
export class TtyTerminal implements Terminal {
  private readonly queue: string[] = [];
  private waiting: ((key: string) => void) | undefined;
  private readers = 0;

  constructor(
    private readonly input: ReadStream,
    private readonly output: NodeJS.WritableStream,
  ) {}

  write(text: string): void {
    this.output.write(text);
  }

  readLine(prompt: string, echo: boolean): Promise<string> {
    // Raw mode first: keys typed as soon as the prompt shows must not be echoed by the terminal.
    const keys = this.rawKeys();
    this.write(prompt);
    return readLineFrom(keys, (text) => this.write(text), echo);
  }

  rawKeys(): KeyReader {
    this.open();
    let closed = false;
    return {
      next: () => {
        const key = this.queue.shift();
        if (key !== undefined) return Promise.resolve(key);
        return new Promise<string>((resolve) => {
          this.waiting = resolve;
        });
      },
      close: () => {
        if (closed) return;
        closed = true;
        this.waiting = undefined;
        this.release();
      },
    };
  }

  private readonly onData = (chunk: string): void => {
    for (const key of chunk) {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting(key);
      else this.queue.push(key);
    }
  };

  private open(): void {
    if (this.readers++ > 0) return;
    this.input.setRawMode(true);
    this.input.setEncoding('utf8');
    this.input.on('data', this.onData);
    this.input.resume();
  }

  private release(): void {
    if (--this.readers > 0) return;
    this.input.removeListener('data', this.onData);
    this.input.setRawMode(false);
    this.input.pause();
  }
}
