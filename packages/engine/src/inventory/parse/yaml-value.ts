/**
 * Values read from YAML keep Map for mappings (to keep key order and key
 * types while the inventory structure is read); variables are handed on as
 * plain objects with string keys, the way Ansible's JSON output names them.
 */
export function toPlain(value: unknown, memo: Map<object, unknown> = new Map()): unknown {
  // One YAML node used twice (an alias) stays one object, as in Python.
  if (typeof value === 'object' && value !== null && memo.has(value)) return memo.get(value);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    memo.set(value, out);
    for (const [k, v] of value) out[pythonKeyString(k)] = toPlain(v, memo);
    return out;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    memo.set(value, out);
    for (const v of value) out.push(toPlain(v, memo));
    return out;
  }
  if (value instanceof Set) return [...value].map((v) => toPlain(v, memo));
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/** Python's json.dumps turns True/None/1 keys into "true"/"null"/"1". */
export function pythonKeyString(key: unknown): string {
  if (key === true) return 'true';
  if (key === false) return 'false';
  if (key === null || key === undefined) return 'null';
  return String(key);
}

function dateText(d: Date): string {
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

export function isMapping(value: unknown): value is Map<unknown, unknown> {
  return value instanceof Map;
}

/** Python's type() names, for Ansible's messages about the wrong kind of value. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (value instanceof Map) return "<class 'ansible.parsing.yaml.objects.AnsibleMapping'>";
  if (Array.isArray(value)) return "<class 'ansible.parsing.yaml.objects.AnsibleSequence'>";
  if (typeof value === 'string') return "<class 'ansible.parsing.yaml.objects.AnsibleUnicode'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  return `<class '${typeof value}'>`;
}
