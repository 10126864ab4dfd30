import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, normalize } from 'node:path';
import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { md5, sha1 } from '../support/controller/digest.js';
import { controllerPath } from '../support/controller/find-source.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { basename } from '../support/remote/paths.js';
import { remotePathWord } from '../support/remote-path.js';

/** Ansible 2.14's fetch options. */
export const fetchSpec = {
  options: {
    // The action checks these itself, with its own message.
    src: { type: 'str' },
    dest: { type: 'str' },
    flat: { type: 'bool', default: false },
    fail_on_missing: { type: 'bool', default: true },
    validate_checksum: { type: 'bool', default: true, aliases: ['validate_md5'] },
  },
} as const satisfies ArgumentSpec;

export type FetchParams = ParamsOf<typeof fetchSpec>;

/** Files up to this size come back in the checking exec itself (base64); larger ones over the connection's get. */
export const INLINE_FETCH_BYTES = 1024 * 1024;


/** Where Ansible puts the file: dest/HOST/SRC, or dest itself (dest/NAME for a directory) when flat. */
export function fetchDestination(dest: string, src: string, flat: boolean, host: string): string {
  if (flat) return dest.endsWith('/') ? `${dest}${basename(src)}` : dest;
  return normalize(`${dest}/${host}/${src}`);
}

function readLocal(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function fetchScript(src: string, localChecksum: string): string {
  const p = remotePathWord(src);
  return [
    `if [ ! -e ${p} ]; then printf '@E\\t1\\n'`,
    `elif [ -d ${p} ]; then printf '@E\\t3\\n'`,
    `elif [ ! -r ${p} ]; then printf '@E\\t2\\n'`,
    `else`,
    `  ts_digest sha1 ${p} || ts_fail 'unable to calculate the checksum of the remote file'; ts_sum=$ts_d`,
    `  printf '@S\\t%s\\n' "$ts_sum"`,
    `  if [ "$ts_sum" != ${shellQuote(localChecksum)} ] && [ "$(stat -L -c %s -- ${p})" -le ${INLINE_FETCH_BYTES} ]; then printf '@B\\t%s\\n' "$(base64 < ${p} | tr -d '\\n')"; fi`,
    'fi',
  ].join('\n');
}

/**
 * Ansible's fetch outcomes for a source it cannot take: a directory fails on
 * its own; a missing or unreadable file fails the way the slurp it runs does
 * (with that slurp's invocation), unless fail_on_missing is off.
 */
function unavailable(problem: string, params: { src: string; fail_on_missing: boolean }): ModuleResult {
  if (problem === '3') {
    const msg = 'remote file is a directory, fetch cannot work on directories';
    return params.fail_on_missing ? { failed: true, changed: false, msg } : { msg: `${msg}, not transferring, ignored` };
  }
  const msg = problem === '1' ? 'the remote file does not exist, not transferring, ignored' : `file is not readable: ${params.src}`;
  if (!params.fail_on_missing) return { changed: false, file: params.src, msg };
  return { changed: false, failed: true, msg, invocation: { module_args: { src: params.src } } };
}

/** Writes the fetched bytes next to their place first, so a partial file never shows. */
function writeAtomically(path: string, data: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tsible-${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    throw err;
  }
}

async function runFetch(ctx: ModuleContext, rawParams: FetchParams): Promise<ModuleResult> {
  if (ctx.checkMode) return { changed: false, skipped: true, msg: 'check mode not (yet) supported for this module' };
  if (rawParams.src === null || rawParams.dest === null) return failed('src and dest are required');
  const params = { ...rawParams, src: rawParams.src, dest: rawParams.dest };
  const host = ctx.controller?.inventoryHostname ?? ctx.connection.host;
  const provisional = controllerPath(ctx, fetchDestination(params.dest, params.src, params.flat, host));
  const local = readLocal(provisional);
  const outcome = await runFileScript(ctx, fetchScript(params.src, local === null ? '' : sha1(local)));
  if (outcome.failure !== undefined) return failed(outcome.failure);
  const problem = firstRecord(outcome, '@E')?.[0];
  if (problem !== undefined) return unavailable(problem, params);
  const remoteChecksum = firstRecord(outcome, '@S')?.[0] ?? '';
  const dest = provisional;
  if (local !== null && sha1(local) === remoteChecksum) {
    return { changed: false, md5sum: md5(local), file: params.src, dest, checksum: remoteChecksum };
  }
  const inline = firstRecord(outcome, '@B')?.[0];
  const data = inline !== undefined ? Buffer.from(inline, 'base64') : await ctx.connection.get(params.src);
  const newChecksum = sha1(data);
  if (params.validate_checksum && newChecksum !== remoteChecksum) {
    return failed('checksum mismatch', { file: params.src, dest, remote_checksum: remoteChecksum, checksum: newChecksum, remote_md5sum: null });
  }
  writeAtomically(dest, data);
  return { changed: true, md5sum: md5(data), dest, remote_md5sum: null, checksum: newChecksum, remote_checksum: remoteChecksum };
}

export const fetchModule: Module<typeof fetchSpec> = {
  name: 'fetch',
  spec: fetchSpec,
  supportsCheckMode: true,
  // An action on the controller, like Ansible's: its result has no `invocation`.
  bareAction: true,
  run: runFetch,
};
