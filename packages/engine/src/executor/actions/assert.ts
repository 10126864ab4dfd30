import type { ModuleResult } from '../../module-api/module.js';
import { toBoolean } from '../../module-api/type-conversion.js';
import type { EngineAction } from './action.js';

/** assert: every `that` condition must hold; fail_msg/msg on the first that does not. */
export const assertAction: EngineAction = {
  name: 'assert',
  rawArgs: ['that'],
  run(args, ctx): ModuleResult {
    if (!('that' in args)) return { failed: true, msg: 'conditional required in "that" string' };
    const that = Array.isArray(args['that']) ? args['that'] : [args['that']];
    const failMsg = args['fail_msg'] ?? args['msg'];
    const quiet = args['quiet'] !== undefined && toBoolean(args['quiet']);
    // Ansible's assert shows its result in full either way, unless quiet.
    const always = quiet ? {} : { _ansible_verbose_always: true };
    for (const condition of that) {
      if (!ctx.templar.evaluateConditional(condition, { location: ctx.task.location })) {
        return { failed: true, evaluated_to: false, assertion: condition, msg: failMsg ?? 'Assertion failed', changed: false, ...always } as unknown as ModuleResult;
      }
    }
    const result = { changed: false, msg: args['success_msg'] ?? 'All assertions passed' } as ModuleResult;
    if (!quiet) result['_ansible_verbose_always'] = true;
    return result;
  },
};
