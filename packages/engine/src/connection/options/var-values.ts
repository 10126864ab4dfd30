import { TsibleError, ExitCode } from '../../errors/tsible-error.js';

/** Reads host variables whose values arrive as YAML scalars of any type. */
export type HostVars = Readonly<Record<string, unknown>>;

/** First defined, non-empty variable among `names`, as a string. */
export function stringVar(vars: HostVars, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = vars[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new TsibleError(`${name} must be a string, got ${Array.isArray(value) ? 'a list' : typeof value}`, {
      code: 'TSIBLE_CONNECTION_VAR',
      exitCode: ExitCode.error,
    });
  }
  return undefined;
}

/** Ansible's boolean spellings (yes/no, true/false, on/off, 1/0). */
export function parseBoolean(text: string | boolean | undefined, what: string): boolean | undefined {
  if (text === undefined || typeof text === 'boolean') return text;
  const lower = text.trim().toLowerCase();
  if (['yes', 'y', 'true', 't', 'on', '1'].includes(lower)) return true;
  if (['no', 'n', 'false', 'f', 'off', '0'].includes(lower)) return false;
  throw new TsibleError(`${what}: "${text}" is not a boolean (use true/false)`, { code: 'TSIBLE_CONNECTION_VAR' });
}

export function parseNonNegativeInt(text: string | number | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const value = typeof text === 'number' ? text : Number(text.trim());
  if (!Number.isInteger(value) || value < 0) {
    throw new TsibleError(`${what}: "${text}" is not a whole number`, { code: 'TSIBLE_CONNECTION_VAR' });
  }
  return value;
}

export function parsePort(text: string | undefined, what: string): number | undefined {
  const port = parseNonNegativeInt(text, what);
  if (port !== undefined && (port < 1 || port > 65535)) {
    throw new TsibleError(`${what}: ${port} is not a TCP port (1-65535)`, { code: 'TSIBLE_CONNECTION_VAR' });
  }
  return port;
}
