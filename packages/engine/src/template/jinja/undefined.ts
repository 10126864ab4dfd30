/**
 * An undefined value in a template. Looking at it (printing, arithmetic,
 * iterating, truth-testing) raises UndefinedError; attribute access on it
 * returns itself, so `a.b.c | default(x)` works as in Ansible.
 */
export class Undefined {
  /** `silent`: prints as '' (an inline if without else), as Ansible renders it. */
  constructor(readonly message: string, readonly name: string | undefined = undefined, readonly silent = false) {}
}

export class UndefinedError extends Error {
  constructor(message: string, readonly variable: string | undefined = undefined) {
    super(message);
    this.name = 'UndefinedError';
  }
}

export function isUndefined(value: unknown): value is Undefined {
  return value instanceof Undefined || value === undefined;
}

export function undefinedVariable(name: string): Undefined {
  return new Undefined(`'${name}' is undefined`, name);
}

/** Raise if the value is undefined; otherwise return it unchanged. */
export function ensureDefined<T>(value: T | Undefined): T {
  if (value instanceof Undefined) throw new UndefinedError(value.message, value.name);
  if (value === undefined) throw new UndefinedError('value is undefined');
  return value;
}
