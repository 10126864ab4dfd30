import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { APT_GET_ZERO, APTITUDE_ZERO, preparedDiff } from './apt-output.js';
import { runReportScript, withWarnings, type ScriptReport } from '../support/script-report.js';
import { failed } from '../support/remote/run-script.js';
import { buildAptScript, type AptAction } from './apt-script.js';
import { aptSpec, type AptParams } from './apt-spec.js';

/** Characters a Debian package spec can hold (name, :arch, =version, fnmatch wildcards). */
const PACKAGE_SPEC = /^[A-Za-z0-9.+~:_*?[\]=-]+$/;

/** Ansible's checks that come before apt runs, plus one of ours: a spec must look like a package. */
function invalidRequest(p: AptParams): string | undefined {
  const packages = p.package ?? [];
  if (p.deb !== null && p.state !== 'present') return 'deb only supports state=present';
  if (p.state === 'latest' && packages.includes('*') && packages.some((s) => s !== '*')) {
    return 'unable to install additional packages when upgrading all installed packages';
  }
  for (const spec of packages) {
    if (spec === '*') continue;
    if (spec.split('=').length > 2 || !PACKAGE_SPEC.test(spec.trim())) return `invalid package spec: ${spec}`;
  }
  return undefined;
}

interface Ran {
  cmd: string;
  rc: number;
  stdout: string;
  stderr: string;
}

function ranCommand(report: ScriptReport): Ran | undefined {
  const rc = report.fields.get('rc');
  if (rc === undefined) return undefined;
  return { cmd: report.fields.get('cmd') ?? '', rc: Number(rc), stdout: report.sections.get('out') ?? '', stderr: report.sections.get('err') ?? '' };
}

function cacheFields(report: ScriptReport): { cache_updated: boolean; cache_update_time: number } {
  const [updated = '0', time = '0'] = (report.fields.get('cache') ?? '').split(' ');
  return { cache_updated: updated === '1', cache_update_time: Number(time) };
}

/** Ansible's result for each way the apt module ends. */
function shapeResult(action: AptAction, report: ScriptReport, diffMode: boolean): ModuleResult {
  const ran = ranCommand(report);
  const diff = (out: string): unknown => (diffMode ? preparedDiff(out) : {});
  const cache = cacheFields(report);
  switch (action.kind) {
    case 'clean': {
      const out = ran?.stdout ?? '';
      const err = ran?.stderr ?? '';
      if (ran !== undefined && ran.rc !== 0) return failed('apt-get clean failed', { stdout: out, rc: ran.rc });
      if (err !== '') return failed(`apt-get clean failed: ${err}`, { stdout: out, rc: ran?.rc ?? 0 });
      return { changed: true, msg: out, stdout: out, stderr: err };
    }
    case 'cache':
      return { changed: cache.cache_updated, ...cache };
    case 'upgrade': {
      if (ran === undefined) return failed('the upgrade did not run');
      const tool = report.fields.get('tool') ?? 'apt-get';
      const label = report.fields.get('upgrade_cmd') ?? '';
      const program = ran.cmd.split(' ')[0] ?? tool;
      if (ran.rc !== 0) return failed(`'${program} ${label}' failed: ${ran.stderr}`, { stdout: ran.stdout, rc: ran.rc });
      const zero = tool === 'aptitude' ? APTITUDE_ZERO : APT_GET_ZERO;
      if (ran.stdout.includes(zero)) return { changed: false, msg: ran.stdout, stdout: ran.stdout, stderr: ran.stderr };
      return { changed: true, msg: ran.stdout, stdout: ran.stdout, stderr: ran.stderr, diff: diff(ran.stdout) };
    }
    case 'deb':
      if (ran === undefined) return { changed: false, stdout: '', stderr: '', diff: '' };
      if (ran.rc !== 0) return failed(`${ran.cmd} failed`, { stdout: ran.stdout, stderr: ran.stderr });
      return { changed: true, stdout: ran.stdout, stderr: ran.stderr, diff: diff(ran.stdout) };
    case 'cleanup': {
      if (ran === undefined) return failed(`'apt-get ${action.operation}' did not run`);
      if (ran.rc !== 0) return failed(`'apt-get ${action.operation}' failed: ${ran.stderr}`, { stdout: ran.stdout, stderr: ran.stderr, rc: ran.rc });
      const marker = action.operation === 'autoclean' ? 'Del ' : 'The following packages will be REMOVED';
      return { changed: ran.stdout.includes(marker), stdout: ran.stdout, stderr: ran.stderr, diff: diff(ran.stdout) };
    }
    case 'remove': {
      if (ran === undefined) return { changed: false };
      if (ran.rc !== 0) {
        const packages = ran.cmd.slice(ran.cmd.indexOf(' remove ') + ' remove '.length);
        return failed(`'apt-get remove ${packages}' failed: ${ran.stderr}`, { stdout: ran.stdout, stderr: ran.stderr, rc: ran.rc });
      }
      return { changed: true, stdout: ran.stdout, stderr: ran.stderr, diff: diff(ran.stdout) };
    }
    case 'install': {
      if (ran === undefined) return { changed: false, ...cache };
      if (ran.rc !== 0) return failed(`'${ran.cmd}' failed: ${ran.stderr}`, { stdout: ran.stdout, stderr: ran.stderr, rc: ran.rc, ...cache });
      const changed = action.buildDep ? !ran.stdout.includes(APT_GET_ZERO) : true;
      return { changed, stdout: ran.stdout, stderr: ran.stderr, diff: diff(ran.stdout), ...cache };
    }
  }
}

async function runApt(ctx: ModuleContext, p: AptParams): Promise<ModuleResult> {
  const invalid = invalidRequest(p);
  if (invalid !== undefined) return failed(invalid);
  const { script, nonce, action } = buildAptScript(p, ctx.checkMode);
  const { report, run, failure } = await runReportScript(ctx, nonce, script);
  if (failure !== undefined) {
    const fileFailure = /^@x\t(.*)$/m.exec(run.stdout.toString('utf8'));
    return failed(fileFailure?.[1] ?? failure, report.fields.has('fail') ? {} : { rc: run.rc });
  }
  const unavailable = report.fields.get('unavailable');
  if (unavailable !== undefined) return failed(`no available installation candidate for ${unavailable}`, cacheFields(report));
  const result = shapeResult(action, report, ctx.diffMode);
  return withWarnings(result, report.warnings);
}

export const aptModule: Module<typeof aptSpec> = {
  name: 'apt',
  spec: aptSpec,
  supportsCheckMode: true,
  run: runApt,
};
