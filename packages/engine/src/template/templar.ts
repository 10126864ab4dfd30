import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceLocation } from '../errors/source-location.js';
import { TsibleError } from '../errors/tsible-error.js';
import { Emitter, type EventSink } from '../output/events.js';
import { sharedEnvironment } from './default-environment.js';
import type { Environment } from './jinja/environment.js';
import type { Stmt } from './jinja/ast.js';
import { Renderer, TemplateLineError } from './jinja/renderer.js';
import { TemplateRuntimeError, TemplateTypeError } from './jinja/runtime-error.js';
import type { JinjaSyntax } from './jinja/syntax.js';
import { TemplateSyntaxError } from './jinja/template-syntax-error.js';
import { UndefinedError } from './jinja/undefined.js';
import { JinjaCallable } from './jinja/callable.js';
import { literalCopy, nativeConcat } from './native-concat.js';
import { isTuple } from './python/tuple.js';
import { PyFloat } from './python/float.js';
import { isPlainMapping } from './python/repr.js';
import { pyTruthy } from './python/truthy.js';
import { PyTypeError } from './python/compare.js';
import { isUnsafe } from './unsafe.js';
import { VaultText } from '../loader/tagged-values.js';
import { OMIT_TOKEN } from './omit.js';
import { templateFileOptions } from './template-file.js';
import { getLookup, lookupNames, runLookup, type LookupContext } from './lookups/index.js';
import { setItem } from './python/dict.js';

/** Where template variables come from; `undefined` means "not defined". */
export interface VarsSource {
  lookup(name: string): unknown;
  /**
   * True for variables whose values are data, never templates (registered
   * results, facts): Ansible marks those unsafe, so `{{` in them stays text.
   */
  isUntemplated?(name: string): boolean;
}

export function varsFromObject(vars: Readonly<Record<string, unknown>>): VarsSource {
  return { lookup: (name) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined) };
}

export interface TemplarOptions {
  vars: VarsSource | Readonly<Record<string, unknown>>;
  sink: EventSink;
  /** Directories searched by file-reading lookups and `{% include %}` (role files/, templates/, playbook dir). */
  searchPaths?: string[];
  /** Filters, tests and compile cache; the process-wide default when omitted. */
  environment?: Environment;
}

export interface RenderOptions {
  /** Where the value came from (task file:line), for error messages. */
  location?: SourceLocation | undefined;
  /** Ansible's convert_data: literal-eval results that look like lists, dicts or booleans. Default true. */
  convertData?: boolean;
  /** Double backslashes in `{{ }}` string literals (task strings: yes; template files: no). */
  escapeBackslashes?: boolean;
  /** Delimiters / whitespace options (template files, `#jinja2:` overrides). */
  syntax?: Partial<JinjaSyntax>;
  /** Template file being rendered: errors then point at this file and its line. */
  templatePath?: string;
  /** Extra variables visible only to this render (e.g. template_path, loop vars). */
  extraVars?: Readonly<Record<string, unknown>>;
}

const TEMPLATE_MARKERS = ['{{', '{%', '{#'];
const SINGLE_VARIABLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;
const TASK_UNDEFINED_PREFIX = 'The task includes an option with an undefined variable. The error was: ';

/**
 * Ansible-compatible templating: renders task arguments, conditionals and
 * template files with Jinja2 semantics and Ansible 2.14's type conversion.
 */
export class Templar {
  readonly environment: Environment;
  readonly searchPaths: string[];
  private readonly vars: VarsSource;
  private readonly events: Emitter;
  private readonly resolving = new Set<string>();
  /** Templated variable values for the current top-level call, per set of extra variables (loop item, template_vars). */
  private readonly lazyCache = new Map<Readonly<Record<string, unknown>> | undefined, Map<string, unknown>>();
  private depth = 0;
  private failureContext: FailureContext | undefined;

