import type { ModuleResult } from '../../module-api/module.js';
import { stringArg, type EngineAction } from './action.js';

/** group_by: puts the host into a group named by `key` (spaces become dashes, as Ansible does). */
export const groupByAction: EngineAction = {
  name: 'group_by',
  run(args, ctx): ModuleResult {
    const key = stringArg(args, 'key');
    if (key === undefined) return { failed: true, msg: "the 'key' param is required when using group_by" };
    const group = key.replace(/ /g, '-');
    const parents = Array.isArray(args['parents']) ? args['parents'].map(String) : args['parents'] === undefined ? ['all'] : [String(args['parents'])];
    const changed = ctx.inventory.addDynamicGroup(ctx.host, group, parents);
    return { changed, add_group: group, parent_groups: parents };
  },
};
