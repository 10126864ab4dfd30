import { TsibleError } from '../../errors/tsible-error.js';
import type { Module, ModuleRegistry } from '../../module-api/module.js';

/**
 * The modules package depends on the engine, so the engine finds it at run
 * time rather than importing it at build time.
 */
const MODULES_PACKAGE = '@tsible/modules';

function isModule(value: unknown): value is Module {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Record<keyof Module, unknown>>;
  return typeof m.name === 'string' && typeof m.run === 'function' && typeof m.spec === 'object';
}

export async function loadModuleRegistry(): Promise<ModuleRegistry> {
  const specifier: string = MODULES_PACKAGE;
  let loaded: unknown;
  try {
    loaded = await import(specifier);
  } catch (err) {
    throw new TsibleError(`cannot load the module library ${MODULES_PACKAGE}: ${(err as Error).message}`, { code: 'TSIBLE_MODULES_MISSING', owner: 'tsible', cause: err });
  }
  const registry = typeof loaded === 'object' && loaded !== null ? (loaded as { modules?: unknown }).modules : undefined;
  if (!(registry instanceof Map) || ![...registry.values()].every(isModule)) {
    throw new TsibleError(`${MODULES_PACKAGE} does not export a module registry`, { code: 'TSIBLE_MODULES_MISSING', owner: 'tsible' });
  }
  return registry as ModuleRegistry;
}
