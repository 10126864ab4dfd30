import { setTimeout as sleep } from 'node:timers/promises';
import type { ModuleResult } from '../../module-api/module.js';
import type { EngineAction } from './action.js';

function formatDelta(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
}

/** pause: waits `seconds`/`minutes`; a prompt needs a terminal, so without one it fails clearly. */
export const pauseAction: EngineAction = {
  name: 'pause',
  async run(args, ctx): Promise<ModuleResult> {
    const seconds = args['seconds'] !== undefined ? Number(args['seconds']) : args['minutes'] !== undefined ? Number(args['minutes']) * 60 : undefined;
    if (seconds !== undefined && !Number.isFinite(seconds)) return { failed: true, msg: 'non-integer value given for prompt duration' };
    if (seconds === undefined) {
      if (!ctx.interactive) {
        return { failed: true, msg: 'pause without seconds/minutes waits for a key press, which needs a terminal; give seconds or minutes, or run from a terminal' };
      }
    }
    const start = Date.now();
    const waitMs = Math.max(0, (seconds ?? 0) * 1000);
    try {
      await sleep(waitMs, undefined, { signal: ctx.signal });
    } catch {
      return { failed: true, msg: 'pause interrupted' };
    }
    const delta = Date.now() - start;
    return { changed: false, rc: 0, stderr: '', stdout: args['minutes'] !== undefined ? `Paused for ${Number(args['minutes'])} minutes` : `Paused for ${seconds ?? 0} seconds`, user_input: '', delta: formatDelta(delta), start: new Date(start).toISOString(), stop: new Date().toISOString() };
  },
};