  constructor(options: TemplarOptions) {
    this.vars = typeof (options.vars as VarsSource).lookup === 'function' ? (options.vars as VarsSource) : varsFromObject(options.vars as Record<string, unknown>);
    this.events = new Emitter(options.sink);
    this.searchPaths = options.searchPaths ?? [];
    this.environment = options.environment ?? sharedEnvironment();
  }

  /** True when the text holds Jinja markers (fast check, no parsing). */
  isTemplate(text: unknown): boolean {
    if (typeof text !== 'string') return false;
    return TEMPLATE_MARKERS.some((m) => text.includes(m));
  }

  /** Renders strings, recursively through lists and dicts (keys too); other values pass through. */
  render(value: unknown, options: RenderOptions = {}): unknown {
    if (typeof value === 'string') return this.renderString(value, options);
    if (!Array.isArray(value) && !isPlainMapping(value)) return value;
    // One lazy-variable cache for the whole structure (a task's arguments).
    this.depth++;
    if (this.depth === 1) this.lazyCache.clear();
    try {
      return this.renderStructure(value, options, { ...options, convertData: false });
    } finally {
      this.depth--;
    }
  }

  private renderStructure(value: unknown, options: RenderOptions, keyOptions: RenderOptions): unknown {
    if (typeof value === 'string') return this.renderString(value, options);
    if (Array.isArray(value)) return value.map((item) => this.renderStructure(item, options, keyOptions));
    if (isPlainMapping(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) setItem(out, String(this.renderString(k, keyOptions)), this.renderStructure(v, options, keyOptions));
      return out;
    }
    return value;
  }

  /** Renders one string: a non-template string is returned untouched without parsing. */
  renderString(text: string, options: RenderOptions = {}): unknown {
    const custom = options.syntax;
    const markers = custom ? [custom.variableStart ?? '{{', custom.blockStart ?? '{%', custom.commentStart ?? '{#'] : TEMPLATE_MARKERS;
    if (!markers.some((m) => text.includes(m))) return text;
    const direct = custom === undefined && options.templatePath === undefined ? this.singleVariable(text, options) : undefined;
    if (direct !== undefined) return direct;
    return this.guard(options, text, () => this.renderToValue(text, options));
  }

  /**
   * Ansible's shortcut: `{{ name }}` naming a variable that holds a number
   * or a boolean gives that value itself, not its text.
   */
  private singleVariable(text: string, options: RenderOptions): unknown {
    const match = SINGLE_VARIABLE.exec(text);
    if (!match) return undefined;
    const name = match[1]!;
    const extra = options.extraVars;
    const value = extra && Object.prototype.hasOwnProperty.call(extra, name) ? extra[name] : this.vars.lookup(name);
    return typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat ? value : undefined;
  }

  private renderToValue(text: string, options: RenderOptions): unknown {
    const { output, stringTyped, value } = this.renderToText(text, options);
    if (options.convertData === false || stringTyped) return output;
    // A lone list/dict would be printed with repr() and read back by literal_eval: copy it instead.
    // (A tuple prints as '(...)', which Ansible leaves as text.)
    if (value !== undefined && ((Array.isArray(value.result) && !isTuple(value.result)) || isPlainMapping(value.result))) {
      const copy = literalCopy(value.result);
      if (copy !== undefined) return copy;
    }
    return nativeConcat(output);
  }

  /**
   * Renders a template file: template-module defaults, `#jinja2:` header,
   * errors at file:line. Text unless `convertData` is set (the template lookup).
   */
  renderTemplateFile(source: string, file: string, options: RenderOptions = {}): unknown {
    const { body, syntax } = templateFileOptions(source, file);
    return this.renderString(body, { convertData: false, ...options, templatePath: file, syntax: { ...syntax, ...options.syntax }, escapeBackslashes: false });
  }

