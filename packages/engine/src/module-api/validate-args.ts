import type { ArgumentSpec, OptionSpec, ParamsOf } from './argument-spec.js';
import { ConversionError, convertValue } from './type-conversion.js';
import { pythonClass } from './python-types.js';
import { pythonStr } from '../template/python/repr.js';

export type ValidationOutcome<S extends ArgumentSpec> =
  | { ok: true; params: ParamsOf<S>; warnings: string[]; noLogValues: string[] }
  | { ok: false; errors: string[]; msg: string; warnings: string[]; noLogValues: string[] };

type Params = Record<string, unknown>;

const present = (params: Params, key: string): boolean => Object.prototype.hasOwnProperty.call(params, key);
const countPresent = (params: Params, keys: readonly string[]): number => keys.filter((k) => present(params, k)).length;

/** Copies alias values onto their option names; warns when both are set. */
function resolveAliases(spec: ArgumentSpec, params: Params, warnings: string[]): Map<string, string> {
  const aliasOf = new Map<string, string>();
  for (const [name, option] of Object.entries(spec.options)) {
    for (const alias of option.aliases ?? []) {
      aliasOf.set(alias, name);
      if (!present(params, alias)) continue;
      if (present(params, name)) warnings.push(`Both option ${name} and its alias ${alias} are set.`);
      params[name] = params[alias];
    }
  }
  return aliasOf;
}

function unsupportedError(moduleName: string, spec: ArgumentSpec, params: Params, aliasOf: Map<string, string>): string | undefined {
  const unsupported = Object.keys(params)
    .filter((k) => !present(spec.options, k) && !aliasOf.has(k) && !k.startsWith('_ansible_'))
    .sort();
  if (unsupported.length === 0) return undefined;
  const names = Object.keys(spec.options).sort().join(', ');
  const aliases = [...aliasOf.keys()].sort();
  const supported = aliases.length > 0 ? `${names} (${aliases.join(', ')})` : names;
  return `Unsupported parameters for (${moduleName}) module: ${unsupported.join(', ')}. Supported parameters include: ${supported}.`;
}

function mutuallyExclusiveError(spec: ArgumentSpec, params: Params): string | undefined {
  const offending = (spec.mutually_exclusive ?? []).filter((group) => countPresent(params, group) > 1);
  return offending.length > 0 ? `parameters are mutually exclusive: ${offending.map((g) => g.join('|')).join(', ')}` : undefined;
}

function requiredError(spec: ArgumentSpec, params: Params): string | undefined {
  const missing = Object.entries(spec.options)
    .filter(([name, option]) => option.required === true && !present(params, name))
    .map(([name]) => name)
    .sort();
  return missing.length > 0 ? `missing required arguments: ${missing.join(', ')}` : undefined;
}

function setDefaults(spec: ArgumentSpec, params: Params, includeNull: boolean): void {
  for (const [name, option] of Object.entries(spec.options)) {
    if (present(params, name)) continue;
    if (option.default !== undefined && option.default !== null) params[name] = option.default;
    else if (includeNull) params[name] = null;
  }
}

