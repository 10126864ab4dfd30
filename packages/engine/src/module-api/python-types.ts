/**
 * Ansible's validation messages name Python types (`<class 'str'>`); this maps
 * a JavaScript value to the name Python would print for the same YAML/JSON value.
 */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'bigint') return 'int';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

export function pythonClass(value: unknown): string {
  return `<class '${pythonTypeName(value)}'>`;
}
