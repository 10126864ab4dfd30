import { arg } from './call-args.js';
import { JinjaCallable } from './jinja/callable.js';
import type { Environment } from './jinja/environment.js';
import { TemplateRuntimeError } from './jinja/runtime-error.js';
import { Undefined } from './jinja/undefined.js';
import { plain } from './python/compare.js';
import { PyDateTime, strftime } from './python/datetime.js';
import { Namespace } from './python/namespace.js';
import { isPlainMapping, pythonStr } from './python/repr.js';
import { pyTruthy } from './python/truthy.js';

const MAX_RANGE = 100000;

/** Python's range(): range(stop), range(start, stop[, step]). */
export function pyRange(args: unknown[]): number[] {
  const nums = args.map((a) => Number(plain(a)));
  const [start, stop, step] = nums.length === 1 ? [0, nums[0] ?? 0, 1] : [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 1];
  if (step === 0) throw new TemplateRuntimeError('range() arg 3 must not be zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    out.push(i);
    if (out.length > MAX_RANGE) throw new TemplateRuntimeError(`Range too big. The sandbox blocks ranges larger than MAX_RANGE (${MAX_RANGE}).`);
  }
  return out;
}

/** Globals Ansible templates can call: range, dict, namespace, now, undef. */
export function registerBuiltinGlobals(env: Environment): void {
  env.globals.set('range', new JinjaCallable('range', (args) => pyRange(args)));
  env.globals.set(
    'dict',
    new JinjaCallable('dict', (args, kwargs) => {
      const base = plain(args[0]);
      const start = isPlainMapping(base) ? base : Array.isArray(base) ? Object.fromEntries(base.map((p) => [pythonStr((p as unknown[])[0]), (p as unknown[])[1]])) : {};
      return { ...start, ...kwargs };
    }),
  );
  env.globals.set('namespace', new JinjaCallable('namespace', (args, kwargs) => new Namespace({ ...(isPlainMapping(args[0]) ? args[0] : {}), ...kwargs })));
  env.globals.set(
    'now',
    new JinjaCallable('now', (args, kwargs) => {
      const dt = PyDateTime.fromDate(new Date(), pyTruthy(arg(args, kwargs, 0, 'utc', false)));
      const fmt = arg(args, kwargs, 1, 'fmt', null);
      return fmt === null ? dt : strftime(pythonStr(fmt), dt);
    }),
  );
  env.globals.set(
    'undef',
    new JinjaCallable('undef', (args, kwargs) => {
      const hint = arg(args, kwargs, 0, 'hint', null);
      return new Undefined(hint === null ? 'Mandatory variable has not been overridden' : pythonStr(hint));
    }),
  );
}
