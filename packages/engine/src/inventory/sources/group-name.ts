import type { SourceContext } from './source-context.js';

/** Ansible's INVALID_VARIABLE_NAMES: a leading digit/non-word char, or any non-word char. */
const INVALID = /^\p{Nd}|[^\p{L}\p{N}\p{Mn}_]/u;

/**
 * Group names that are not valid variable names still work, but Ansible
 * warns about them (its default TRANSFORM_INVALID_GROUP_CHARS is 'never').
 */
export function checkGroupName(name: string, ctx: SourceContext): string {
  if (INVALID.test(name)) {
    ctx.warnOnce('inventory.group_name', 'Invalid characters were found in group names but not replaced, use -vvvv to see details');
  }
  return name;
}
