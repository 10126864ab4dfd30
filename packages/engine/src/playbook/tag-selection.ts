/**
 * Ansible's tag selection (--tags / --skip-tags) including the special tags
 * `all` (default selection), `always`, `never`, `tagged` and `untagged`.
 */
export interface TagSelection {
  only: ReadonlySet<string>;
  skip: ReadonlySet<string>;
}

/** Splits `-t a,b -t c` into a set; no --tags at all means `all`. */
export function tagSelection(only: readonly string[], skip: readonly string[]): TagSelection {
  const split = (values: readonly string[]) => new Set(values.flatMap((v) => v.split(',')).map((t) => t.trim()).filter((t) => t !== ''));
  const onlySet = split(only);
  return { only: onlySet.size === 0 ? new Set(['all']) : onlySet, skip: split(skip) };
}

/** Whether a task with these (inherited, play included) tags is selected. */
export function isSelected(taskTags: readonly string[], selection: TagSelection): boolean {
  const untagged = taskTags.length === 0;
  const tags = new Set(untagged ? ['untagged'] : taskTags);
  const overlaps = (set: ReadonlySet<string>) => [...set].some((t) => tags.has(t));
  let run = true;
  if (selection.only.size > 0) {
    run =
      tags.has('always') ||
      (selection.only.has('all') && !tags.has('never')) ||
      overlaps(selection.only) ||
      (selection.only.has('tagged') && !untagged && !tags.has('never'));
  }
  if (run && selection.skip.size > 0) {
    if (selection.skip.has('all')) {
      if (!tags.has('always') || selection.skip.has('always')) run = false;
    } else if (overlaps(selection.skip)) {
      run = false;
    } else if (selection.skip.has('tagged') && !untagged) {
      run = false;
    }
  }
  return run;
}
