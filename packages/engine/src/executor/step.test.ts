import type { EngineEvent } from '../output/events.js';
import { runEventOf } from '../output/run-events.js';
import type { Task } from '../playbook/model.js';
import type { RunContext } from './run-context.js';
import { takeStep } from './step.js';
import type { Terminal } from './terminal.js';

function runWith(answers: string[]): { run: RunContext; asked: string[]; shown: unknown[] } {
  const asked: string[] = [];
  const shown: unknown[] = [];
  const terminal: Terminal = {
    write: () => undefined,
    readLine: (prompt) => {
      asked.push(prompt);
      return Promise.resolve(answers.shift() ?? '');
    },
    rawKeys: () => {
      throw new Error('not used');
    },
  };
  const sink = { emit: (e: EngineEvent) => shown.push(runEventOf(e)) };
  return { run: { terminal, step: { active: true }, sink } as unknown as RunContext, asked, shown };
}

const task = (name: string | undefined, role?: string): Task => ({ name, action: 'debug', role: role === undefined ? undefined : { name: role } }) as unknown as Task;

describe('--step', () => {
  it("asks in ansible-playbook's words and repeats the question as a banner", async () => {
    const { run, asked, shown } = runWith(['Y']);
    expect(await takeStep(run, task('install', 'web'), false, undefined)).toBe(true);
    expect(asked).toEqual(['Perform task: TASK: web : install (N)o/(y)es/(c)ontinue: ']);
    expect(shown).toEqual([{ type: 'display', text: 'Perform task: TASK: web : install (N)o/(y)es/(c)ontinue:', banner: true }]);
  });

  it('n or Enter skips, c runs this task and stops asking', async () => {
    const { run, asked } = runWith(['', 'no', 'continue']);
    expect(await takeStep(run, task(undefined), false, undefined)).toBe(false);
    expect(await takeStep(run, task('x'), true, 'web1')).toBe(false);
    expect(await takeStep(run, task('y'), false, undefined)).toBe(true);
    expect(run.step.active).toBe(false);
    expect(await takeStep(run, task('z'), false, undefined)).toBe(true);
    expect(asked).toEqual([
      'Perform task: TASK: debug (N)o/(y)es/(c)ontinue: ',
      'Perform task: HANDLER: x on web1 (N)o/(y)es/(c)ontinue: ',
      'Perform task: TASK: y (N)o/(y)es/(c)ontinue: ',
    ]);
  });
});
