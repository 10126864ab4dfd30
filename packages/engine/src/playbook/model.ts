import type { SourceLocation } from '../errors/source-location.js';

/**
 * The typed playbook model. Keyword values stay raw (strings may hold Jinja2
 * templates that are rendered at run time); only their shape is checked.
 * Every node keeps its source location and its parent, so the runner can
 * resolve inherited keywords (tags, when, become, ...) through the chain:
 * task → block → import scope → ... → role → dependent roles → play.
 */

/** Keyword values as written, keyed by keyword name (`when`, `become`, `loop`...). */
export type Keywords = Record<string, unknown>;

export interface Located {
  location: SourceLocation;
}

export interface Playbook {
  file: string;
  /** Directory relative paths in the playbook are resolved against. */
  basedir: string;
  plays: Play[];
}

/** What an `import_playbook` entry adds to every play it brings in. */
export interface PlaybookImport extends Located {
  file: string;
  keywords: Keywords;
  parent?: PlaybookImport;
}

export interface Play extends Located {
  kind: 'play';
  name: string | undefined;
  /** Host patterns; each entry may still be a template. */
  hosts: string[];
  hostsLocation: SourceLocation;
  /** Every play keyword other than the structural ones below, as written. */
  keywords: Keywords;
  vars: Record<string, unknown>;
  varsFiles: unknown[];
  varsPrompt: VarsPrompt[];
  roles: RoleInstance[];
  preTasks: Block[];
  tasks: Block[];
  postTasks: Block[];
  handlers: Block[];
  /** Own tags plus those of the import_playbook entries that brought the play in. */
  tags: string[];
  /** The playbook file the play is written in and its directory. */
  file: string;
  basedir: string;
  importedBy?: PlaybookImport;
}

export interface VarsPrompt extends Located {
  name: string;
  options: Keywords;
}

/** Where a block sits: nested in a block, brought in by an import, or at the top of a list. */
export type BlockParent = Block | ImportScope;

export interface Block extends Located {
  kind: 'block';
  name: string | undefined;
  /** False for the blocks Ansible wraps around plain task lists. */
  explicit: boolean;
  block: TaskListEntry[];
  rescue: TaskListEntry[];
  always: TaskListEntry[];
  keywords: Keywords;
  tags: string[];
  parent: BlockParent | undefined;
  role: RoleInstance | undefined;
}

export type TaskListEntry = Block | Task;

/**
 * An `import_tasks` / `import_role` statement after static resolution: its
 * keywords (tags, when, vars, become...) apply to everything it brought in.
 */
export interface ImportScope extends Located {
  kind: 'import';
  action: string;
  /** The resolved file or role directory. */
  target: string;
  keywords: Keywords;
  tags: string[];
  parent: BlockParent | undefined;
  role: RoleInstance | undefined;
  /** import_role: the role it brought in (its handlers join the play's). */
  importedRole?: RoleInstance;
}

export type TaskKind = 'task' | 'handler';

export interface Loop {
  /** `loop` or the lookup of `with_<lookup>`. */
  keyword: string;
  items: unknown;
}

/**
 * A task or handler. `include_tasks` and `include_role` stay tasks whose
 * `include` describes the dynamic target; the runner loads it at run time.
 */
export interface Task extends Located {
  kind: TaskKind;
  name: string | undefined;
  /** The action as written (`ansible.builtin.copy`). */
  action: string;
  /** tsible's name for the action (`copy`). */
  resolvedAction: string;
  args: Record<string, unknown>;
  /** Task keywords other than name/action/args/tags/loop, as written. */
  keywords: Keywords;
  tags: string[];
  loop: Loop | undefined;
  delegateTo: unknown;
  /** Handler names/topics this handler answers to (handlers only). */
  listen: string[];
  include: DynamicInclude | undefined;
  parent: Block;
  role: RoleInstance | undefined;
}

export interface DynamicInclude {
  kind: 'include_tasks' | 'include_role';
  /** include_tasks: the file as written; include_role: the role name. */
  target: unknown;
  /** Absolute path when the target is a literal that was found at load time. */
  resolvedPath: string | undefined;
  options: Record<string, unknown>;
}

export interface RoleInstance extends Located {
  name: string;
  path: string;
  /** Keys of the `roles:` entry that are not keywords: role parameters. */
  params: Record<string, unknown>;
  /** Keywords of the `roles:` entry or of the importing statement (when, tags, become...). */
  keywords: Keywords;
  tags: string[];
  defaults: Record<string, unknown>;
  vars: Record<string, unknown>;
  tasks: Block[];
  handlers: Block[];
  dependencies: RoleInstance[];
  allowDuplicates: boolean;
  /** The role that listed this one in its meta dependencies. */
  dependentOf: RoleInstance | undefined;
  /** The import_role statement that brought the role in (its keywords apply to the role's tasks). */
  importedBy: ImportScope | undefined;
  /** True for roles named by include_role: loaded for validation, run at run time. */
  fromInclude: boolean;
}
