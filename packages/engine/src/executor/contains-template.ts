const MARKERS = ['{{', '{%', '{#'];

/**
 * True when a value holds Jinja markers anywhere (strings inside lists and
 * mappings too): a cheap test that spares loading the template engine when
 * nothing needs it.
 */
export function containsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return MARKERS.some((m) => value.includes(m));
  if (Array.isArray(value)) return value.some(containsTemplate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsTemplate);
  return false;
}
