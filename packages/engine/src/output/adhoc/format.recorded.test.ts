import { loadAdhocRecordings, recordedHostResults, type RecordedCase } from '../../../../../test/fixtures/adhoc/recordings.js';
import { formatMinimal } from './minimal.js';
import { formatOneLine } from './oneline.js';
import { statusOf } from '../../executor/module-task.js';
import type { ModuleResult } from '../../module-api/module.js';

const recordings = loadAdhocRecordings();
const TEXT_MODULES = new Set(['command', 'shell', 'raw']);

/** Each run has its own clock, temp paths and set order; everything else must be identical. */
function mask(text: string): string {
  return text
    .replace(/Valid booleans include: [^"\n]*/g, 'Valid booleans include: <set>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}/g, '<time>')
    .replace(/\d+:\d\d:\d\d\.\d{6}/g, '<delta>')
    .replace(/ansible-tmp-[\d.-]+/g, 'ansible-tmp')
    .replace(/ansible_ping_payload_[^/]+/g, 'payload');
}

function hostResults(c: RecordedCase): [string, ModuleResult][] {
  return Object.entries(recordedHostResults(c)).map(([host, result]) => {
    const { action: _action, ...rest } = result;
    return [host, rest];
  });
}

/** Hosts in the order the recorded screen output shows them. */
function inScreenOrder(results: [string, ModuleResult][], screen: string): [string, ModuleResult][] {
  return [...results].sort(([a], [b]) => screen.indexOf(`${a} |`) - screen.indexOf(`${b} |`));
}

const withResults = recordings.filter((c) => c.json.stdout.trim().startsWith('{') && hostResults(c).length > 0);

describe("ad-hoc screen output matches ansible's minimal and oneline callbacks (recorded)", () => {
  it.each(withResults.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const textOutput = TEXT_MODULES.has(c.module);
    const render = (format: typeof formatMinimal, screen: string): string =>
      inScreenOrder(hostResults(c), screen)
        .map(([host, result]) => format({ host, outcome: { status: statusOf(result), result }, textOutput, verbosity: 0 }))
        .join('');
    expect(mask(render(formatMinimal, c.minimal.stdout))).toBe(mask(c.minimal.stdout));
    expect(mask(render(formatOneLine, c.oneline.stdout))).toBe(mask(c.oneline.stdout));
  });
});
