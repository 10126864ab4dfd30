import { createInterface } from 'node:readline';

/**
 * Asks for a password on the terminal without echoing it (as Python's getpass);
 * without a terminal, reads one line from stdin so scripts can pipe it in.
 */
export async function promptSecret(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  output.write(prompt);
  if (!input.isTTY) return readLine(input);
  return new Promise((resolve, reject) => {
    let answer = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n' || c === '\u0004') return finish();
        if (c === '\u0003') return finish(new Error('interrupted'));
        if (c === '\u007f' || c === '\b') answer = answer.slice(0, -1);
        else answer += c;
      }
    };
    input.on('data', onData);
  });
}

function readLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
  });
}
