/**
 * The value of the `omit` variable: a module argument equal to it is dropped
 * from the task. Ansible uses a placeholder with a random suffix; tsible's
 * is fixed per process so it can be compared anywhere.
 */
export const OMIT_TOKEN = `__omit_place_holder__${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;

export function isOmit(value: unknown): boolean {
  return value === OMIT_TOKEN;
}
