import { randomBytes } from 'node:crypto';
import { shellQuote } from '../quote.js';

/** Up to this size the `read` builtin beats starting dd (measured with dash). */
const LINE_READ_MAX_BYTES = 3072;

/**
 * Scripts travel on stdin, never in argv, so nothing a module puts into its
 * script shows up in the target's process list. The command line is fixed
 * text; the script follows on stdin.
 *
 * Without a payload (the request has no stdin) and over a pipe, `sh -s`
 * reads the script itself, wrapped in `{ … } </dev/null`: sh parses the
 * whole group before it runs any of it, and its commands read an empty
 * stdin instead of the rest of the script. No extra process.
 *
 * With a payload, or on a terminal (su), a loader reads a header line
 * (script length, a one-off token, the payload length), the script and a
 * last line `#token`; the payload follows. The loader must not read one byte
 * past the script (sh -s reads its input in blocks and would swallow the
 * payload). The `read` builtin reads byte by byte: no process to start, so
 * small scripts are read that way. Larger ones come through
 * `dd bs=N count=1`, one read(2) of at most N bytes; a short read (a pipe or
 * terminal delivering in pieces) shows as a missing token line, and the rest
 * is read the same way. Command substitution would drop trailing newlines,
 * hence the `echo .` guard.
 */
const READ_SCRIPT = [
  'read -r n t p||exit 125',
  'nl="\n";s=;r=',
  `if [ "$n" -le ${LINE_READ_MAX_BYTES} ];then`,
  'while IFS= read -r r;do [ "$r" = "#$t" ]&&break;s=$s$r$nl;done',
  'else',
  's=$(dd bs=$n count=1 2>/dev/null;echo .);s=${s%.}',
  'until case $s in *"$nl#$t$nl")true;;*)false;;esac;do',
  'r=$(dd bs=$((n-$(printf %s "$s"|wc -c))) count=1 2>/dev/null;echo .)',
  '[ "$r" = . ]&&break',
  's=$s${r%.};done',
  'case $s in *"$nl#$t$nl")r=#$t;;esac',
  'fi',
  '[ "$r" = "#$t" ]||{ echo "tsible: the script on stdin ended early" >&2;exit 125;}',
  // The script sees none of the loader's variables.
  'u="unset n t p nl r s u\n"',
].join('\n');

/** Over a pipe, the payload simply follows the script. */
const RUN_FROM_PIPE = 'eval "$u$s"';

/**
 * A terminal (su) is in raw mode so bytes pass unchanged, but it has no end
 * of input: the payload is counted out to the script through a pipe.
 */
const RUN_FROM_TERMINAL = 'if [ "$p" -gt 0 ];then dd bs=1 count=$p 2>/dev/null|eval "$u$s";else eval "$u$s" </dev/null;fi';

/** The fixed command line that reads a framed script from stdin and runs it with sh. */
export function loaderLine(terminal: boolean): string {
  return `exec sh -c ${shellQuote(`${READ_SCRIPT}\n${terminal ? RUN_FROM_TERMINAL : RUN_FROM_PIPE}`)}`;
}

/** The bytes to write to the loader's stdin: header, script, then the payload. */
export function frameScript(script: Buffer, payload: Buffer | undefined, token = randomBytes(12).toString('hex')): Buffer {
  const body = Buffer.concat([script, Buffer.from(`\n#${token}\n`)]);
  const rest = payload ?? Buffer.alloc(0);
  return Buffer.concat([Buffer.from(`${body.length} ${token} ${rest.length}\n`), body, rest]);
}

/** The command line for a script without payload over a pipe: sh reads it from stdin itself. */
export const GROUPED_SCRIPT_LINE = 'exec sh -s';

/** What `sh -s` reads: the script as one brace group with an empty stdin. */
export function groupScript(script: Buffer): Buffer {
  return Buffer.concat([Buffer.from('{\n'), script, Buffer.from('\n} </dev/null\n')]);
}
