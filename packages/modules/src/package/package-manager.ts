import type { ModuleContext } from '@tsible/engine';

/** Package managers as Ansible's ansible_pkg_mgr names them, with the program that reveals each. */
const MANAGERS: ReadonlyArray<readonly [name: string, program: string]> = [
  ['apt', 'apt-get'],
  ['dnf', 'dnf'],
  ['yum', 'yum'],
  ['zypper', 'zypper'],
  ['apk', 'apk'],
  ['pacman', 'pacman'],
  ['pkgng', 'pkg'],
];

function fromFacts(hostVars: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (hostVars === undefined) return undefined;
  const direct = hostVars['ansible_pkg_mgr'];
  if (typeof direct === 'string' && direct !== '' && direct !== 'unknown') return direct;
  const facts = hostVars['ansible_facts'];
  if (typeof facts === 'object' && facts !== null && !Array.isArray(facts)) {
    const pkgMgr = (facts as Record<string, unknown>)['pkg_mgr'];
    if (typeof pkgMgr === 'string' && pkgMgr !== '' && pkgMgr !== 'unknown') return pkgMgr;
  }
  return undefined;
}

/**
 * The target's package manager: the gathered fact when there is one,
 * otherwise the first known program found on the target (one exec).
 */
export async function detectPackageManager(ctx: ModuleContext): Promise<string | undefined> {
  const known = fromFacts(ctx.hostVars);
  if (known !== undefined) return known;
  const probes = MANAGERS.map(([name, program]) => `command -v ${program} >/dev/null 2>&1 && { echo ${name}; exit 0; }`);
  const run = await ctx.connection.run({
    script: `${probes.join('\n')}\necho unknown\n`,
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const found = run.stdout.toString('utf8').trim();
  return found === '' || found === 'unknown' ? undefined : found;
}
