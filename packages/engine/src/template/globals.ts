import { arg } from './call-args.js';
import { JinjaCallable } from './jinja/callable.js';
import type { Environment } from './jinja/environment.js';
import { TemplateRuntimeError } from './jinja/runtime-error.js';
import { plain } from './python/compare.js';

/** Python's range(): range(stop), range(start, stop[, step]). */
export function pyRange(args: unknown[]): number[] {
  const nums = args.map((a) => Number(plain(a)));
  const [start, stop, step] = nums.length === 1 ? [0, nums[0] ?? 0, 1] : [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 1];
  if (step === 0) throw new TemplateRuntimeError('range() arg 3 must not be zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    out.push(i);
    if (out.length > 100000) throw new TemplateRuntimeError('Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).');
  }
  return out;
}

/** Jinja globals Ansible content uses: range, dict. */
export function registerBuiltinGlobals(env: Environment): void {
  env.globals.set('range', new JinjaCallable('range', (args) => pyRange(args)));
  env.globals.set('dict', new JinjaCallable('dict', (args, kwargs) => ({ ...((plain(arg(args, kwargs, 0, '__positional', {})) as object) ?? {}), ...kwargs })));
}