  /**
   * Ansible's `when:` semantics: booleans as-is, empty is true, a list is an
   * AND; a string is a bare Jinja expression (templated first if it has
   * `{{ }}`, with Ansible's warning), evaluated as
   * `{% if <expr> %} True {% else %} False {% endif %}`.
   */
  evaluateConditional(conditional: unknown, options: RenderOptions = {}): boolean {
    if (Array.isArray(conditional)) return conditional.every((c) => this.evaluateConditional(c, options));
    if (conditional === null || conditional === undefined || conditional === '') return true;
    if (typeof conditional === 'boolean') return conditional;
    if (typeof conditional !== 'string' && !isUnsafe(conditional)) return pyTruthy(conditional);
    const original = isUnsafe(conditional) ? conditional.text : String(conditional);
    if (isUnsafe(conditional)) {
      throw new TsibleError(`The conditional check '${original}' failed. The error was: Conditional is marked as unsafe, and cannot be evaluated.`, {
        code: 'TSIBLE_TEMPLATE_CONDITIONAL',
        location: options.location,
      });
    }
    let expression: unknown = original;
    if (this.isTemplate(original)) {
      this.events.warn('template.conditional_delimiters', `conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: ${original}`);
      expression = this.guard(options, original, () => this.renderToValue(original, options), { kind: 'conditional', text: original });
      if (typeof expression !== 'string') return pyTruthy(expression);
      if (expression === '') return false;
    }
    const presented = `{% if ${String(expression)} %} True {% else %} False {% endif %}`;
    return this.guard(options, presented, () => {
      const result = this.renderToText(presented, { ...options, syntax: undefined }).output.trim();
      if (result === 'True') return true;
      if (result === 'False') return false;
      throw new TemplateRuntimeError(`unable to evaluate conditional: ${original}`);
    }, { kind: 'conditional', text: original });
  }

  /** A renderer over this templar's variables (plus per-render extras). */
  private renderer(options: RenderOptions, syntax: JinjaSyntax): Renderer {
    const extra = options.extraVars;
    const resolve = (name: string): unknown => {
      if (extra && Object.prototype.hasOwnProperty.call(extra, name)) return extra[name];
      return this.resolveVariable(name, options);
    };
    return new Renderer(this.environment, resolve, { templatePath: options.templatePath, syntax, loader: (name, from) => this.findInclude(name, from) });
  }

  /** `{% include %}`: next to the including file first, then the search paths (and their templates/). */
  private findInclude(name: string, from: string | undefined): { source: string; path: string } | undefined {
    const dirs = [...(from === undefined ? [] : [path.dirname(from)]), ...this.searchPaths.flatMap((d) => [path.join(d, 'templates'), d])];
    const candidates = path.isAbsolute(name) ? [name] : dirs.map((d) => path.join(d, name));
    for (const candidate of candidates) {
      try {
        return { source: readFileSync(candidate, 'utf8'), path: candidate };
      } catch {
        // not here; try the next directory
      }
    }
    return undefined;
  }

  /**
   * Renders to text; when the template is one `{{ expression }}` the value
   * itself is returned too, so callers can skip the text round trip.
   */
  private renderToText(text: string, options: RenderOptions): { output: string; stringTyped: boolean; value?: { result: unknown } } {
    const literal = options.escapeBackslashes ?? options.syntax?.literalBackslashesInVariables ?? true;
    // Task strings (the common case) use the environment's own syntax object, so the compile cache key is the source.
    const syntax: JinjaSyntax =
      options.syntax === undefined && literal === this.environment.syntax.literalBackslashesInVariables
        ? this.environment.syntax
        : { ...this.environment.syntax, ...options.syntax, literalBackslashesInVariables: literal };
    const body = this.environment.compile(text, syntax);
    const renderer = this.renderer(options, syntax);
    const only = body.length === 1 && body[0]?.kind === 'output' ? body[0] : undefined;
    let value: { result: unknown } | undefined;
    let output: string;
    if (only) {
      value = { result: renderer.evaluate(only.expr) };
      output = renderer.finalizeAt(only, value.result);
    } else {
      output = renderer.render(body);
    }
    // Ansible keeps the input's trailing newlines, which Jinja drops.
    const wanted = countTrailingNewlines(text);
    const have = countTrailingNewlines(output);
    if (!syntax.keepTrailingNewline && wanted > have) output += '\n'.repeat(wanted - have);
    return value === undefined ? { output, stringTyped: isStringTypedOutput(body) } : { output, stringTyped: isStringTypedOutput(body), value };
  }

