import { Environment } from './jinja/environment.js';
import { registerBuiltinFilters } from './filters/index.js';
import { registerBuiltinTests } from './tests/index.js';
import { registerBuiltinGlobals } from './globals.js';

/** An environment with Ansible's filters, tests and globals. */
export function createDefaultEnvironment(): Environment {
  const env = new Environment();
  registerBuiltinFilters(env);
  registerBuiltinTests(env);
  registerBuiltinGlobals(env);
  return env;
}

let shared: Environment | undefined;

/** The process-wide default environment, so every Templar (one per host and task) shares the compile cache. */
export function sharedEnvironment(): Environment {
  shared ??= createDefaultEnvironment();
  return shared;
}
