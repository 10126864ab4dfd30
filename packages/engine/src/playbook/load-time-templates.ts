import { isTsibleError } from '../errors/tsible-error.js';
import type { EventSink } from '../output/events.js';
import { Templar } from '../template/templar.js';

/**
 * Templates the loader must render before anything runs, as Ansible does
 * while loading: play hosts and names, import paths, role names and tags,
 * with extra vars, play vars, vars_files and vars_prompt defaults only.
 */
export type LoadTimeVars = Readonly<Record<string, unknown>>;

export type Rendered = { ok: true; value: unknown } | { ok: false; reason: string };

export function hasTemplate(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

/** The rendered value, or why it could not be rendered (e.g. `'x' is undefined`). */
export function renderAtLoad(text: string, vars: LoadTimeVars, sink: EventSink): Rendered {
  if (!hasTemplate(text)) return { ok: true, value: text };
  try {
    return { ok: true, value: new Templar({ vars, sink }).render(text) };
  } catch (err) {
    if (!isTsibleError(err)) throw err;
    return { ok: false, reason: err.message.replace(/^[\s\S]*The error was: /, '') };
  }
}

/** The rendered text, or the text as written when it cannot be rendered yet (names and tags shown in listings). */
export function renderOrKeep(text: string, vars: LoadTimeVars, sink: EventSink): string {
  const rendered = renderAtLoad(text, vars, sink);
  return rendered.ok ? String(rendered.value) : text;
}