  /** Variables are templated when used ("lazy"), recursively, with loop detection. */
  private resolveVariable(name: string, options: RenderOptions): unknown {
    if (name === 'lookup' || name === 'query' || name === 'q') {
      const raw = this.vars.lookup(name);
      if (raw !== undefined) return raw;
      return this.lookupFunction(name, options);
    }
    const raw = this.vars.lookup(name);
    if (raw === undefined) return name === 'omit' ? OMIT_TOKEN : undefined;
    if (raw instanceof VaultText) throw new TemplateRuntimeError(raw.failure ?? `the value of '${name}' is vault-encrypted and no vault secret was given to decrypt it`);
    if (this.vars.isUntemplated?.(name) === true || !containsTemplate(raw, this)) return raw;
    let cache = this.lazyCache.get(options.extraVars);
    if (!cache) {
      cache = new Map();
      this.lazyCache.set(options.extraVars, cache);
    }
    if (cache.has(name)) return cache.get(name);
    if (this.resolving.has(name)) {
      throw new TemplateRuntimeError(`recursive loop detected in template string: {{ ${name} }}`);
    }
    this.resolving.add(name);
    try {
      // Variables are templated as task values are (convert_data on), whatever the caller's mode.
      const value = this.render(raw, { ...options, templatePath: undefined, syntax: undefined, escapeBackslashes: true, convertData: true });
      cache.set(name, value);
      return value;
    } finally {
      this.resolving.delete(name);
    }
  }

  /**
   * The items of a `with_<name>:` loop: terms are templated and listified as
   * Ansible does (a string becomes a one-item list), then the lookup runs
   * with wantlist semantics.
   */
  loopItems(name: string, terms: unknown, options: RenderOptions = {}): unknown[] {
    const fn = getLookup(name);
    if (!fn) {
      throw new TsibleError(`lookup plugin (${name}) not found for 'with_${name}'`, {
        code: 'TSIBLE_LOOKUP_UNKNOWN',
        location: options.location,
        hint: `tsible provides: ${lookupNames().join(', ')}`,
      });
    }
    // Ansible reports loop-term failures without the task-option wording.
    return this.guard(options, `with_${name}`, () => {
      const rendered = this.render(terms, options);
      return fn(Array.isArray(rendered) ? rendered : [rendered], {}, this.lookupContext(options));
    }, { kind: 'loop' });
  }

  private lookupContext(options: RenderOptions): LookupContext {
    return {
      templar: this,
      searchPaths: this.searchPaths,
      events: this.events,
      location: options.location,
      variable: (n) => this.resolveVariable(n, options),
    };
  }

  private lookupFunction(name: 'lookup' | 'query' | 'q', options: RenderOptions): JinjaCallable {
    const context = this.lookupContext(options);
    return new JinjaCallable(name, (args, kwargs) => runLookup(name === 'lookup' ? 'lookup' : 'query', args, kwargs, context));
  }

  /** Converts template failures into one TsibleError naming the variable and the place. */
  private guard<T>(options: RenderOptions, source: string, fn: () => T, context: FailureContext = { kind: 'task' }): T {
    this.depth++;
    const outermost = this.failureContext === undefined;
    if (this.depth === 1) this.lazyCache.clear();
    // Nested renders (lazy variables, loop terms) are worded as the outermost operation.
    if (outermost) this.failureContext = context;
    try {
      return fn();
    } catch (err) {
      throw this.toTsibleError(err, options, source, this.failureContext ?? context);
    } finally {
      this.depth--;
      if (outermost) this.failureContext = undefined;
    }
  }

