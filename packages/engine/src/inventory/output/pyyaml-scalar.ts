/**
 * How PyYAML (yaml.dump, block style, allow_unicode) writes one string:
 * plain when it cannot be read back as something else, otherwise single
 * quoted, or double quoted with escapes for special characters; long
 * plain and single-quoted text wraps at 80 columns like PyYAML's emitter.
 */
const BEST_WIDTH = 80;
const BREAKS = '\n\x85\u2028\u2029';
const SPACE_OR_BREAK = '\0 \t\r\n\x85\u2028\u2029';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** Would a plain scalar with this text be read back as a string? */
function resolvesToString(text: string): boolean {
  return !(BOOL.test(text) || FLOAT.test(text) || INT.test(text) || NULL.test(text) || TIMESTAMP.test(text) || text === '<<' || text === '=');
}

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  if (ch === '\n' || (c >= 0x20 && c <= 0x7e)) return true;
  return (c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c < 0x10ffff)) && c !== 0xfeff;
}

function analyze(text: string): Analysis {
  if (!text) return { empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true };
  const chars = [...text];
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  if (text.startsWith('---') || text.startsWith('...')) blockIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || SPACE_OR_BREAK.includes(chars[1] as string);
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!isPrintable(ch)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = SPACE_OR_BREAK.includes(ch);
    followedByWhitespace = i + 2 >= chars.length || SPACE_OR_BREAK.includes(chars[i + 2] as string);
  }
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowBlockPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted };
}

/** Tracks the emitter's column while a scalar is written. */
class Writer {
  out = '';
  whitespace = true;
  indention = false;
  constructor(
    public column: number,
    private readonly indent: number,
  ) {}
  write(data: string): void {
    this.whitespace = false;
    this.indention = false;
    this.out += data;
    this.column += [...data].length;
  }
  lineBreak(): void {
    this.out += '\n';
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
  }
  writeIndent(): void {
    if (!this.indention || this.column > this.indent || (this.column === this.indent && !this.whitespace)) this.lineBreak();
    if (this.column < this.indent) {
      this.whitespace = true;
      this.out += ' '.repeat(this.indent - this.column);
      this.column = this.indent;
    }
  }
}

function writePlain(w: Writer, text: string, split: boolean): void {
  const chars = [...text];
  let spaces = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH && split) {
          w.writeIndent();
          w.whitespace = false;
          w.indention = false;
        } else w.write(chars.slice(start, end).join(''));
        start = end;
      }
    } else if (ch === undefined || ' \n\x85\u2028\u2029'.includes(ch)) {
      w.write(chars.slice(start, end).join(''));
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
}

function writeSingleQuoted(w: Writer, text: string, split: boolean): void {
  w.write("'");
  const chars = [...text];
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch === undefined || ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) w.writeIndent();
        else w.write(chars.slice(start, end).join(''));
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        if (chars[start] === '\n') w.lineBreak();
        for (const br of chars.slice(start, end)) {
          if (br === '\n') w.lineBreak();
          else {
            w.out += br;
            w.whitespace = true;
            w.indention = true;
            w.column = 0;
          }
        }
        w.writeIndent();
        start = end;
      }
    } else if (ch === undefined || ' \n\x85\u2028\u2029'.includes(ch) || ch === "'") {
      if (start < end) {
        w.write(chars.slice(start, end).join(''));
        start = end;
      }
    }
    if (ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  w.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\x09': 't', '\x0A': 'n', '\x0B': 'v', '\x0C': 'f', '\x0D': 'r', '\x1B': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xA0': '_', '\u2028': 'L', '\u2029': 'P',
};

function writeDoubleQuoted(w: Writer, text: string): void {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const plain = (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
    if (plain && !'"\\\x85\u2028\u2029\uFEFF'.includes(ch)) out += ch;
    else if (ESCAPES[ch] !== undefined) out += `\\${ESCAPES[ch]}`;
    else if (c <= 0xff) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${c.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  w.write(`${out}"`);
}

/**
 * The scalar as PyYAML writes it, starting at `column`, with continuation
 * lines indented to `indent`. `simpleKey` is true for mapping keys.
 */
export function pyyamlString(text: string, column: number, indent: number, simpleKey = false): string {
  const a = analyze(text);
  const w = new Writer(column, indent);
  const plainOk = resolvesToString(text) && !(simpleKey && (a.empty || a.multiline)) && a.allowBlockPlain;
  if (plainOk) writePlain(w, text, !simpleKey);
  else if (a.allowSingleQuoted && !(simpleKey && a.multiline)) writeSingleQuoted(w, text, !simpleKey);
  else writeDoubleQuoted(w, text);
  return w.out;
}
