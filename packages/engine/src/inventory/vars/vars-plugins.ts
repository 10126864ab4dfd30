import { dirname, join, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { InventoryError } from '../errors.js';
import { VarsDirectory } from './find-vars-files.js';
import { isDirectory, pathExists } from '../fs-kind.js';
import { readDataFile, readDataFileSync } from './read-data-file.js';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import { VaultErrorCode, type Vault } from '../../vault/index.js';
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

  /**
   * Reads (and decrypts) every vars file the entities can use under the
   * base directories, so later lookups need no I/O and vaulted files work.
   */
  async preload(basedirs: readonly string[], entities: readonly VarsEntity[], vault: Vault): Promise<void> {
    for (const dir of basedirs) {
      for (const entity of entities) {
        if (entity.name.startsWith('/')) continue;
        for (const file of this.files(dir, entity)) {
          if (this.dataCache.has(file)) continue;
          const read = await readDataFile(file, vault, this.sink);
          if (!read.vaulted) this.dataCache.set(file, checkedVars(read.data, file));
        }
      }
    }
  }

  private load(file: string): Record<string, unknown> | null {
    if (this.dataCache.has(file)) return this.dataCache.get(file) ?? null;
    const read = readDataFileSync(file, this.sink);
    if (read.vaulted) {
      throw new TsibleError(`Attempting to decrypt but no vault secrets found on ${file}`, {
        code: VaultErrorCode.noSecrets,
        // Ansible reports it as a parser error of the vars file (exit 4).
        exitCode: ExitCode.parserError,
        location: { file, line: 1, column: 1 },
        hint: 'give a vault password with --vault-id, --vault-password-file or --ask-vault-pass',
      });
    }
    const result = checkedVars(read.data, file);
    this.dataCache.set(file, result);
    return result;
  }
}

/** Empty files count as no variables; anything but a mapping is an error, as in Ansible. */
function checkedVars(data: unknown, file: string): Record<string, unknown> | null {
  if (data === null || data === undefined || data === false || data === '' || data === 0) return null;
  if (Array.isArray(data) && data.length === 0) return null;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InventoryError(`failed to combine variables, expected dicts but got a '${pyTypeName(data)}' and a 'dict'`, 'TSIBLE_VARS_FILE', {
      location: { file, line: 1, column: 1 },
      hint: 'a group_vars/host_vars file must hold a mapping of variable names to values',
    });
  }
  return data as Record<string, unknown>;
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
