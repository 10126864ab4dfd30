import { setTimeout as sleep } from 'node:timers/promises';
import type { ArgumentSpec, Module, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { pollHost } from './reconnect-loop.js';

export const rebootSpec = {
  options: {
    pre_reboot_delay: { type: 'int', default: 0 },
    post_reboot_delay: { type: 'int', default: 0 },
    reboot_timeout: { type: 'int', default: 600 },
    connect_timeout: { type: 'int', default: 10 },
    test_command: { type: 'str', default: 'whoami' },
    msg: { type: 'str', default: 'Reboot initiated by Ansible' },
    boot_time_command: { type: 'str', default: 'cat /proc/sys/kernel/random/boot_id' },
    reboot_command: { type: 'str' },
  },
} as const satisfies ArgumentSpec;

export type RebootParams = ParamsOf<typeof rebootSpec>;

/** Linux shutdown counts its delay in minutes, as Ansible's reboot action does. */
function rebootCommand(p: RebootParams): string {
  if (p.reboot_command !== null) return p.reboot_command;
  return `/sbin/shutdown -r +${Math.floor(p.pre_reboot_delay / 60)} ${shellQuote(p.msg)}`;
}

/**
 * Reboots the host and waits until it is back: the boot id (boot_time_command)
 * must change, then test_command must succeed, all within reboot_timeout.
 */
export const rebootModule: Module<typeof rebootSpec> = {
  name: 'reboot',
  spec: rebootSpec,
  supportsCheckMode: true,
  managesConnection: true,
  bareAction: true,
  async run(ctx, params: RebootParams): Promise<ModuleResult> {
    if (ctx.checkMode) return { changed: true, elapsed: 0, rebooted: true };
    const start = Date.now();
    const connectMs = params.connect_timeout * 1000;
    const before = await pollHost(ctx, `${params.boot_time_command}\n`, () => true, start + connectMs, 1, connectMs);
    if (!before.ok) return { changed: false, failed: true, rebooted: false, elapsed: 0, msg: `Failed to determine the boot time before the reboot: ${before.error}` };
    const connection = ctx.connection;
    try {
      // The command may take the connection down with it: that is the reboot working.
      const run = await connection.run({ script: `${rebootCommand(params)}\n`, timeoutMs: connectMs, ...(ctx.become === undefined ? {} : { become: ctx.become }) });
      if (run.rc !== 0) {
        return { changed: false, failed: true, rebooted: false, elapsed: 0, rc: run.rc, msg: `Reboot command failed. Error was: '${run.stdout.toString('utf8').trim()}, ${run.stderr.toString('utf8').trim()}'`, start: new Date(start).toISOString() };
      }
    } catch {
      // connection lost while rebooting
    }
    if (params.post_reboot_delay > 0) await sleep(params.post_reboot_delay * 1000);
    const deadline = start + (params.pre_reboot_delay + params.reboot_timeout) * 1000;
    const booted = await pollHost(ctx, `${params.boot_time_command}\n`, (out) => out.trim() !== before.stdout.trim(), deadline, 1, connectMs);
    const elapsed = () => Math.floor((Date.now() - start) / 1000);
    if (!booted.ok) return { changed: true, failed: true, rebooted: true, elapsed: elapsed(), msg: `Timed out waiting for last boot time check (timeout=${params.reboot_timeout})` };
    const tested = await pollHost(ctx, `${params.test_command}\n`, () => true, deadline, 1, connectMs);
    if (!tested.ok) return { changed: true, failed: true, rebooted: true, elapsed: elapsed(), msg: `Timed out waiting for post-reboot test command (timeout=${params.reboot_timeout})` };
    return { changed: true, elapsed: elapsed(), rebooted: true };
  },
};
