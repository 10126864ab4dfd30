import { shellQuote } from '@tsible/engine/connection/quote';

/**
 * sh setting VARIABLE to the path of PROGRAM as Ansible's get_bin_path finds
 * it: PATH, then /sbin, /usr/sbin and /usr/local/sbin when PATH lacks them.
 * When it is missing, `stop` (a sh function taking a message) ends the script
 * with Ansible's message.
 */
export function findProgram(variable: string, program: string, stop = 'ts_fail'): string {
  const name = shellQuote(program);
  return [
    `ts_paths=$PATH; for ts_x in /sbin /usr/sbin /usr/local/sbin; do case ":$PATH:" in *":$ts_x:"*) ;; *) ts_paths="$ts_paths:$ts_x" ;; esac; done`,
    `${variable}=$(PATH=$ts_paths command -v ${name}) || ${stop} "Failed to find required executable \\"${program.replaceAll('"', '')}\\" in paths: $ts_paths"`,
  ].join('\n');
}
