/**
 * Base for values that behave like Python objects in templates (datetime,
 * namespace...): their own type name, attributes, repr/str, and optional
 * arithmetic and ordering.
 */
export abstract class PyObject {
  abstract readonly pythonType: string;
  /** The attribute `name`, or undefined when the object has none. */
  abstract attribute(name: string): unknown;
  abstract pythonRepr(): string;
  pythonStr(): string {
    return this.pythonRepr();
  }
  /** `this op other` (or `other op this` when reflected); undefined when unsupported. */
  arithmetic(_op: '+' | '-', _other: unknown, _reflected: boolean): unknown {
    return undefined;
  }
  /** Ordering against another value; undefined when not comparable. */
  compareTo(_other: unknown): number | undefined {
    return undefined;
  }
  equals(other: unknown): boolean {
    return this.compareTo(other) === 0;
  }
}
