import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readYamlFile } from '../../playbook/yaml-source.js';
import { isMapping } from '../../playbook/errors.js';
import type { ModuleResult } from '../../module-api/module.js';
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

/** include_vars: variables from a YAML/JSON file or every file of a directory, optionally under `name`. */
export const includeVarsAction: EngineAction = {
  name: 'include_vars',
  run(args, ctx): ModuleResult {
    const source = stringArg(args, 'file', '_raw_params', 'dir');
    if (source === undefined) return { failed: true, msg: 'include_vars needs a file or dir' };
    const found = findFile(source, ctx.searchDirs);
    if (found === undefined) return { failed: true, ansible_facts: {}, message: `Could not find or access '${source}'`, msg: `Could not find or access '${source}'` };
    const files = statSync(found).isDirectory() ? filesOfDir(found) : [found];
    let vars: Record<string, unknown> = {};
    for (const file of files) {
      const data = readYamlFile(file, undefined);
      if (data === null || data === undefined) continue;
      if (!isMapping(data)) return { failed: true, msg: `${file} must be stored as a dictionary/hash` };
      vars = { ...vars, ...data };
    }
    const name = stringArg(args, 'name');
    return { changed: false, ansible_facts: name === undefined ? vars : { [name]: vars }, ansible_included_var_files: files };
  },
};
