import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';

const USE_CHOICES = ['alpine', 'debian', 'freebsd', 'generic', 'macos', 'macosx', 'darwin', 'openbsd', 'openrc', 'redhat', 'sles', 'solaris', 'systemd'] as const;

/** Ansible 2.14's hostname module options. */
export const hostnameSpec = {
  options: {
    name: { type: 'str', required: true },
    use: { type: 'str', choices: USE_CHOICES },
  },
} as const satisfies ArgumentSpec;

export type HostnameParams = ParamsOf<typeof hostnameSpec>;

/**
 * How the name is read and written on Linux targets, by Ansible's strategy:
 * systemd through hostnamectl; the file ones write the name file, and only
 * alpine also sets the running name (Debian's strategy leaves it to boot).
 */
interface Strategy {
  /** sh printing the running name. */
  current: string;
  /** sh printing the permanent name. */
  permanent: string;
  /** sh setting each; ts_n holds the name. */
  setCurrent: string;
  setPermanent: string;
  permanentFirst: boolean;
}

const fileStrategy = (file: string, setCurrent = ':', current?: string): Strategy => {
  const read = `{ [ -f ${file} ] && sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' ${file} | tr -d '\\n'; true; }`;
  return { permanent: read, current: current ?? read, setCurrent, setPermanent: `printf '%s\\n' "$ts_n" > ${file}`, permanentFirst: setCurrent !== ':' };
};

const STRATEGIES: Readonly<Record<string, Strategy>> = {
  systemd: {
    current: 'hostnamectl --transient status',
    permanent: 'hostnamectl --static status',
    setCurrent: 'hostnamectl --transient set-hostname "$ts_n"',
    setPermanent: 'hostnamectl --pretty --static set-hostname "$ts_n"',
    permanentFirst: true,
  },
  file: fileStrategy('/etc/hostname'),
  alpine: fileStrategy('/etc/hostname', 'hostname -F /etc/hostname', 'hostname'),
  sles: fileStrategy('/etc/HOSTNAME'),
  openrc: {
    current: `sed -n 's/^hostname="\\(.*\\)"$/\\1/p' /etc/conf.d/hostname`,
    permanent: `sed -n 's/^hostname="\\(.*\\)"$/\\1/p' /etc/conf.d/hostname`,
    setCurrent: ':',
    setPermanent: `sed -i "s/^hostname=.*/hostname=\\"$ts_n\\"/" /etc/conf.d/hostname`,
    permanentFirst: false,
  },
};

/** `use` to strategy; without it, systemd when it runs, else the name file (Debian and most Linux). */
function strategyName(use: string | null): string | undefined {
  if (use === null) return undefined;
  if (use === 'systemd' || use === 'debian') return 'systemd';
  if (use === 'alpine' || use === 'sles' || use === 'openrc') return use;
  return 'unsupported';
}

function probeScript(chosen: string | undefined): string {
  const report = (name: string): string => {
    const s = STRATEGIES[name];
    if (s === undefined) return ':';
    return `printf '@s\\t%s\\n' ${name}; printf '@cur\\t%s\\n' "$(${s.current})"; printf '@perm\\t%s\\n' "$(${s.permanent})"`;
  };
  if (chosen !== undefined) return report(chosen);
  return `if [ -d /run/systemd/system ] && command -v hostnamectl >/dev/null 2>&1; then ${report('systemd')}; else ${report('file')}; fi`;
}

async function runHostname(ctx: ModuleContext, params: HostnameParams): Promise<ModuleResult> {
  const chosen = strategyName(params.use);
  if (chosen === 'unsupported') return failed(`hostname module cannot be used with use=${params.use ?? ''} on a Linux target`);
  const probe = await runFileScript(ctx, probeScript(chosen));
  if (probe.failure !== undefined) return failed(probe.failure);
  const strategy = STRATEGIES[firstRecord(probe, '@s')?.[0] ?? ''];
  if (strategy === undefined) return failed('could not read the hostname');
  const current = (firstRecord(probe, '@cur') ?? []).join('\t').trim();
  const permanent = (firstRecord(probe, '@perm') ?? []).join('\t').trim();
  const name = params.name;
  if (strategy === STRATEGIES['systemd'] && name.length > 64) return failed('name cannot be longer than 64 characters on systemd servers, try a shorter name');

  const steps: string[] = [];
  const setPermanent = permanent !== name ? [strategy.setPermanent] : [];
  const setCurrent = current !== name ? [strategy.setCurrent] : [];
  steps.push(...(strategy.permanentFirst ? [...setPermanent, ...setCurrent] : [...setCurrent, ...setPermanent]));
  const changed = steps.length > 0;
  let fqdn = name;
  if (changed && !ctx.checkMode) {
    const run = await runFileScript(ctx, [`ts_n=${shellQuote(name)}`, ...steps.map((s) => `ts_e=$( { ${s}; } 2>&1) || ts_fail "failed to update hostname: $ts_e"`), `printf '@fq\\t%s\\n' "$(hostname -f 2>/dev/null)"`].join('\n'));
    if (run.failure !== undefined) return failed(run.failure);
    fqdn = firstRecord(run, '@fq')?.[0] || name;
  }
  const before = name !== current ? current : permanent;
  return {
    changed,
    name,
    ansible_facts: { ansible_hostname: name.split('.')[0] ?? name, ansible_nodename: name, ansible_fqdn: fqdn, ansible_domain: fqdn.split('.').slice(1).join('.') },
    ...(changed ? { diff: { before: `hostname = ${before}\n`, after: `hostname = ${name}\n` } } : {}),
  };
}

export const hostnameModule: Module<typeof hostnameSpec> = {
  name: 'hostname',
  spec: hostnameSpec,
  supportsCheckMode: true,
  run: runHostname,
};
