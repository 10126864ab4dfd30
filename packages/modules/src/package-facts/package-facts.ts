import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { randomBytes } from 'node:crypto';
import { installedOrigins, originsByPackageFile } from './apt-policy.js';

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
function factsScript(marker: string): string {
  return [
    'command -v dpkg-query >/dev/null 2>&1 || { echo no-apt; exit 0; }',
    `printf '%s arch\\n' ${marker}; dpkg --print-architecture`,
    `printf '%s list\\n' ${marker}`,
    'ts_f=$(mktemp) || exit 1',
    `trap 'rm -f -- "$ts_f"' EXIT`,
    "dpkg-query -W -f='${db:Status-Status}\\t${Package}\\t${Version}\\t${Architecture}\\t${Section}\\n' | awk -F'\\t' '$1 == \"installed\"' > \"$ts_f\"",
    'cat -- "$ts_f"',
    `printf '%s header\\n' ${marker}; LC_ALL=C apt-cache policy 2>/dev/null`,
    `printf '%s policy\\n' ${marker}; cut -f2,4 -- "$ts_f" | awk -F'\\t' '{print $1 ":" $2}' | xargs -r env LC_ALL=C apt-cache policy 2>/dev/null`,
  ].join('\n');
}

function sections(stdout: string, marker: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (name !== undefined) out.set(name, lines.join('\n'));
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(`${marker} `)) {
      flush();
      name = line.slice(marker.length + 1);
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

/** Ansible's shape: name → list of installed versions; foreign-architecture packages keyed `name:arch`. */
export function aptPackages(parts: Map<string, string>): Record<string, PackageEntry[]> {
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
  const marker = `tsible-${randomBytes(8).toString('hex')}`;
  const run = await ctx.connection.run({
    script: `${factsScript(marker)}\n`,
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const stdout = run.stdout.toString('utf8');
  if (stdout.trim() === 'no-apt') return notFound();
  if (run.rc !== 0) return { changed: false, failed: true, rc: run.rc, msg: run.stderr.toString('utf8').trim() || `the target's shell exited with status ${run.rc}` };
  return { changed: false, ansible_facts: { packages: aptPackages(sections(stdout, marker)) }, ...(warnings.length > 0 ? { warnings } : {}) };
}

export const packageFactsModule: Module<typeof packageFactsSpec> = {
  name: 'package_facts',
  spec: packageFactsSpec,
  supportsCheckMode: true,
  run: runPackageFacts,
};
