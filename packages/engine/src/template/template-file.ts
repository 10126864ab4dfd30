import type { JinjaSyntax } from './jinja/syntax.js';
import { literalEval } from './python/literal-eval.js';
import { TsibleError } from '../errors/tsible-error.js';

const HEADER = '#jinja2:';
/** Jinja environment option names (as in `#jinja2:` headers and lookup options) to tsible's syntax keys. */
export const JINJA_OPTION_NAMES: Readonly<Record<string, keyof JinjaSyntax>> = {
  trim_blocks: 'trimBlocks',
  lstrip_blocks: 'lstripBlocks',
  keep_trailing_newline: 'keepTrailingNewline',
  block_start_string: 'blockStart',
  block_end_string: 'blockEnd',
  variable_start_string: 'variableStart',
  variable_end_string: 'variableEnd',
  comment_start_string: 'commentStart',
  comment_end_string: 'commentEnd',
};

/**
 * The template module's defaults (trim_blocks on, lstrip_blocks off,
 * backslashes as written) plus a `#jinja2: key: value, ...` first line.
 */
export function templateFileOptions(source: string, file: string): { body: string; syntax: Partial<JinjaSyntax> } {
  const syntax: Partial<JinjaSyntax> = { trimBlocks: true, lstripBlocks: false, literalBackslashesInVariables: false };
  if (!source.startsWith(HEADER)) return { body: source, syntax };
  const eol = source.indexOf('\n');
  const line = source.slice(HEADER.length, eol < 0 ? undefined : eol);
  for (const pair of line.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) {
      throw new TsibleError(`failed to parse jinja2 override '${pair.trim()}'. Did you use something different from colon as key-value separator?`, {
        code: 'TSIBLE_TEMPLATE_SYNTAX',
        location: { file, line: 1, column: 1 },
      });
    }
    const key = pair.slice(0, colon).trim();
    const parsed = literalEval(pair.slice(colon + 1).trim());
    const option = Object.prototype.hasOwnProperty.call(JINJA_OPTION_NAMES, key) ? JINJA_OPTION_NAMES[key] : undefined;
    if (!parsed.ok || option === undefined) {
      throw new TsibleError(`unsupported jinja2 override '${pair.trim()}'`, { code: 'TSIBLE_TEMPLATE_SYNTAX', location: { file, line: 1, column: 1 } });
    }
    (syntax as Record<string, unknown>)[option] = parsed.value;
  }
  return { body: eol < 0 ? '' : source.slice(eol + 1), syntax };
}
