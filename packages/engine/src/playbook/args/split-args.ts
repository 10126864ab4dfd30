import { TsibleError, ExitCode } from '../../errors/tsible-error.js';

/**
 * Splits a `key=value` argument string the way Ansible does: on spaces, but a
 * quoted string or a Jinja2 block ({{ }}, {% %}, {# #}) stays one token even when
 * it contains spaces or newlines. Quotes are kept; parse-kv removes them.
 */
export function splitArgs(input: string): string[] {
  const params: string[] = [];
  const appendToLast = (text: string): void => {
    // Ansible fails the same way when there is nothing to append to (leading spaces).
    if (params.length === 0) throw new TsibleError('Unable to parse argument string', { code: 'TSIBLE_ARGS_UNPARSABLE', exitCode: ExitCode.parserError });
    params[params.length - 1] += text;
  };
  let quote: string | undefined;
  const depth = { print: 0, block: 0, comment: 0 };
  const insideJinja = (): boolean => depth.print > 0 || depth.block > 0 || depth.comment > 0;
  const lines = input.split('\n');

  lines.forEach((line, lineIndex) => {
    const tokens = line.split(' ');
    let continued = false;
    tokens.forEach((token, index) => {
      // Consecutive spaces: keep them in the token being built.
      if (token.length === 0 && index !== 0) {
        appendToLast(' ');
        return;
      }
      const wasInsideQuotes = quote !== undefined;
      if (token === '\\' && !wasInsideQuotes) {
        continued = true;
        return;
      }
      quote = quoteStateAfter(token, quote);
      const insideQuotes = quote !== undefined;
      let appended = false;
      if (insideQuotes && !wasInsideQuotes && !insideJinja()) {
        params.push(token);
        appended = true;
      } else if (insideJinja() || insideQuotes || wasInsideQuotes) {
        if (index === 0 && wasInsideQuotes) appendToLast(token);
        else if (tokens.length > 1) appendToLast(`${index > 0 ? ' ' : ''}${token}`);
        else appendToLast(`\n${token}`);
        appended = true;
      }
      for (const [kind, open, close] of [['print', '{{', '}}'], ['block', '{%', '%}'], ['comment', '{#', '#}']] as const) {
        const before = depth[kind];
        depth[kind] = jinjaDepthAfter(token, before, open, close);
        if (depth[kind] !== before && !appended) {
          params.push(token);
          appended = true;
        }
      }
      if (!insideJinja() && !insideQuotes && !appended && token !== '') params.push(token);
    });
    if (lines.length > 1 && lineIndex !== lines.length - 1 && !continued) appendToLast('\n');
  });

  if (insideJinja() || quote !== undefined) {
    throw new TsibleError(`failed at splitting arguments, either an unbalanced jinja2 block or quotes: ${input}`, {
      code: 'TSIBLE_ARGS_UNBALANCED',
      exitCode: ExitCode.parserError,
    });
  }
  return params;
}

/** Which quote (if any) is still open after reading a token; backslash-escaped quotes do not count. */
function quoteStateAfter(token: string, open: string | undefined): string | undefined {
  let state = open;
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    if ((ch === '"' || ch === "'") && (i === 0 || token[i - 1] !== '\\')) {
      if (state === undefined) state = ch;
      else if (state === ch) state = undefined;
    }
  }
  return state;
}

function jinjaDepthAfter(token: string, depth: number, open: string, close: string): number {
  const opened = token.split(open).length - 1;
  const closed = token.split(close).length - 1;
  if (opened === closed) return depth;
  return Math.max(0, depth + opened - closed);
}

/** Joins split tokens back, keeping the newlines that split-args preserved. */
export function joinArgs(parts: readonly string[]): string {
  let result = '';
  for (const part of parts) result += result.length === 0 || result.endsWith('\n') ? part : ` ${part}`;
  return result;
}
