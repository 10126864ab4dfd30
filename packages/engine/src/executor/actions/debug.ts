import { TsibleError } from '../../errors/tsible-error.js';
import type { ModuleResult } from '../../module-api/module.js';
import type { EngineAction } from './action.js';

const NOT_DEFINED = 'VARIABLE IS NOT DEFINED!';

/** debug: prints `msg` or the value of `var`, only from `verbosity` up. */
export const debugAction: EngineAction = {
  name: 'debug',
  rawArgs: ['var'],
  run(args, ctx): ModuleResult {
    if ('msg' in args && 'var' in args) return { failed: true, msg: "'msg' and 'var' are incompatible options" };
    const threshold = Number(args['verbosity'] ?? 0);
    if (ctx.verbosity < threshold) return { skipped: true, skipped_reason: 'Verbosity threshold not met.', changed: false };
    if (!('var' in args)) return { changed: false, msg: 'msg' in args ? args['msg'] : 'Hello world!', _ansible_verbose_always: true } as ModuleResult;
    const name = args['var'];
    const key = typeof name === 'string' ? name : String(name);
    let value: unknown;
    try {
      value = typeof name === 'string' ? ctx.templar.render(`{{ ${name} }}`, { location: ctx.task.location }) : name;
    } catch (err) {
      if (err instanceof TsibleError && err.code === 'TSIBLE_TEMPLATE_UNDEFINED') value = NOT_DEFINED;
      else throw err;
    }
    return { changed: false, [key]: value, _ansible_verbose_always: true };
  },
};
