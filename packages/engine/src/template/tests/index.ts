import type { Environment, TestDef } from '../jinja/environment.js';
import { compareTests } from './compare.js';
import { typeTests } from './types.js';

const families: Array<Record<string, TestDef>> = [typeTests, compareTests];

export function registerBuiltinTests(env: Environment): void {
  for (const family of families) for (const [name, def] of Object.entries(family)) env.tests.set(name, def);
}
