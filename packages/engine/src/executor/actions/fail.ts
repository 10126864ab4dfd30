import type { ModuleResult } from '../../module-api/module.js';
import type { EngineAction } from './action.js';

/** fail: ends the host with a message. */
export const failAction: EngineAction = {
  name: 'fail',
  run(args): ModuleResult {
    return { failed: true, changed: false, msg: args['msg'] ?? 'Failed as requested from task' } as ModuleResult;
  },
};
