import { Emitter, RecordingSink, parseModuleArgs, resolveModule, runModuleTask } from '@tsible/engine';
import { modules } from './index.js';
import { LocalTestConnection } from './testing/local-test-connection.js';
import { loadAdhocRecordings, recordedCase, recordedHostResults, type RecordedCase } from '../../../test/fixtures/adhoc/recordings.js';

const recordings = loadAdhocRecordings();

/** Keys that depend on the moment or on Ansible's Python internals. */
const TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/;
const DELTA = /^\d+:\d\d:\d\d(\.\d{6})?$/;

/** Python lists the valid booleans in set (hash) order, different in every process. */
function sortBooleanList(msg: string): string {
  const marker = 'Valid booleans include: ';
  const at = msg.indexOf(marker);
  if (at < 0) return msg;
  return msg.slice(0, at + marker.length) + msg.slice(at + marker.length).split(', ').sort().join(', ');
}

function normalise(result: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) {
    if (key.startsWith('_ansible_') || key === 'action') continue;
    if ((key === 'start' || key === 'end') && typeof value === 'string' && TIMESTAMP.test(value)) out[key] = '<time>';
    else if (key === 'delta' && typeof value === 'string' && DELTA.test(value)) out[key] = '<delta>';
    else if (key === 'msg' && typeof value === 'string') out[key] = sortBooleanList(value);
    else out[key] = value;
  }
  return out;
}

function recordedResult(c: RecordedCase): Record<string, unknown> {
  const result = recordedHostResults(c)['localhost'];
  if (result === undefined) throw new Error(`no localhost result in ${c.name}`);
  return result;
}

async function runLocally(c: RecordedCase): Promise<{ result: Record<string, unknown>; connection: LocalTestConnection }> {
  const module = resolveModule(modules, c.module);
  if (module === undefined) throw new Error(`unknown module ${c.module}`);
  const connection = new LocalTestConnection();
  const outcome = await runModuleTask(module, parseModuleArgs(c.args, module), {
    connection,
    checkMode: c.options.includes('-C'),
    diffMode: false,
    emit: new Emitter(new RecordingSink()),
  });
  return { result: outcome.result, connection };
}

// Cases a module can replay alone: one host, no templating or other run options (those are the CLI's, tested there).
const replayable = recordings.filter((c) => ((c.pattern === 'localhost' && c.args !== '') || c.name === 'ping-ok') && c.options.every((o) => o === '-C'));

describe('modules return what ansible 2.14 returned for the same ad-hoc run (recorded, timings masked)', () => {
  it.each(replayable.filter((c) => c.name !== 'ping-crash').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { result, connection } = await runLocally(c);
    expect(normalise(result)).toEqual(normalise(recordedResult(c)));
    // One remote exec per task, whatever the options.
    expect(connection.requests.length).toBeLessThanOrEqual(1);
  });

  it('ping data=crash fails the way Ansible reports it', async () => {
    const c = recordedCase('ping-crash');
    const { result } = await runLocally(c);
    const expected = recordedResult(c);
    for (const key of ['changed', 'failed', 'msg', 'rc', 'module_stdout']) expect(result[key]).toEqual(expected[key]);
    expect(String(result['exception']).trim().split('\n').pop()).toBe(String(expected['exception']).trim().split('\n').pop());
  });
});
