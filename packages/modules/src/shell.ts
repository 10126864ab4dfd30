import type { Module } from '@tsible/engine';
import { commandModule, commandSpec } from './command.js';

/** shell is command through `/bin/sh -c` (or `executable`), as Ansible's shell action does. */
export const shellModule: Module<typeof commandSpec> = {
  ...commandModule,
  name: 'shell',
  presetArgs: { _uses_shell: true },
};
