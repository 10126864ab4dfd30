import type { Environment, TestDef } from '../jinja/environment.js';
import { compareTests } from './compare.js';
import { fileTests } from './files.js';
import { regexTests } from './regex.js';
import { resultTests } from './results.js';
import { typeTests } from './types.js';
import { versionTests } from './version.js';

const families: Array<Record<string, TestDef>> = [typeTests, compareTests, regexTests, resultTests, versionTests, fileTests];

export function registerBuiltinTests(env: Environment): void {
  for (const family of families) for (const [name, def] of Object.entries(family)) env.tests.set(name, def);
}
