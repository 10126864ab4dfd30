import { dirname, join, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { InventoryError } from '../errors.js';
import { VarsDirectory } from './find-vars-files.js';
import { isDirectory, pathExists } from '../fs-kind.js';
import { readDataFile } from './read-data-file.js';
import type { EventSink } from '../../output/events.js';

export type VarsEntity = { kind: 'host' | 'group'; name: string };

/**
 * group_vars/ and host_vars/ files next to inventory sources and next to the
 * playbook, read the way Ansible's host_group_vars plugin reads them. File
 * lists and contents are cached: an inventory asks for the same files many
 * times.
 */
export class VarsFiles {
  constructor(private readonly sink?: EventSink) {}

  private readonly dirCache = new Map<string, VarsDirectory | undefined>();
  private readonly dataCache = new Map<string, Record<string, unknown> | null>();

  /** Directories whose group_vars/host_vars belong to the inventory. */
  static basedirsOfSources(sources: readonly string[]): string[] {
    const dirs: string[] = [];
    for (const source of sources) {
      if (source.includes(',') && !pathExists(source)) continue;
      dirs.push(isDirectory(source) ? source : dirname(source));
    }
    return dirs;
  }

  /** Variables for the entities in order, from one base directory. */
  fromPath(basedir: string, entities: readonly VarsEntity[]): Record<string, unknown> {
    let data: Record<string, unknown> = {};
    for (const entity of entities) {
      // Names like /path/to/chroot are not looked up, as in Ansible.
      if (entity.name.startsWith('/')) continue;
      for (const file of this.files(basedir, entity)) {
        const loaded = this.load(file);
        if (loaded) data = { ...data, ...loaded };
      }
    }
    return data;
  }

  fromPaths(basedirs: readonly string[], entities: readonly VarsEntity[]): Record<string, unknown> {
    let data: Record<string, unknown> = {};
    for (const dir of basedirs) data = { ...data, ...this.fromPath(dir, entities) };
    return data;
  }

  private files(basedir: string, entity: VarsEntity): string[] {
    const dir = this.directory(basedir, entity.kind === 'host' ? 'host_vars' : 'group_vars');
    return dir ? dir.filesFor(entity.name) : [];
  }

  private directory(basedir: string, subdir: string): VarsDirectory | undefined {
    const key = `${basedir}\0${subdir}`;
    if (!this.dirCache.has(key)) {
      const path = realOrSame(join(basedir, subdir));
      this.dirCache.set(key, isDirectory(path) ? new VarsDirectory(path) : undefined);
    }
    return this.dirCache.get(key);
  }

  private load(file: string): Record<string, unknown> | null {
    if (this.dataCache.has(file)) return this.dataCache.get(file) ?? null;
    const data = readDataFile(file, this.sink);
    let result: Record<string, unknown> | null = null;
    if (data !== null && data !== undefined && data !== false && data !== '' && !(typeof data === 'number' && data === 0)) {
      if (typeof data !== 'object' || Array.isArray(data)) {
        throw new InventoryError(`failed to combine variables, expected dicts but got a '${pyTypeName(data)}' and a 'dict'`, 'TSIBLE_VARS_FILE', {
          location: { file, line: 1, column: 1 },
          hint: 'a group_vars/host_vars file must hold a mapping of variable names to values',
        });
      }
      result = data as Record<string, unknown>;
    }
    this.dataCache.set(file, result);
    return result;
  }
}

function pyTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