  private toTsibleError(err: unknown, options: RenderOptions, source: string, context: FailureContext): unknown {
    if (err instanceof TsibleError) return err;
    let original = err;
    let location = options.location;
    if (err instanceof TemplateLineError) {
      original = err.original;
      if (err.templatePath !== undefined) location = { file: err.templatePath, line: err.line, column: err.column };
    } else if (err instanceof TemplateSyntaxError && options.templatePath !== undefined) {
      location = { file: options.templatePath, line: err.line, column: err.column };
    }
    const failure = describeFailure(original, source, options, context);
    if (!failure) return err;
    const message = context.kind === 'conditional' ? `The conditional check '${context.text}' failed. The error was: ${failure.message}` : failure.message;
    const variable = original instanceof UndefinedError ? original.variable : undefined;
    const hint = variable === undefined ? undefined : `define '${variable}' (play/role vars, group_vars, host_vars or -e), or give a fallback with '${variable} | default(...)'`;
    return new TsibleError(message, { code: failure.code, location, cause: original, hint });
  }
}

/** Ansible's wording for each kind of template failure. */
/** What was being templated when something failed: Ansible words each case differently. */
type FailureContext = { kind: 'task' } | { kind: 'loop' } | { kind: 'conditional'; text: string };

function describeFailure(err: unknown, source: string, options: RenderOptions, context: FailureContext): { code: string; message: string } | undefined {
  if (err instanceof UndefinedError) {
    let message: string;
    if (context.kind === 'conditional') message = `error while evaluating conditional (${context.text}): ${err.message}`;
    else if (context.kind === 'loop') message = err.message;
    else if (options.templatePath !== undefined) message = `AnsibleUndefinedVariable: ${err.message}`;
    else message = `${TASK_UNDEFINED_PREFIX}${err.message}`;
    return { code: 'TSIBLE_TEMPLATE_UNDEFINED', message };
  }
  if (err instanceof TemplateSyntaxError) {
    return { code: 'TSIBLE_TEMPLATE_SYNTAX', message: `template error while templating string: ${err.message}. String: ${source}` };
  }
  if (err instanceof TemplateTypeError || err instanceof PyTypeError) {
    return { code: 'TSIBLE_TEMPLATE_ERROR', message: `Unexpected templating type error occurred on (${source}): ${err.message}` };
  }
  if (err instanceof TemplateRuntimeError) {
    const recursion = err.message.startsWith('recursive loop detected');
    return { code: recursion ? 'TSIBLE_TEMPLATE_RECURSION' : 'TSIBLE_TEMPLATE_ERROR', message: err.message };
  }
  // Runaway recursion (a macro calling itself) exhausts the stack: say so instead of crashing.
  if (err instanceof RangeError) {
    return { code: 'TSIBLE_TEMPLATE_RECURSION', message: `template recursion too deep while templating string: ${source}` };
  }
  return undefined;
}

/**
 * Ansible skips the literal_eval step when the whole template is one
 * expression ending in a filter from STRING_TYPE_FILTERS (to_json, ...).
 */
const STRING_TYPE_FILTERS = new Set(['string', 'to_json', 'to_nice_json', 'to_yaml', 'to_nice_yaml', 'ppretty', 'json']);

function isStringTypedOutput(body: Stmt[]): boolean {
  const only = body.length === 1 ? body[0] : undefined;
  return only?.kind === 'output' && only.expr.kind === 'filter' && STRING_TYPE_FILTERS.has(only.expr.name.replace(/^ansible\.builtin\./, ''));
}

function countTrailingNewlines(text: string): number {
  let n = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === '\n'; i--) n++;
  return n;
}

function containsTemplate(value: unknown, templar: Templar): boolean {
  if (typeof value === 'string') return templar.isTemplate(value);
  if (Array.isArray(value)) return value.some((v) => containsTemplate(v, templar));
  if (isPlainMapping(value)) return Object.entries(value).some(([k, v]) => templar.isTemplate(k) || containsTemplate(v, templar));
  return false;
}
