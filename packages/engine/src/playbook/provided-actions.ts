import { ENGINE_ACTIONS } from './args/action-names.js';

/**
 * The action names this installation provides: the engine's own actions plus
 * the modules exported by @tsible/modules. The modules package depends on the
 * engine, so it is imported at run time through a variable specifier rather
 * than at compile time.
 */
export async function providedActions(): Promise<ReadonlySet<string>> {
  const specifier = '@tsible/modules';
  let names: readonly string[] = [];
  try {
    const loaded: unknown = await import(specifier);
    const exported = loaded !== null && typeof loaded === 'object' ? (loaded as { moduleNames?: unknown }).moduleNames : undefined;
    if (Array.isArray(exported)) names = exported.filter((n): n is string => typeof n === 'string');
  } catch {
    // Without the modules package only the engine's actions exist.
  }
  return new Set([...ENGINE_ACTIONS, ...names]);
}
