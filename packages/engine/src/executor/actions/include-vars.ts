import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TsibleError } from '../../errors/tsible-error.js';
import { parseJsonOrYaml } from '../../loader/yaml.js';
import { isMapping } from '../../playbook/errors.js';
import type { ModuleResult } from '../../module-api/module.js';
import { isVaultEnvelope } from '../../vault/index.js';
import type { VaultValues } from '../../vars/vault-values.js';
import { stringArg, type EngineAction } from './action.js';

const VARS_EXTENSIONS = ['.yml', '.yaml', '.json'];

function findFile(name: string, dirs: readonly string[]): string | undefined {
  if (path.isAbsolute(name)) return name;
  for (const dir of dirs) {
    for (const candidate of [path.join(dir, 'vars', name), path.join(dir, name)]) {
      try {
        if (statSync(candidate).isFile() || statSync(candidate).isDirectory()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function filesOfDir(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesOfDir(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .filter((file) => VARS_EXTENSIONS.includes(path.extname(file)))
    .sort();
}

/** A vars file's data; a file vaulted as a whole is decrypted (and its values become secrets). */
async function readVarsFile(file: string, vault: VaultValues): Promise<{ data: unknown; vaulted: boolean }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new TsibleError(`Unable to retrieve file contents\nCould not find or access '${file}' on the Ansible Controller.`, { code: 'TSIBLE_FILE_NOT_FOUND', cause });
  }
  const vaulted = isVaultEnvelope(bytes);
  const data = parseJsonOrYaml(vaulted ? await vault.readFile(file) : bytes.toString('utf8'), file);
  return { data, vaulted };
}

/**
 * include_vars: variables from a YAML/JSON file or every file of a directory,
 * optionally under `name`. As in Ansible, the result of a file vaulted as a
 * whole is hidden like no_log, and inline `!vault` values are opened when
 * used (a wrong password fails the task that uses them).
 */
export const includeVarsAction: EngineAction = {
  name: 'include_vars',
  async run(args, ctx): Promise<ModuleResult> {
    const source = stringArg(args, 'file', '_raw_params', 'dir');
    if (source === undefined) return { failed: true, msg: 'include_vars needs a file or dir' };
    const found = findFile(source, ctx.searchDirs);
    if (found === undefined) return { failed: true, ansible_facts: {}, message: `Could not find or access '${source}'`, msg: `Could not find or access '${source}'` };
    const files = statSync(found).isDirectory() ? filesOfDir(found) : [found];
    let vars: Record<string, unknown> = {};
    let anyVaulted = false;
    for (const file of files) {
      let read: { data: unknown; vaulted: boolean };
      try {
        read = await readVarsFile(file, ctx.vaultValues);
      } catch (err) {
        if (!(err instanceof TsibleError)) throw err;
        return { failed: true, changed: false, ansible_facts: {}, ansible_included_var_files: [], message: err.message };
      }
      anyVaulted ||= read.vaulted;
      if (read.data === null || read.data === undefined) continue;
      if (!isMapping(read.data)) return { failed: true, msg: `${file} must be stored as a dictionary/hash` };
      vars = { ...vars, ...read.data };
    }
    // Inline values that do not open stay encrypted and fail where they are used.
    await ctx.vaultValues.decryptWhenUsed(vars);
    const name = stringArg(args, 'name');
    const result: ModuleResult = { changed: false, ansible_facts: name === undefined ? vars : { [name]: vars }, ansible_included_var_files: files };
    if (anyVaulted) result['_ansible_no_log'] = true;
    return result;
  },
};
