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
