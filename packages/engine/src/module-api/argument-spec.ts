/**
 * Argument specs in the shape of Ansible's `argument_spec`, with the
 * validated parameter type inferred from the spec (`ParamsOf<typeof spec>`).
 */

export type OptionType = 'str' | 'int' | 'bool' | 'float' | 'path' | 'raw' | 'list' | 'dict' | 'jsonarg';
export type ElementType = Exclude<OptionType, 'list'>;
export type ChoiceValue = string | number | boolean;

export interface OptionSpec {
  /** Ansible's default is 'str'. */
  readonly type?: OptionType;
  /** Element type when `type` is 'list'. */
  readonly elements?: ElementType;
  readonly required?: boolean;
  readonly default?: unknown;
  readonly choices?: readonly ChoiceValue[];
  readonly aliases?: readonly string[];
  /** The value is a secret: masked in output and logs. */
  readonly no_log?: boolean;
}

/** `[key, value, requirements, anyOf?]` as in Ansible's required_if. */
export type RequiredIfRule = readonly [string, unknown, readonly string[]] | readonly [string, unknown, readonly string[], boolean];

export interface ArgumentSpec {
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly mutually_exclusive?: readonly (readonly string[])[];
  readonly required_one_of?: readonly (readonly string[])[];
  readonly required_together?: readonly (readonly string[])[];
  readonly required_if?: readonly RequiredIfRule[];
  readonly required_by?: Readonly<Record<string, readonly string[]>>;
}

type ScalarOf<T> = T extends 'int' | 'float'
  ? number
  : T extends 'bool'
    ? boolean
    : T extends 'str' | 'path' | 'jsonarg'
      ? string
      : T extends 'dict'
        ? Record<string, unknown>
        : unknown;

type BaseValueOf<O extends OptionSpec> = O extends { readonly choices: readonly (infer C)[] }
  ? O extends { readonly type: 'list' }
    ? C[]
    : C
  : O extends { readonly type: 'list' }
    ? O extends { readonly elements: infer E }
      ? ScalarOf<E>[]
      : unknown[]
    : O extends { readonly type: infer T }
      ? ScalarOf<T>
      : string;

/** Missing options are null (Ansible's None) unless required or defaulted. */
export type ValueOf<O extends OptionSpec> = O extends { readonly required: true }
  ? BaseValueOf<O>
  : O extends { readonly default: NonNullable<unknown> }
    ? BaseValueOf<O>
    : BaseValueOf<O> | null;

export type ParamsOf<S extends ArgumentSpec> = { -readonly [K in keyof S['options']]: ValueOf<S['options'][K]> };
