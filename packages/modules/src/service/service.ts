import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { newNonce, runReportScript, withWarnings, type ScriptReport } from '../support/script-report.js';
import { buildServiceScript, type ServiceManager } from './service-script.js';
import { serviceSpec, type ServiceParams } from './service-spec.js';
import { runSystemd } from './systemd.js';

const MANAGERS: readonly ServiceManager[] = ['systemd', 'sysvinit', 'openrc'];
/** Ansible's names for the same managers. */
const ALIASES: Readonly<Record<string, ServiceManager>> = { service: 'sysvinit', sysv: 'sysvinit' };

/**
 * The manager to use: `use` when given; else the gathered fact when it names
 * one this module drives (any other fact value means the generic path, as
 * Ansible's service action falls back to its generic module); else undefined
 * (found on the target).
 */
function knownManager(p: ServiceParams, hostVars: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (p.use !== 'auto') return ALIASES[p.use] ?? p.use;
  const fact = hostVars?.['ansible_service_mgr'] ?? (hostVars?.['ansible_facts'] as Record<string, unknown> | undefined)?.['service_mgr'];
  if (typeof fact !== 'string') return undefined;
  const manager = ALIASES[fact] ?? fact;
  return MANAGERS.includes(manager as ServiceManager) ? manager : undefined;
}

/** The service action on a systemd host: the systemd module, with the options it has no use for dropped (warned). */
async function viaSystemd(ctx: ModuleContext, p: ServiceParams): Promise<ModuleResult> {
  const unused = (['pattern', 'runlevel', 'sleep', 'arguments'] as const).filter((k) => {
    const v = p[k];
    return k === 'runlevel' ? v !== 'default' : k === 'arguments' ? v !== '' : v !== null;
  });
  const result = await runSystemd(ctx, { name: p.name, state: p.state, enabled: p.enabled, force: null, masked: null, daemon_reload: false, daemon_reexec: false, scope: 'system', no_block: false });
  return withWarnings(result, unused.map((k) => `Ignoring "${k}" as it is not used in "systemd"`));
}

async function runService(ctx: ModuleContext, p: ServiceParams): Promise<ModuleResult> {
  const known = knownManager(p, ctx.hostVars);
  if (known !== undefined && !MANAGERS.includes(known as ServiceManager)) {
    return { changed: false, failed: true, msg: `The service manager '${known}' is not supported yet by the service module; supported: ${MANAGERS.join(', ')}.` };
  }
  const manager = known as ServiceManager | undefined;
  if (manager === 'systemd') return viaSystemd(ctx, p);
  const { report, failure } = await runReportScript(ctx, newNonce(), buildServiceScript(p, ctx.checkMode, manager));
  if (failure !== undefined) return { changed: false, failed: true, msg: failure };
  const f = report.fields;
  if (f.get('mgr') === 'systemd') return viaSystemd(ctx, p);
  return sysvResult(p, report, ctx.checkMode);
}

interface StepStatus {
  changed: boolean;
  rc: number | null;
  stdout: string | null;
  stderr: string | null;
}

/** Ansible's sysvinit result: per step (enabled, the state) whether it changed and what its command said. */
function sysvResult(p: ServiceParams, report: ScriptReport, checkMode: boolean): ModuleResult {
  const f = report.fields;
  const ran = (rcKey: string, out: string, err: string): Pick<StepStatus, 'rc' | 'stdout' | 'stderr'> =>
    f.has(rcKey) && !checkMode
      ? { rc: Number(f.get(rcKey)), stdout: report.sections.get(out) ?? '', stderr: report.sections.get(err) ?? '' }
      : { rc: null, stdout: null, stderr: null };
  const enabled: StepStatus = { changed: f.has('enable_changed'), ...ran('erc', 'eout', 'eerr') };
  const stateKey = p.state ?? 'null';
  const state: StepStatus = { changed: f.has('action'), ...ran('rc', 'out', 'err') };
  const failedAction = f.get('failed');
  if (failedAction !== undefined) {
    return { changed: false, failed: true, msg: `Failed to ${failedAction} service: ${p.name}`, rc: state.rc, stdout: state.stdout ?? '', stderr: state.stderr ?? '' };
  }
  const result: ModuleResult = { name: p.name, changed: enabled.changed || state.changed, status: { enabled, [stateKey]: state } };
  return withWarnings(result, report.warnings);
}

export const serviceModule: Module<typeof serviceSpec> = {
  name: 'service',
  spec: serviceSpec,
  supportsCheckMode: true,
  run: runService,
};
