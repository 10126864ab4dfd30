import type { EngineEvent } from '../../output/events.js';
import { Emitter } from '../../output/events.js';
import type { KeyReader, Terminal } from '../terminal.js';
import type { ActionContext } from './action.js';
import { pauseAction } from './pause.js';

/** A terminal whose keys are given up front; what is written is kept. */
class ScriptedTerminal implements Terminal {
  written = '';
  constructor(private readonly keys: string[]) {}
  write(text: string): void {
    this.written += text;
  }
  readLine(): Promise<string> {
    throw new Error('pause reads keys, not lines');
  }
  rawKeys(): KeyReader {
    return { next: () => (this.keys.length > 0 ? Promise.resolve(this.keys.shift()!) : new Promise<string>(() => undefined)), close: () => undefined };
  }
}

function context(terminal: Terminal | undefined, signal = new AbortController().signal): { ctx: ActionContext; shown: string[]; events: EngineEvent[] } {
  const shown: string[] = [];
  const events: EngineEvent[] = [];
  const ctx = { taskLabel: 'wait here', display: (text: string) => shown.push(text), terminal, signal, events: new Emitter({ emit: (e) => events.push(e) }) } as unknown as ActionContext;
  return { ctx, shown, events };
}

describe('pause', () => {
  it('waits for Enter and returns what was typed, with backspace editing it', async () => {
    const terminal = new ScriptedTerminal(['h', 'i', '\u007f', 'o', '\r']);
    const { ctx, shown } = context(terminal);
    const result = await pauseAction.run({ prompt: 'Say' }, ctx);
    expect(shown).toEqual(['[wait here]\nSay:']);
    expect(result).toMatchObject({ changed: false, rc: 0, user_input: 'ho', echo: true, delta: 0, stdout: 'Paused for 0.0 minutes' });
    expect(terminal.written).toContain('hi');
  });

  it('echo: false shows nothing of what is typed', async () => {
    const terminal = new ScriptedTerminal(['s', 'e', 'c', '\r']);
    const { ctx, shown } = context(terminal);
    const result = await pauseAction.run({ echo: false }, ctx);
    expect(shown).toEqual(['[wait here]\nPress enter to continue, Ctrl+C to interrupt (output is hidden):']);
    expect(result['user_input']).toBe('sec');
    expect(terminal.written).not.toMatch(/[sec]/);
  });

  it('a wait ends early with Ctrl-C then C; other keys are ignored', async () => {
    const { ctx, shown } = context(new ScriptedTerminal(['x', '\r', '\u0003', 'q', 'C']));
    const started = Date.now();
    const result = await pauseAction.run({ seconds: 60, prompt: 'Look' }, ctx);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(shown).toEqual(['Pausing for 60 seconds', "(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)", '[wait here]\nLook:']);
    expect(result).toMatchObject({ user_input: '', stdout: 'Paused for 0.0 seconds' });
    expect(result['failed']).toBeUndefined();
  });

  it('Ctrl-C then A fails the task', async () => {
    const { ctx } = context(new ScriptedTerminal(['\u0003', 'a']));
    expect(await pauseAction.run({ minutes: 1 }, ctx)).toEqual({ failed: true, msg: 'user requested abort!' });
  });

  it('without a terminal a prompt is shown, warned about and not waited for', async () => {
    const { ctx, shown, events } = context(undefined);
    const result = await pauseAction.run({ prompt: 'Continue?' }, ctx);
    expect(shown).toEqual(['[wait here]\nContinue?:']);
    expect(events.map((e) => e.message)).toEqual(['Not waiting for response to prompt as stdin is not interactive']);
    expect(result['user_input']).toBe('');
  });

  it('a wait ends when the run is interrupted', async () => {
    const controller = new AbortController();
    const { ctx } = context(new ScriptedTerminal([]), controller.signal);
    setTimeout(() => controller.abort(), 50);
    const result = await pauseAction.run({ seconds: 60 }, ctx);
    expect(result['failed']).toBeUndefined();
  });

  it("rejects what Ansible's argument spec rejects", async () => {
    const { ctx } = context(undefined);
    expect(await pauseAction.run({ seconds: 1, minutes: 1 }, ctx)).toEqual({ failed: true, msg: 'parameters are mutually exclusive: minutes|seconds' });
    expect(await pauseAction.run({ seconds: 'soon' }, ctx)).toEqual({ failed: true, msg: 'non-integer value given for prompt duration' });
  });
});
