import type { Module } from '@tsible/engine';
import { commandModule, commandSpec, runCommandModule } from './command.js';

/** shell is command through `/bin/sh -c` (or `executable`), as Ansible's shell action does. */
export const shellModule: Module<typeof commandSpec> = {
  ...commandModule,
  name: 'shell',
  run: (ctx, params) => runCommandModule(ctx, { ...params, _uses_shell: true }),
};
