import type { EventSink } from '../output/events.js';
import { Templar } from '../template/templar.js';
import type { LazyMapping } from '../template/jinja/lazy-mapping.js';
import type { AdhocHost, PreparedHost } from './adhoc.js';
import { containsTemplate } from './contains-template.js';

/** What every host of one ad-hoc run sees besides its own variables. */
export interface AdhocPlayVars {
  hosts: readonly AdhocHost[];
  groups: Readonly<Record<string, string[]>>;
  playbookDir: string;
  checkMode: boolean;
  diffMode: boolean;
  forks: number;
  verbosity: number;
}

/** `hostvars`: every host's variables, computed only when a template asks. */
function hostvarsOf(hosts: readonly AdhocHost[]): LazyMapping {
  const byName = new Map(hosts.map((h) => [h.name, h]));
  return {
    get: (name) => byName.get(name)?.vars,
    has: (name) => byName.has(name),
    keys: () => [...byName.keys()],
  };
}

/**
 * Templates a host's module arguments and its connection variables
 * (`ansible_*`: host, user, port, become...) with its variables and the
 * play's magic variables (groups, hostvars, ansible_check_mode, ...), as the
 * one-task play behind `ansible` does. Undefined variables throw a
 * TsibleError, which fails that host only.
 */
export function adhocTemplater(play: AdhocPlayVars, sink: EventSink): (host: AdhocHost, args: Readonly<Record<string, unknown>>) => PreparedHost {
  const hostvars = hostvarsOf(play.hosts);
  const playHosts = play.hosts.map((h) => h.name);
  return (host, args) => {
    const vars: Record<string, unknown> = {
      groups: play.groups,
      hostvars,
      playbook_dir: play.playbookDir,
      ansible_check_mode: play.checkMode,
      ansible_diff_mode: play.diffMode,
      ansible_forks: play.forks,
      ansible_verbosity: play.verbosity,
      ansible_play_hosts: playHosts,
      ansible_play_batch: playHosts,
      ansible_play_hosts_all: playHosts,
      ...host.vars,
    };
    const templar = new Templar({ vars, sink, searchPaths: [play.playbookDir] });
    const connectionVars: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(host.vars)) {
      if (name.startsWith('ansible_') && containsTemplate(value)) connectionVars[name] = templar.render(value);
    }
    const rendered = templar.render(args);
    return {
      host: { name: host.name, vars: { ...host.vars, ...connectionVars } },
      args: typeof rendered === 'object' && rendered !== null && !Array.isArray(rendered) ? (rendered as Record<string, unknown>) : args,
    };
  };
}