function convertOption(name: string, option: OptionSpec, params: Params, errors: string[]): void {
  const value = params[name];
  if (value === null || value === undefined) return;
  const type = option.type ?? 'str';
  try {
    params[name] = convertValue(type, value);
  } catch (err) {
    if (!(err instanceof ConversionError)) throw err;
    errors.push(`argument '${name}' is of type ${pythonClass(value)} and we were unable to convert to ${type}: ${err.message}`);
    return;
  }
  if (option.elements === undefined) return;
  const list = params[name];
  if (type !== 'list' || !Array.isArray(list)) {
    errors.push(`Invalid type ${type} for option '${pythonStr(list)}', elements value check is supported only with 'list' type`);
    return;
  }
  const elementType = option.elements;
  params[name] = list.map((element: unknown) => {
    try {
      return convertValue(elementType, element);
    } catch (err) {
      if (!(err instanceof ConversionError)) throw err;
      errors.push(`Elements value for option '${name}' is of type ${pythonClass(element)} and we were unable to convert to ${elementType}: ${err.message}`);
      return element;
    }
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'boolean' && typeof b === 'number' && Number(a) === b) || (typeof b === 'boolean' && typeof a === 'number' && Number(b) === a);
}

function choicesError(name: string, option: OptionSpec, params: Params): string | undefined {
  const choices = option.choices;
  const value = params[name];
  if (choices === undefined || value === null || value === undefined) return undefined;
  const choicesText = choices.map(pythonStr).join(', ');
  if (Array.isArray(value)) {
    const unmatched = value.filter((v: unknown) => !choices.some((c) => sameValue(c, v)));
    return unmatched.length > 0 ? `value of ${name} must be one or more of: ${choicesText}. Got no match for: ${unmatched.map(pythonStr).join(', ')}` : undefined;
  }
  return choices.some((c) => sameValue(c, value)) ? undefined : `value of ${name} must be one of: ${choicesText}, got: ${pythonStr(value)}`;
}

function requiredTogetherError(spec: ArgumentSpec, params: Params): string | undefined {
  for (const group of spec.required_together ?? []) {
    const count = countPresent(params, group);
    if (count > 0 && count < group.length) return `parameters are required together: ${group.join(', ')}`;
  }
  return undefined;
}

function requiredOneOfError(spec: ArgumentSpec, params: Params): string | undefined {
  for (const group of spec.required_one_of ?? []) {
    if (countPresent(params, group) === 0) return `one of the following is required: ${group.join(', ')}`;
  }
  return undefined;
}

function requiredIfError(spec: ArgumentSpec, params: Params): string | undefined {
  for (const [key, expected, requirements, anyOf] of spec.required_if ?? []) {
    if (!present(params, key) || !sameValue(params[key], expected)) continue;
    const missing = requirements.filter((r) => !present(params, r));
    const threshold = anyOf === true ? requirements.length : 0;
    if (missing.length > 0 && missing.length >= threshold) {
      return `${key} is ${pythonStr(expected)} but ${anyOf === true ? 'any' : 'all'} of the following are missing: ${missing.join(', ')}`;
    }
  }
  return undefined;
}

function requiredByError(spec: ArgumentSpec, params: Params): string | undefined {
  for (const [key, required] of Object.entries(spec.required_by ?? {})) {
    if (params[key] === null || params[key] === undefined) continue;
    const missing = required.filter((r) => params[r] === null || params[r] === undefined);
    if (missing.length > 0) return `missing parameter(s) required by '${key}': ${missing.join(', ')}`;
  }
  return undefined;
}

function collectNoLogValues(spec: ArgumentSpec, params: Params): string[] {
  const values: string[] = [];
  for (const [name, option] of Object.entries(spec.options)) {
    const value = params[name];
    if (option.no_log !== true || value === null || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value.map(pythonStr));
    else values.push(pythonStr(value));
  }
  return values.filter((v) => v !== '');
}

/**
 * Validates raw module arguments against a spec the way Ansible's
 * ArgumentSpecValidator does, in the same order and with the same wording,
 * but reports every error at once instead of only the first.
 */
export function validateArgs<S extends ArgumentSpec>(moduleName: string, spec: S, raw: Readonly<Record<string, unknown>>): ValidationOutcome<S> {
  const params: Params = { ...raw };
  const errors: string[] = [];
  const warnings: string[] = [];
  const aliasOf = resolveAliases(spec, params, warnings);
  const unsupported = unsupportedError(moduleName, spec, params, aliasOf);
  const push = (message: string | undefined): void => {
    if (message !== undefined) errors.push(message);
  };

  push(mutuallyExclusiveError(spec, params));
  setDefaults(spec, params, false);
  push(requiredError(spec, params));
  for (const [name, option] of Object.entries(spec.options)) convertOption(name, option, params, errors);
  for (const [name, option] of Object.entries(spec.options)) push(choicesError(name, option, params));
  push(requiredTogetherError(spec, params));
  push(requiredOneOfError(spec, params));
  push(requiredIfError(spec, params));
  push(requiredByError(spec, params));
  setDefaults(spec, params, true);
  push(unsupported);

  const noLogValues = collectNoLogValues(spec, params);
  if (errors.length > 0) return { ok: false, errors, msg: errors.join('; '), warnings, noLogValues };

  const validated: Params = {};
  for (const name of Object.keys(spec.options)) validated[name] = params[name];
  return { ok: true, params: validated as ParamsOf<S>, warnings, noLogValues };
}
