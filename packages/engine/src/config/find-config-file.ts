import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { Emitter, type EventSink } from '../output/events.js';
import { resolveSettingPath } from './coerce.js';

export interface ConfigSearch {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  /** The system-wide file; /etc/ansible/ansible.cfg unless a test says otherwise. */
  systemFile?: string;
  sink?: EventSink;
}

function readableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function worldWritable(path: string): boolean {
  try {
    return (statSync(path).mode & 0o002) !== 0;
  } catch {
    return false;
  }
}

/** $TSIBLE_CONFIG / $ANSIBLE_CONFIG: a file, or a directory holding the cfg. */
function fromEnvironment(search: ConfigSearch): string[] {
  const out: string[] = [];
  const ctx = { baseDir: search.cwd, cwd: search.cwd, home: search.home, env: search.env };
  for (const [variable, names] of [
    ['TSIBLE_CONFIG', ['tsible.cfg', 'ansible.cfg']],
    ['ANSIBLE_CONFIG', ['ansible.cfg']],
  ] as const) {
    const raw = search.env[variable];
    if (raw === undefined) continue;
    const path = resolveSettingPath(raw, ctx);
    if (isDirectory(path)) out.push(...names.map((name) => join(path, name)));
    else out.push(path);
  }
  return out;
}

/**
 * Finds the one config file in use, as Ansible does (first found wins, files
 * are never merged): $TSIBLE_CONFIG, $ANSIBLE_CONFIG, ./tsible.cfg,
 * ./ansible.cfg (skipped in a world-writable cwd, with a warning),
 * ~/.tsible.cfg, ~/.ansible.cfg, /etc/ansible/ansible.cfg.
 */
export function findConfigFile(search: ConfigSearch): string | undefined {
  const envPaths = fromEnvironment(search);
  const cwdPaths = [join(search.cwd, 'tsible.cfg'), join(search.cwd, 'ansible.cfg')];
  const skipCwd = worldWritable(search.cwd);
  const candidates = [
    ...envPaths,
    ...(skipCwd ? [] : cwdPaths),
    join(search.home, '.tsible.cfg'),
    join(search.home, '.ansible.cfg'),
    search.systemFile ?? '/etc/ansible/ansible.cfg',
  ];
  const found = candidates.find(readableFile);
  if (skipCwd && !envPaths.includes(found ?? '') && cwdPaths.some(readableFile) && search.sink !== undefined) {
    new Emitter(search.sink).warn(
      'config.world_writable_cwd',
      `tsible is being run in a world writable directory (${search.cwd}), ignoring it as an ansible.cfg source.`,
      { cwd: search.cwd },
    );
  }
  return found;
}
