import type { Module } from '@tsible/engine';
import { commandFreeFormKeys, commandSpec, runCommandModule } from './command.js';

/** shell is command through `/bin/sh -c` (or `executable`), as Ansible's shell action does. */
export const shellModule: Module<typeof commandSpec> = {
  name: 'shell',
  spec: commandSpec,
  specOwner: 'ansible.legacy.command',
  supportsCheckMode: true,
  freeForm: true,
  freeFormKeys: commandFreeFormKeys,
  textOutput: true,
  run: (ctx, params) => runCommandModule(ctx, { ...params, _uses_shell: true }),
};
