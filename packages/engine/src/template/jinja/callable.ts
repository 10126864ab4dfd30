/** Something a template can call: globals, macros, bound Python-style methods. */
export type CallFn = (args: unknown[], kwargs: Record<string, unknown>) => unknown;

export class JinjaCallable {
  constructor(readonly name: string, readonly fn: CallFn) {}
  pythonRepr(): string {
    return `<function ${this.name}>`;
  }
}
