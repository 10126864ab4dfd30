import type { ModuleResult } from '../../module-api/module.js';
import { isMapping } from '../../playbook/errors.js';
import { toBoolean } from '../../module-api/type-conversion.js';
import type { EngineAction } from './action.js';

/** set_stats: custom statistics shown after the recap (with show_custom_stats) and in the JSON report. */
export const setStatsAction: EngineAction = {
  name: 'set_stats',
  run(args): ModuleResult {
    const data = args['data'];
    if (!isMapping(data)) return { failed: true, msg: "The 'data' option needs to be a dictionary/hash" };
    const perHost = args['per_host'] !== undefined && toBoolean(args['per_host']);
    const aggregate = args['aggregate'] === undefined || toBoolean(args['aggregate']);
    return { changed: false, ansible_stats: { data, per_host: perHost, aggregate } };
  },
};
