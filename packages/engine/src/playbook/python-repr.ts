/** How Python (and so Ansible's messages and listings) prints loaded values. */

/** Python's name for a value's type, as Ansible's messages print it. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (Array.isArray(value)) return "<class 'ansible.parsing.yaml.objects.AnsibleSequence'>";
  switch (typeof value) {
    case 'string':
      return "<class 'ansible.parsing.yaml.objects.AnsibleUnicode'>";
    case 'number':
      return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
    case 'boolean':
      return "<class 'bool'>";
    default:
      return "<class 'ansible.parsing.yaml.objects.AnsibleMapping'>";
  }
}

/** Python's repr of a loaded value, as Ansible embeds it in some messages. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  return String(value);
}
