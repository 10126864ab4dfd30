import type { ArgumentSpec, Module, ModuleResult, ParamsOf } from '@tsible/engine';
import { FACT_SCRIPT } from './setup-script.js';
import { parseFacts, splitSections } from './setup-facts.js';
import { localFactsScript, parseLocalFacts } from './setup-local-facts.js';

export const setupSpec = {
  options: {
    gather_subset: { type: 'list', elements: 'str', default: ['all'] },
    gather_timeout: { type: 'int', default: 10 },
    filter: { type: 'list', elements: 'str', default: [] },
    fact_path: { type: 'path', default: '/etc/ansible/facts.d' },
  },
} as const satisfies ArgumentSpec;

export type SetupParams = ParamsOf<typeof setupSpec>;

/** Facts every subset includes (Ansible's `min`). */
const MINIMAL = new Set([
  'distribution', 'distribution_version', 'distribution_major_version', 'distribution_minor_version', 'distribution_release', 'os_family',
  'system', 'kernel', 'kernel_version', 'machine', 'architecture', 'nodename', 'hostname', 'fqdn', 'domain', 'service_mgr', 'pkg_mgr',
  'user_id', 'user_uid', 'user_gid', 'user_dir', 'user_shell', 'env', 'date_time', 'local',
]);

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * Gathers facts with one POSIX sh script (no Python on the host): OS and
 * distribution, kernel, hostname, network, memory, CPUs, mounts, date/time,
 * service and package managers, user, environment, virtualization.
 */
export const setupModule: Module<typeof setupSpec> = {
  name: 'setup',
  spec: setupSpec,
  supportsCheckMode: true,
  async run(ctx, params: SetupParams): Promise<ModuleResult> {
    const run = await ctx.connection.run({
      script: `${FACT_SCRIPT}${localFactsScript(params.fact_path ?? '/etc/ansible/facts.d')}s end\n`,
      timeoutMs: (params.gather_timeout ?? 10) * 1000,
      ...(ctx.become === undefined ? {} : { become: ctx.become }),
    });
    const output = run.stdout.toString('utf8');
    if (!output.includes('@@end')) {
      return { failed: true, changed: false, msg: `fact gathering did not finish (rc=${run.rc})`, stderr: run.stderr.toString('utf8') };
    }
    const subsets = params.gather_subset ?? ['all'];
    const minimalOnly = subsets.every((s) => s === 'min' || s === '!all' || s.startsWith('!'));
    const sections = splitSections(output);
    const local = parseLocalFacts(sections.get('local') ?? []);
    const all = { ...parseFacts(output), ...(local.local !== undefined ? { local: local.local } : {}) };
    const filters = (params.filter ?? []).map(globToRegExp);
    const facts: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(all)) {
      if (minimalOnly && !MINIMAL.has(name)) continue;
      const key = `ansible_${name}`;
      if (filters.length > 0 && !filters.some((f) => f.test(key))) continue;
      facts[key] = value;
    }
    facts['gather_subset'] = subsets;
    facts['module_setup'] = true;
    return { changed: false, ansible_facts: facts, ...(local.warnings.length > 0 ? { warnings: local.warnings } : {}) };
  },
};
