import type { ArgumentSpec, Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { newNonce, runReportScript, withWarnings } from '../support/script-report.js';
import { parseListUnitFiles, parseListUnits, parseStatusAll, type ServiceEntry } from './service-lists.js';

export const serviceFactsSpec = { options: {} } as const satisfies ArgumentSpec;

/**
 * One exec collects what Ansible's service_facts reads: `service --status-all`
 * (SysV, when neither chkconfig nor OpenRC is there) and, with systemd as
 * PID 1, systemctl's unit list, unit files and the ActiveState of units
 * only the unit files name.
 */
const SCRIPT = `ts_t=$(mktemp -d) || ts_stop 'could not create a temporary directory'
trap 'rm -rf -- "$ts_t"' EXIT
export LANG=C LC_ALL=C
if command -v service >/dev/null 2>&1 && ! command -v chkconfig >/dev/null 2>&1 && ! command -v rc-status >/dev/null 2>&1; then
  service --status-all >"$ts_t/sysv" 2>"$ts_t/sysv_err" </dev/null; ts_say sysv_rc "$?"
  ts_section sysv "$ts_t/sysv"; ts_section sysv_err "$ts_t/sysv_err"
fi
if grep -q systemd /proc/1/comm 2>/dev/null && ts_sc=$(PATH=$PATH:/usr/bin:/usr/local/bin command -v systemctl); then
  "$ts_sc" list-units --no-pager --type service --all >"$ts_t/units" 2>"$ts_t/err" && ts_section units "$ts_t/units" || ts_say warn "Could not list units from systemd: $(cat "$ts_t/err")"
  if "$ts_sc" list-unit-files --no-pager --type service --all >"$ts_t/files" 2>"$ts_t/err"; then
    ts_section files "$ts_t/files"
    grep '\\.service' "$ts_t/files" | awk '{print $1}' | while read -r ts_u; do
      grep -q "^[^a-zA-Z0-9]*$ts_u " "$ts_t/units" 2>/dev/null && continue
      printf '%s %s\\n' "$ts_u" "$("$ts_sc" show "$ts_u" --property=ActiveState 2>/dev/null | sed 's/^ActiveState=//')"
    done >"$ts_t/active"
    ts_section active "$ts_t/active"
  else ts_say warn "Could not get unit files data from systemd: $(cat "$ts_t/err")"; fi
fi
ts_say end`;

async function runServiceFacts(ctx: ModuleContext): Promise<ModuleResult> {
  const { report, failure } = await runReportScript(ctx, newNonce(), SCRIPT);
  if (failure !== undefined) return { changed: false, failed: true, msg: failure };
  const warnings = [...report.warnings];
  const services: Record<string, ServiceEntry> = {};
  const sysv = report.sections.get('sysv');
  if (sysv !== undefined) {
    const rc = report.fields.get('sysv_rc') ?? '0';
    if (rc !== '0') warnings.push(`Unable to query 'service' tool (${rc}): ${report.sections.get('sysv_err') ?? ''}`);
    Object.assign(services, parseStatusAll(sysv));
  }
  const units = report.sections.get('units');
  if (units !== undefined) parseListUnits(units, services);
  const files = report.sections.get('files');
  if (files !== undefined) {
    const active = new Map<string, string>();
    for (const line of (report.sections.get('active') ?? '').split('\n')) {
      const [name = '', state = ''] = line.split(' ');
      if (name !== '') active.set(name, state === '' ? 'unknown' : state);
    }
    parseListUnitFiles(files, active, services);
  }
  const result: ModuleResult =
    Object.keys(services).length === 0
      ? { changed: false, skipped: true, msg: 'Failed to find any services. This can be due to privileges or some other configuration issue.' }
      : { changed: false, ansible_facts: { services } };
  return withWarnings(result, warnings);
}

export const serviceFactsModule: Module<typeof serviceFactsSpec> = {
  name: 'service_facts',
  spec: serviceFactsSpec,
  supportsCheckMode: true,
  run: runServiceFacts,
};
