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
