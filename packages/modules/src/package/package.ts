import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { aptModule } from '../apt/apt.js';
import { aptSpec } from '../apt/apt-spec.js';
import { detectPackageManager } from './package-manager.js';

/**
 * Ansible's package action hands every argument but `use` to the package
 * manager's own module; apt is the one supported here, so its options are
 * the ones package accepts.
 */
export const packageSpec = {
  ...aptSpec,
  options: { ...aptSpec.options, use: { type: 'str', default: 'auto' } },
} as const satisfies ArgumentSpec;

export type PackageParams = ParamsOf<typeof packageSpec>;

async function runPackage(ctx: ModuleContext, params: PackageParams): Promise<ModuleResult> {
  const { use, ...rest } = params;
  const manager = use === 'auto' ? await detectPackageManager(ctx) : use;
  if (manager === undefined) {
    return { changed: false, failed: true, msg: 'Could not detect which package manager to use. Try gathering facts or setting the "use" option.' };
  }
  if (manager !== 'apt') {
    return {
      changed: false,
      failed: true,
      msg: `The package manager '${manager}' is not supported yet by the package module; supported: apt.`,
    };
  }
  return aptModule.run(ctx, rest);
}

export const packageModule: Module<typeof packageSpec> = {
  name: 'package',
  spec: packageSpec,
  supportsCheckMode: true,
  run: runPackage,
};
