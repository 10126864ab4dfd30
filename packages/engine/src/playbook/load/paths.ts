import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { LoadScope } from './scope.js';

/**
 * Where an imported/included task file is looked for, as Ansible does: beside
 * the file that names it first, then in the role's tasks/ (or handlers/)
 * directory, or the playbook's directory outside roles.
 */
export function taskFileCandidates(target: string, scope: LoadScope): string[] {
  if (isAbsolute(target)) return [target];
  const subdir = scope.isHandler ? 'handlers' : 'tasks';
  const fallback = scope.role ? join(scope.role.path, subdir) : scope.basedir;
  const candidates = [resolve(dirname(scope.file), target), resolve(fallback, target)];
  if (scope.role) candidates.push(resolve(scope.role.path, target));
  return [...new Set(candidates)];
}

export function findTaskFile(target: string, scope: LoadScope): string | undefined {
  return taskFileCandidates(target, scope).find(isFile);
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `main` → the first of main.yml, main.yaml, main.json, main that exists in `dir`. */
export function findYamlFile(dir: string, base: string): string | undefined {
  for (const ext of ['.yml', '.yaml', '.json', '']) {
    const path = join(dir, `${base}${ext}`);
    if (existsSync(path) && isFile(path)) return path;
  }
  return undefined;
}
