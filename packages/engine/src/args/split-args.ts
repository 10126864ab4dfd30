import { TsibleError, ExitCode } from '../errors/tsible-error.js';

/**
 * Ansible's split_args(): splits a `key=value ...` line on spaces, keeping
 * quoted strings and Jinja2 blocks ({{ }}, {% %}, {# #}) together and
 * preserving the original spacing and newlines inside them.
 */

/** The quote still open after `token`, given the one open before it. */
function quoteStateAfter(token: string, open: string | null): string | null {
  let quote = open;
  for (let i = 0; i < token.length; i++) {
    const c = token.charAt(i);
    if ((c === '"' || c === "'") && (i === 0 || token.charAt(i - 1) !== '\\')) {
      if (quote === null) quote = c;
      else if (c === quote) quote = null;
    }
  }
  return quote;
}

function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function blockDepth(token: string, depth: number, open: string, close: string): number {
  const opened = countOccurrences(token, open);
  const closed = countOccurrences(token, close);
  return opened === closed ? depth : Math.max(0, depth + opened - closed);
}

export function splitArgs(args: string): string[] {
  const params: string[] = [];
  const appendToLast = (text: string): void => {
    params[params.length - 1] = `${params[params.length - 1] ?? ''}${text}`;
  };
  const items = args.split('\n');
  let quote: string | null = null;
  let insideQuotes = false;
  let printDepth = 0;
  let blockDepthCount = 0;
  let commentDepth = 0;

  items.forEach((item, itemIndex) => {
    const tokens = item.split(' ');
    let lineContinuation = false;
    tokens.forEach((token, index) => {
      if (token === '' && index !== 0) {
        appendToLast(' ');
        return;
      }
      if (token === '\\' && !insideQuotes) {
        lineContinuation = true;
        return;
      }
      const wasInsideQuotes = insideQuotes;
      quote = quoteStateAfter(token, quote);
      insideQuotes = quote !== null;
      const inJinja = (): boolean => printDepth > 0 || blockDepthCount > 0 || commentDepth > 0;

      let appended = false;
      if (insideQuotes && !wasInsideQuotes && !inJinja()) {
        params.push(token);
        appended = true;
      } else if (inJinja() || insideQuotes || wasInsideQuotes) {
        if (index === 0 && wasInsideQuotes) appendToLast(token);
        else if (tokens.length > 1) appendToLast(`${index > 0 ? ' ' : ''}${token}`);
        else appendToLast(`\n${token}`);
        appended = true;
      }

      const before = [printDepth, blockDepthCount, commentDepth];
      printDepth = blockDepth(token, printDepth, '{{', '}}');
      if (printDepth !== before[0] && !appended) {
        params.push(token);
        appended = true;
      }
      blockDepthCount = blockDepth(token, blockDepthCount, '{%', '%}');
      if (blockDepthCount !== before[1] && !appended) {
        params.push(token);
        appended = true;
      }
      commentDepth = blockDepth(token, commentDepth, '{#', '#}');
      if (commentDepth !== before[2] && !appended) {
        params.push(token);
        appended = true;
      }
      if (!inJinja() && !insideQuotes && !appended && token !== '') params.push(token);
    });
    if (items.length > 1 && itemIndex !== items.length - 1 && !lineContinuation) appendToLast('\n');
  });

  if (printDepth > 0 || blockDepthCount > 0 || commentDepth > 0 || insideQuotes) {
    throw new TsibleError(`failed at splitting arguments, either an unbalanced jinja2 block or quotes: ${args}`, {
      code: 'TSIBLE_ARGS_UNBALANCED',
      exitCode: ExitCode.parserError,
    });
  }
  return params;
}

/** Ansible's join_args(): puts split words back with their original separators. */
export function joinArgs(words: readonly string[]): string {
  let result = '';
  for (const word of words) result += result === '' || result.endsWith('\n') ? word : ` ${word}`;
  return result;
}
