import type { EngineAction } from './action.js';
import { addHostAction } from './add-host.js';
import { assertAction } from './assert.js';
import { debugAction } from './debug.js';
import { failAction } from './fail.js';
import { groupByAction } from './group-by.js';
import { includeVarsAction } from './include-vars.js';
import { pauseAction } from './pause.js';
import { setFactAction } from './set-fact.js';
import { setStatsAction } from './set-stats.js';

export type { ActionContext, EngineAction } from './action.js';

/** Actions the engine runs itself; meta and includes are handled by the strategy. */
export const ENGINE_ACTION_TABLE: ReadonlyMap<string, EngineAction> = new Map(
  [debugAction, setFactAction, assertAction, failAction, includeVarsAction, addHostAction, groupByAction, pauseAction, setStatsAction].map((a) => [a.name, a]),
);

/** Actions that run once for the whole play rather than per host (Ansible's BYPASS_HOST_LOOP). */
export const RUN_ONCE_ACTIONS: ReadonlySet<string> = new Set(['add_host']);
/** Ansible's BYPASS_HOST_LOOP actions: run for the first host only, the others get no result (pause waits once). */
export const FIRST_HOST_ONLY_ACTIONS: ReadonlySet<string> = new Set(['pause']);
