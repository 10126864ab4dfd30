import { toBoolean } from '../../module-api/type-conversion.js';
import type { ModuleResult } from '../../module-api/module.js';
import type { EngineAction } from './action.js';

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no']);
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** set_fact: host variables for the rest of the run; `cacheable` also makes them facts. */
export const setFactAction: EngineAction = {
  name: 'set_fact',
  run(args, ctx): ModuleResult {
    const facts: Record<string, unknown> = {};
    let cacheable = false;
    for (const [written, value] of Object.entries(args)) {
      // Ansible templates the names too: set_fact: "name_{{ item }}=x".
      const key = written.includes('{') ? String(ctx.templar.render(written, { location: ctx.task.location })) : written;
      if (key === 'cacheable') {
        cacheable = toBoolean(value);
        continue;
      }
      if (!VALID_NAME.test(key)) {
        // Ansible raises AnsibleActionFail here, whose result carries an empty exception.
        return { failed: true, changed: false, exception: 'NoneType: None\n', msg: `The variable name '${key}' is not valid. Variables must start with a letter or underscore character, and contain only letters, numbers and underscores.` };
      }
      // Without jinja2_native, Ansible turns boolean-looking strings into booleans.
      facts[key] = typeof value === 'string' && BOOLEAN_WORDS.has(value.toLowerCase()) ? toBoolean(value) : value;
    }
    if (Object.keys(facts).length === 0) return { failed: true, msg: 'No key/value pairs provided, at least one is required for this action to succeed' };
    return { changed: false, ansible_facts: facts, _ansible_facts_cacheable: cacheable };
  },
};
