import { emitRunEvent } from '../output/run-events.js';
import { taskLabel } from '../playbook/listing/format-listing.js';
import type { Task } from '../playbook/model.js';
import type { RunContext } from './run-context.js';

/**
 * --step, as ansible-playbook asks before a task: y runs it, c runs it and
 * every later task without asking, anything else (n, Enter) skips it. The
 * question is then repeated as a banner. Free strategies name the host.
 */
export async function takeStep(run: RunContext, task: Task, isHandler: boolean, host: string | undefined): Promise<boolean> {
  if (!run.step.active || run.terminal === undefined) return true;
  const question = `Perform task: ${isHandler ? 'HANDLER' : 'TASK'}: ${taskLabel(task)} ${host === undefined ? '' : `on ${host} `}(N)o/(y)es/(c)ontinue: `;
  const answer = (await run.terminal.readLine(question, true)).toLowerCase();
  const proceed = ['y', 'yes', 'c', 'continue'].includes(answer);
  if (answer === 'c' || answer === 'continue') run.step.active = false;
  emitRunEvent(run.sink, { type: 'display', text: question.trim(), banner: true });
  return proceed;
}
