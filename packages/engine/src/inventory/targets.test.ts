import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';
import { loadInventory } from './load.js';
import { selectTargets } from './targets.js';

describe('selectTargets', () => {
  it('warns that only localhost is available when the inventory is empty', async () => {
    const sink = new RecordingSink();
    const inv = await loadInventory({ sources: ['/nonexistent/inventory'], cwd: '/', sink: new RecordingSink() });
    expect(selectTargets(inv, 'all', { sink })).toEqual([]);
    expect(sink.messages('warning')).toEqual([
      "provided hosts list is empty, only localhost is available. Note that the implicit localhost does not match 'all'",
    ]);
    const quiet = new RecordingSink();
    expect(selectTargets(inv, 'localhost', { sink: quiet }).map((h) => h.name)).toEqual(['localhost']);
    expect(quiet.messages('warning')).toEqual([]);
  });

  it('fails when the pattern and limit leave no hosts', async () => {
    const inv = await loadInventory({ sources: ['web1,web2'], cwd: '/', sink: new RecordingSink() });
    expect(selectTargets(inv, 'all', { sink: new RecordingSink(), limit: 'web2' }).map((h) => h.name)).toEqual(['web2']);
    expect(() => selectTargets(inv, 'web1', { sink: new RecordingSink(), limit: 'web2' })).toThrow(TsibleError);
  });
});
