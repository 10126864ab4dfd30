import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { newNonce, runReportScript, withWarnings } from '../support/script-report.js';
import { parseSystemctlShow } from './systemctl-show.js';
import { buildSystemdScript } from './systemd-script.js';
import { systemdSpec, type SystemdParams } from './systemd-spec.js';

const GLOB_CHARACTERS = ['*', '?', '['];

export async function runSystemd(ctx: ModuleContext, p: SystemdParams): Promise<ModuleResult> {
  const glob = p.name === null ? undefined : GLOB_CHARACTERS.find((g) => p.name?.includes(g));
  if (glob !== undefined) {
    return { changed: false, failed: true, msg: `This module does not currently support using glob patterns, found '${glob}' in service name: ${p.name}` };
  }
  const { report, failure } = await runReportScript(ctx, newNonce(), buildSystemdScript(p, ctx.checkMode));
  const status = parseSystemctlShow(report.sections.get('show') ?? '');
  if (failure !== undefined) {
    const extra = failure === 'Service is in unknown state' ? { status } : {};
    return { changed: false, failed: true, msg: failure, ...extra };
  }
  const f = report.fields;
  const result: ModuleResult = { name: p.name, changed: f.has('masked_changed') || f.has('enable_changed') || f.has('action'), status };
  const warnings = [...report.warnings];
  if (p.name !== null && f.get('initd') === '1' && f.get('systemd') !== '1') {
    warnings.push(`The service (${p.name}) is actually an init script but the system is managed by systemd`);
  }
  if (p.enabled !== null) result['enabled'] = f.has('enable_changed') ? p.enabled : f.get('enabled') === '1';
  if (p.state !== null) result['state'] = p.state === 'restarted' || p.state === 'reloaded' ? 'started' : p.state;
  return withWarnings(result, warnings);
}

export const systemdServiceModule: Module<typeof systemdSpec> = {
  name: 'systemd_service',
  spec: systemdSpec,
  supportsCheckMode: true,
  run: runSystemd,
};

/** `systemd` is the same module under its older name. */
export const systemdModule: Module<typeof systemdSpec> = { ...systemdServiceModule, name: 'systemd' };
