import { Emitter, type EventSink } from '../../output/events.js';
import type { RoleInstance } from '../model.js';
import type { LoadTimeVars } from '../load-time-templates.js';

export interface PlaybookLoadOptions {
  /** Action names tsible provides; anything else is an unknown action. */
  knownActions: ReadonlySet<string>;
  /** Where roles are searched after `roles/` beside the playbook: the DEFAULT_ROLES_PATH setting. */
  rolesPath: readonly string[];
  /** `-e` variables, used to resolve simple templates in hosts, names and import paths. */
  extraVars?: Record<string, unknown>;
  sink?: EventSink;
  /** Relative playbook paths are resolved against this directory (default: the process's). */
  cwd?: string;
}

/** Everything the loader needs to know about where it is while reading one list of tasks. */
export interface LoadScope {
  knownActions: ReadonlySet<string>;
  rolesPath: readonly string[];
  sink: EventSink;
  events: Emitter;
  /** The directory of the playbook the play is written in. */
  basedir: string;
  /** Extra vars over play vars: what simple templates may use. */
  vars: LoadTimeVars;
  /** The file whose content is being read. */
  file: string;
  role: RoleInstance | undefined;
  isHandler: boolean;
  /** Files and roles being loaded, outermost first, to stop import cycles. */
  stack: readonly string[];
}

export function rootScope(options: PlaybookLoadOptions, basedir: string, file: string): LoadScope {
  const sink = options.sink ?? { emit: () => undefined };
  return {
    knownActions: options.knownActions,
    rolesPath: options.rolesPath,
    sink,
    events: new Emitter(sink),
    basedir,
    vars: { ...(options.extraVars ?? {}) },
    file,
    role: undefined,
    isHandler: false,
    stack: [file],
  };
}
