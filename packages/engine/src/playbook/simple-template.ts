/**
 * Until full templating runs, the loader only resolves the simplest templates
 * in places it must know statically (play hosts and names, import paths, tags,
 * role names): `{{ name }}` where `name` is a plain variable holding a string,
 * number or list of strings. Anything else is reported as not resolvable.
 */
export type SimpleVars = Readonly<Record<string, unknown>>;

const EXPRESSION = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function hasTemplate(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

/** The rendered text, or undefined when the template is not a plain variable lookup or the variable is unset. */
export function renderSimple(text: string, vars: SimpleVars, depth = 0): string | undefined {
  if (!hasTemplate(text)) return text;
  if (depth > 10) return undefined;
  let unresolved = false;
  const rendered = text.replace(EXPRESSION, (_match, name: string) => {
    const value = vars[name];
    if (typeof value === 'string') {
      const inner = renderSimple(value, vars, depth + 1);
      if (inner === undefined) unresolved = true;
      return inner ?? '';
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',');
    unresolved = true;
    return '';
  });
  if (unresolved || hasTemplate(rendered)) return undefined;
  return rendered;
}

/** When the whole text is one `{{ name }}` holding a list, that list (used for `hosts:`). */
export function renderSimpleList(text: string, vars: SimpleVars): string[] | undefined {
  const whole = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(text);
  if (whole) {
    const value = vars[whole[1]!];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  }
  const single = renderSimple(text, vars);
  return single === undefined ? undefined : [single];
}
