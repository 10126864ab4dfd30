import { PyObject } from './object.js';
import { pythonRepr } from './repr.js';

/** Jinja's namespace(): the one object `{% set ns.attr = ... %}` may change, so loops can carry state out. */
export class Namespace extends PyObject {
  readonly pythonType = 'Namespace';
  private readonly values = new Map<string, unknown>();

  constructor(initial: Record<string, unknown>) {
    super();
    for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
  }

  attribute(name: string): unknown {
    return this.values.get(name);
  }

  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }

  pythonRepr(): string {
    return `<Namespace {${[...this.values].map(([k, v]) => `'${k}': ${pythonRepr(v)}`).join(', ')}}>`;
  }
}
