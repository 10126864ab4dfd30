import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { installedOrigins, originsByPackageFile } from './apt-policy.js';
import { newNonce, runReportScript, withWarnings } from '../support/script-report.js';

export const packageFactsSpec = {
  options: {
    manager: { type: 'list', elements: 'str', default: ['auto'] },
    strategy: { type: 'str', choices: ['first', 'all'], default: 'first' },
  },
} as const satisfies ArgumentSpec;

export type PackageFactsParams = ParamsOf<typeof packageFactsSpec>;

/** The managers Ansible's package_facts knows; only apt is read here. */
const ANSIBLE_MANAGERS = ['rpm', 'apk', 'portage', 'pkg', 'pacman', 'apt', 'pkg_info'];

export interface PackageEntry {
  name: string;
  version: string;
  arch: string;
  category: string;
  origin: string;
  source: 'apt';
}

/** One exec: installed packages from dpkg, then apt's policy for their origins. */
const FACTS_SCRIPT = `command -v dpkg-query >/dev/null 2>&1 || { ts_say noapt 1; ts_say end; exit 0; }
ts_t=$(mktemp -d) || ts_stop 'could not create a temporary directory'
trap 'rm -rf -- "$ts_t"' EXIT
export LC_ALL=C
dpkg --print-architecture > "$ts_t/arch"; ts_section arch "$ts_t/arch"
dpkg-query -W -f='\${db:Status-Status}\\t\${Package}\\t\${Version}\\t\${Architecture}\\t\${Section}\\n' | awk -F'\\t' '$1 == "installed"' > "$ts_t/list"
ts_section list "$ts_t/list"
apt-cache policy > "$ts_t/header" 2>/dev/null; ts_section header "$ts_t/header"
cut -f2,4 -- "$ts_t/list" | awk -F'\\t' '{print $1 ":" $2}' | xargs -r apt-cache policy > "$ts_t/policy" 2>/dev/null
ts_section policy "$ts_t/policy"
ts_say end`;

/** Ansible's shape: name → list of installed versions; foreign-architecture packages keyed `name:arch`. */
export function aptPackages(parts: ReadonlyMap<string, string>): Record<string, PackageEntry[]> {
  const native = (parts.get('arch') ?? '').trim();
  const origins = installedOrigins(parts.get('policy') ?? '', originsByPackageFile(parts.get('header') ?? ''));
  const packages: Record<string, PackageEntry[]> = {};
  for (const line of (parts.get('list') ?? '').split('\n')) {
    const [, name = '', version = '', arch = '', section = ''] = line.split('\t');
    if (name === '') continue;
    const key = arch === native || arch === 'all' ? name : `${name}:${arch}`;
    const origin = origins.get(`${name}:${arch}`) ?? origins.get(name) ?? '';
    (packages[key] ??= []).push({ name: key, version, arch, category: section, origin, source: 'apt' });
  }
  return packages;
}

async function runPackageFacts(ctx: ModuleContext, p: PackageFactsParams): Promise<ModuleResult> {
  const requested = p.manager.map((m) => m.toLowerCase());
  const managers = requested.includes('auto') ? [...requested.filter((m) => m !== 'auto'), ...ANSIBLE_MANAGERS] : requested;
  const unsupported = managers.filter((m) => !ANSIBLE_MANAGERS.includes(m));
  if (unsupported.length > 0) {
    const msg = requested.includes('auto') ? 'Could not auto detect a usable package manager, check warnings for details.' : `Unsupported package managers requested: ${[...new Set(unsupported)].join(', ')}`;
    return { changed: false, failed: true, msg };
  }
  const warnings = managers.filter((m) => m !== 'apt' && requested.includes(m)).map((m) => `Requested package manager ${m} was not usable by this module: reading ${m} is not supported yet; supported: apt`);
  const notFound = () => ({
    changed: false,
    failed: true,
    msg: `Could not detect a supported package manager from the following list: [${[...new Set(managers)].map((m) => `'${m}'`).join(', ')}], or the required Python library is not installed. Check warnings for details.`,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
  if (!managers.includes('apt')) return notFound();
  const { report, failure } = await runReportScript(ctx, newNonce(), FACTS_SCRIPT);
  if (failure !== undefined) return { changed: false, failed: true, msg: failure };
  if (report.fields.has('noapt')) return notFound();
  return withWarnings({ changed: false, ansible_facts: { packages: aptPackages(report.sections) } }, [...warnings, ...report.warnings]);
}

export const packageFactsModule: Module<typeof packageFactsSpec> = {
  name: 'package_facts',
  spec: packageFactsSpec,
  supportsCheckMode: true,
  run: runPackageFacts,
};
