import { setTimeout as sleep } from 'node:timers/promises';
import type { ModuleResult } from '../../module-api/module.js';
import { formatInstant, now, totalMicros } from '../../module-api/timestamps.js';
import { toBoolean } from '../../module-api/type-conversion.js';
import { floatRepr } from '../../template/python/repr.js';
import { CTRL_C, type KeyReader, type Terminal } from '../terminal.js';
import type { EngineAction } from './action.js';

/** Ansible's pause: `seconds` and `minutes` are ints, floats are cut, below one second is one second. */
function durationArg(value: unknown): number | undefined | 'bad' {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? Math.trunc(n) : 'bad';
}

interface Outcome {
  input: string;
  aborted: boolean;
}

/**
 * pause, as Ansible's action: waits `seconds`/`minutes` (Ctrl-C then C
 * continues early, then A aborts), or without a duration waits for Enter
 * and returns what was typed as user_input (`echo: false` hides it).
 * Without a terminal a duration is simply waited out and a prompt is
 * shown but not waited for.
 */
export const pauseAction: EngineAction = {
  name: 'pause',
  async run(args, ctx): Promise<ModuleResult> {
    const minutes = durationArg(args['minutes']);
    const secondsArg = durationArg(args['seconds']);
    if (minutes === 'bad' || secondsArg === 'bad') return { failed: true, msg: 'non-integer value given for prompt duration' };
    if (minutes !== undefined && secondsArg !== undefined) return { failed: true, msg: 'parameters are mutually exclusive: minutes|seconds' };
    const echo = args['echo'] === undefined ? true : toBoolean(args['echo']);
    const echoNote = echo ? '' : ' (output is hidden)';
    const promptArg = args['prompt'] === undefined || args['prompt'] === null ? '' : String(args['prompt']);
    const prompt = `[${ctx.taskLabel.trim()}]\n${promptArg === '' ? 'Press enter to continue, Ctrl+C to interrupt' : promptArg}${echoNote}:`;
    // Ansible reports minutes unless seconds were given.
    const unit = secondsArg !== undefined ? 'seconds' : 'minutes';
    const seconds = minutes !== undefined ? Math.max(1, minutes * 60) : secondsArg !== undefined ? Math.max(1, secondsArg) : undefined;

    const start = now();
    if (seconds !== undefined) {
      ctx.display(`Pausing for ${seconds} seconds${echoNote}`);
      ctx.display("(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)");
      if (promptArg !== '') ctx.display(prompt);
    } else {
      ctx.display(prompt);
    }
    let outcome: Outcome = { input: '', aborted: false };
    if (ctx.terminal === undefined) {
      if (seconds === undefined) ctx.events.warn('pause.no_terminal', 'Not waiting for response to prompt as stdin is not interactive');
      else await sleep(seconds * 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
    } else {
      outcome = await waitOnTerminal(ctx.terminal, seconds, echo, ctx.signal);
    }
    const stop = now();
    const elapsed = (totalMicros(stop) - totalMicros(start)) / 1e6;
    if (outcome.aborted) return { failed: true, msg: 'user requested abort!' };
    const shown = Math.round((unit === 'minutes' ? elapsed / 60 : elapsed) * 100) / 100;
    const result: ModuleResult = { changed: false, rc: 0, stderr: '', stdout: `Paused for ${floatRepr(shown)} ${unit}`, start: formatInstant(start), stop: formatInstant(stop), echo, user_input: outcome.input };
    // pause's delta is whole seconds (an int), unlike the command modules' timedelta text.
    const delta: Record<string, unknown> = { delta: Math.trunc(elapsed) };
    return Object.assign(result, delta);
  },
};

const TIMEOUT = Symbol('timeout');

/** Raw keys until Enter (no duration), the duration's end, or Ctrl-C and then C or A. */
async function waitOnTerminal(terminal: Terminal, seconds: number | undefined, echo: boolean, signal: AbortSignal): Promise<Outcome> {
  const keys = terminal.rawKeys();
  const deadline = seconds === undefined ? undefined : Date.now() + seconds * 1000;
  let input = '';
  try {
    for (;;) {
      const key = await nextKey(keys, deadline, signal);
      if (key === TIMEOUT) return { input, aborted: false };
      if (key === CTRL_C) {
        clearLine(terminal);
        terminal.write("Press 'C' to continue the play or 'A' to abort \r\n");
        const choice = await continueOrAbort(keys);
        clearLine(terminal);
        return { input, aborted: !choice };
      }
      if (seconds !== undefined) continue;
      if (key === '\r' || key === '\n') {
        clearLine(terminal);
        return { input, aborted: false };
      }
      if (key === '\u007f' || key === '\b') {
        input = [...input].slice(0, -1).join('');
        clearLine(terminal);
        if (echo) terminal.write(input);
      } else {
        input += key;
        if (echo) terminal.write(key);
      }
    }
  } finally {
    keys.close();
  }
}

/** The next key, or TIMEOUT at the deadline or when the run is interrupted; no timer outlives the wait. */
async function nextKey(keys: KeyReader, deadline: number | undefined, signal: AbortSignal): Promise<string | typeof TIMEOUT> {
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const ended = new Promise<typeof TIMEOUT>((resolve) => stop.signal.addEventListener('abort', () => resolve(TIMEOUT), { once: true }));
  const timer = deadline === undefined ? undefined : setTimeout(() => stop.abort(), Math.max(0, deadline - Date.now()));
  try {
    return await Promise.race([keys.next(), ended]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

async function continueOrAbort(keys: KeyReader): Promise<boolean> {
  for (;;) {
    const key = (await keys.next()).toLowerCase();
    if (key === 'c') return true;
    if (key === 'a') return false;
  }
}

/** Back to the start of the line and clear it (Ansible's MOVE_TO_BOL + CLEAR_TO_EOL). */
function clearLine(terminal: Terminal): void {
  terminal.write('\r\u001b[K');
}
