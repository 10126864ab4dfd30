import { OMIT_TOKEN } from '../template/omit.js';

/** What the run knows that plays may read as variables (Ansible's magic variables). */
export interface RunFacts {
  playbookDir: string;
  inventorySources: readonly string[];
  checkMode: boolean;
  diffMode: boolean;
  runTags: readonly string[];
  skipTags: readonly string[];
  verbosity: number;
  forks: number;
  version: { full: string; major: number; minor: number; revision: number; string: string };
}

export interface PlayFacts {
  name: string;
  hosts: readonly string[];
  /** Hosts of the play that have not failed (ansible_play_hosts); play_hosts is the batch, as in Ansible. */
  activeHosts: readonly string[];
  batch: readonly string[];
  roleNames: readonly string[];
}

/** Magic variables common to every host of a play. */
export function playMagicVars(run: RunFacts, play: PlayFacts): Record<string, unknown> {
  return {
    playbook_dir: run.playbookDir,
    ansible_play_name: play.name,
    ansible_play_hosts_all: [...play.hosts],
    ansible_play_hosts: [...play.activeHosts],
    play_hosts: [...play.batch],
    ansible_play_batch: [...play.batch],
    ansible_play_role_names: [...play.roleNames],
    ansible_role_names: [...play.roleNames],
    ansible_check_mode: run.checkMode,
    ansible_diff_mode: run.diffMode,
    ansible_run_tags: run.runTags.length === 0 ? ['all'] : [...run.runTags],
    ansible_skip_tags: [...run.skipTags],
    ansible_verbosity: run.verbosity,
    ansible_forks: run.forks,
    ansible_inventory_sources: [...run.inventorySources],
    ansible_version: { ...run.version },
    omit: OMIT_TOKEN,
  };
}

/** Variables of the role a task belongs to. */
export function roleMagicVars(role: { name: string; path: string } | undefined): Record<string, unknown> {
  if (!role) return {};
  return { role_name: role.name, role_path: role.path, ansible_role_name: role.name };
}
