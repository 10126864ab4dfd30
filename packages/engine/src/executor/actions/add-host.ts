import type { ModuleResult } from '../../module-api/module.js';
import { stringArg, type EngineAction } from './action.js';

const OWN_KEYS = new Set(['name', 'hostname', 'host', 'groups', 'group', 'groupname']);

function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((g) => g.trim()).filter((g) => g !== '');
}

/** add_host: a host (and groups) added to the in-memory inventory for the rest of the run. */
export const addHostAction: EngineAction = {
  name: 'add_host',
  run(args, ctx): ModuleResult {
    const name = stringArg(args, 'name', 'hostname', 'host');
    if (name === undefined) return { failed: true, msg: "name, host or hostname needs to be provided" };
    const groups = listOf(args['groups'] ?? args['group'] ?? args['groupname']);
    const hostVars = Object.fromEntries(Object.entries(args).filter(([key]) => !OWN_KEYS.has(key)));
    const changed = ctx.inventory.addDynamicHost(name, { groups, vars: hostVars });
    return { changed, add_host: { host_name: name, groups, host_vars: hostVars } };
  },
};
