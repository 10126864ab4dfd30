import { TsibleError, ExitCode } from '../errors/tsible-error.js';
import type { Module } from '../module-api/module.js';
import { parseKv } from '../playbook/args/parse-kv.js';
import { RAW_PARAM_ACTIONS } from '../playbook/args/action-names.js';
import { isRecord } from '../values/is-record.js';


/** A `{...}` argument string that is valid JSON becomes the arguments as is. */
function parseJsonArgs(text: string): Record<string, unknown> | undefined {
  if (!(text.startsWith('{') && text.endsWith('}'))) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.trim());
    return isRecord(parsed) && Object.keys(parsed).length > 0 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns an ad-hoc `-a` string into module arguments the way `ansible` does:
 * a JSON object, or `key=value` words with free-form text kept as
 * `_raw_params` for modules that take it.
 */
export function parseModuleArgs(text: string, module: Module): Record<string, unknown> {
  const args: Record<string, unknown> = parseJsonArgs(text) ?? parseKv(text, module.freeForm === true);
  if (module.freeForm === true && 'cmd' in args) {
    if (typeof args['_raw_params'] === 'string' && args['_raw_params'] !== '') {
      throw new TsibleError("The 'cmd' argument cannot be used when other raw parameters are specified. Please put everything in one or the other place.", {
        code: 'TSIBLE_ARGS_CMD_AND_RAW',
        exitCode: ExitCode.parserError,
      });
    }
    args['_raw_params'] = args['cmd'];
    delete args['cmd'];
  }
  if (module.freeForm !== true && '_raw_params' in args) {
    throw new TsibleError(`this task '${module.name}' has extra params, which is only allowed in the following modules: ${[...RAW_PARAM_ACTIONS].sort().join(', ')}`, {
      code: 'TSIBLE_ARGS_EXTRA_PARAMS',
      exitCode: ExitCode.parserError,
      hint: 'Give the arguments as key=value pairs.',
    });
  }
  return args;
}
