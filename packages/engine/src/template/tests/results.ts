import type { TestDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { isPlainMapping } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { toBool } from '../filters/core.js';

function result(value: unknown, test: string): Record<string, unknown> {
  if (!isPlainMapping(value)) throw new TemplateRuntimeError(`The '${test}' test expects a dictionary`);
  return value;
}

function failed(v: unknown): boolean {
  return toBool(result(v, 'failed')['failed'] ?? false) === true;
}

function changed(v: unknown): boolean {
  const r = result(v, 'changed');
  if (!('changed' in r)) {
    const results = r['results'];
    return Array.isArray(results) && results.some((x) => isPlainMapping(x) && pyTruthy(x['changed'] ?? false));
  }
  return toBool(r['changed']) === true;
}

/** Task-result tests: succeeded/failed/changed/skipped/finished/started. */
export const resultTests: Record<string, TestDef> = {
  failed: { fn: failed },
  failure: { fn: failed },
  succeeded: { fn: (v) => !failed(v) },
  success: { fn: (v) => !failed(v) },
  successful: { fn: (v) => !failed(v) },
  changed: { fn: changed },
  change: { fn: changed },
  skipped: { fn: (v) => toBool(result(v, 'skipped')['skipped'] ?? false) === true },
  skip: { fn: (v) => toBool(result(v, 'skipped')['skipped'] ?? false) === true },
  finished: { fn: (v) => toBool(result(v, 'finished')['finished'] ?? true) === true },
  started: { fn: (v) => toBool(result(v, 'started')['started'] ?? true) === true },
  unreachable: { fn: (v) => toBool(result(v, 'unreachable')['unreachable'] ?? false) === true },
  reachable: { fn: (v) => toBool(result(v, 'reachable')['unreachable'] ?? false) !== true },
};
