import { setTimeout as sleep } from 'node:timers/promises';
import type { ArgumentSpec, Module, ModuleResult, ParamsOf } from '@tsible/engine';
import { pollHost } from './reconnect-loop.js';

export const waitForConnectionSpec = {
  options: {
    delay: { type: 'int', default: 0 },
    sleep: { type: 'int', default: 1 },
    timeout: { type: 'int', default: 600 },
    connect_timeout: { type: 'int', default: 5 },
  },
} as const satisfies ArgumentSpec;

export type WaitForConnectionParams = ParamsOf<typeof waitForConnectionSpec>;

const PONG = 'tsible-pong';

/** Reconnects until the host runs a command again (after a reboot, or while it comes up). */
export const waitForConnectionModule: Module<typeof waitForConnectionSpec> = {
  name: 'wait_for_connection',
  spec: waitForConnectionSpec,
  supportsCheckMode: true,
  managesConnection: true,
  bareAction: true,
  async run(ctx, params: WaitForConnectionParams): Promise<ModuleResult> {
    const start = Date.now();
    if (params.delay > 0) await sleep(params.delay * 1000);
    const outcome = await pollHost(ctx, `echo ${PONG}\n`, (out) => out.trim() === PONG, start + params.timeout * 1000, params.sleep, params.connect_timeout * 1000);
    const elapsed = Math.floor((Date.now() - start) / 1000);
    if (outcome.ok) return { changed: false, elapsed };
    return { changed: false, failed: true, elapsed, msg: `timed out waiting for ping module test: ${outcome.error}` };
  },
};
