/**
 * JSON as Python's json.dumps(sort_keys=True, ensure_ascii=False) writes it,
 * which is what Ansible prints: `indent` null is one line with `, ` and `: `,
 * a number indents, and 0 puts every item on its own unindented line.
 */
export function pythonJson(value: unknown, indent: number | null = null): string {
  return dump(value, indent, 0);
}

function dump(value: unknown, indent: number | null, level: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : Number.isNaN(value) ? 'NaN' : '-Infinity';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return wrap('[', ']', value.map((v: unknown) => dump(v, indent, level + 1)), indent, level);
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) return '{}';
    const record = value as Record<string, unknown>;
    return wrap('{', '}', keys.map((k) => `${JSON.stringify(k)}: ${dump(record[k], indent, level + 1)}`), indent, level);
  }
  return JSON.stringify(String(value));
}

function wrap(open: string, close: string, items: string[], indent: number | null, level: number): string {
  if (indent === null) return `${open}${items.join(', ')}${close}`;
  const inner = ' '.repeat(indent * (level + 1));
  const outer = ' '.repeat(indent * level);
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${outer}${close}`;
}
