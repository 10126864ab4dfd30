import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { attributeChanges, parseIds } from '../support/file-attrs/attrs-diff.js';
import { ABSENT, followed } from '../support/file-state/file-state.js';
import { pathInfo } from '../support/file-state/path-info.js';
import { failed, firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { editAttributes, isAttributeRequest } from '../edit/edit-flow.js';
import { DownloaderOptionError, downloaderConfig, downloaderFunctions, needsWgetConfig } from './downloader.js';
import { downloadScript } from './get-url-script.js';
import { getUrlSpec, type GetUrlParams } from './get-url-spec.js';
import { checksumFromList, parseChecksumOption, type ChecksumOption } from './checksum.js';

const HTTP_REASONS: Readonly<Record<number, string>> = { 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** The file name a download gets inside a destination directory: the URL's last path part. */
function urlFileName(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/^[a-z]+:\/\/[^/]*/i, '');
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  return name === '' ? 'index.html' : name;
}

function status(outcome: ScriptOutcome): { code: number; rc: number; error: string; reason: string } {
  const [code = '0', rc = '0'] = firstRecord(outcome, '@s') ?? [];
  const reason = firstRecord(outcome, '@n')?.[0] ?? '';
  return { code: Number(code), rc: Number(rc), error: (firstRecord(outcome, '@e')?.[0] ?? '').trim(), reason: reason === '' ? (HTTP_REASONS[Number(code)] ?? 'Error') : reason };
}

/** A checksum given as a URL: fetched on the target first (its own exec), then read like a sha256sum file. */
type Digest = { algorithm: string; digest: string };

async function resolveChecksum(ctx: ModuleContext, params: GetUrlParams, option: ChecksumOption, stdin: Buffer): Promise<{ digest: Digest | null } | { failure: ModuleResult }> {
  if (option === null) return { digest: null };
  if (option.kind === 'digest') return { digest: option };
  const body = `${downloaderFunctions(needsWgetConfig(params))}\nts_dl_setup\nts_dl=$(mktemp "\${TMPDIR:-/tmp}/.tsible_sum.XXXXXXXX")\nts_fetch ${shellQuote(option.url)} "$ts_dl"\nprintf '@L\\t%s\\n' "$(base64 < "$ts_dl" | tr -d '\\n')"`;
  const outcome = await runFileScript(ctx, body, stdin);
  if (outcome.failure !== undefined) return { failure: failed(outcome.failure) };
  const got = status(outcome);
  if (got.rc !== 0 || got.code >= 400) return { failure: failed(`Request failed: ${got.error || `HTTP Error ${got.code}`}`, { url: option.url }) };
  const list = Buffer.from(firstRecord(outcome, '@L')?.[0] ?? '', 'base64').toString('utf8');
  const digest = checksumFromList(list, urlFileName(params.url));
  if (digest === null) return { failure: failed(`Unable to find a checksum for file '${urlFileName(params.url)}' in '${option.url}'`) };
  return { digest: { algorithm: option.algorithm, digest } };
}

async function runGetUrl(ctx: ModuleContext, params: GetUrlParams): Promise<ModuleResult> {
  const attrs = editAttributes(params);
  if (!isAttributeRequest(attrs)) return attrs;
  const checksumOption = parseChecksumOption(params.checksum);
  if ('error' in checksumOption) return failed(checksumOption.error);
  let stdin: Buffer;
  try {
    stdin = downloaderConfig(params);
  } catch (err) {
    if (err instanceof DownloaderOptionError) return failed(err.message);
    throw err;
  }
  const checksum = await resolveChecksum(ctx, params, checksumOption.value, stdin);
  if ('failure' in checksum) return checksum.failure;
  const started = Date.now();
  const outcome = await runFileScript(ctx, downloadScript({
    url: params.url, dest: params.dest, urlName: urlFileName(params.url), checksum: checksum.digest,
    force: params.force, backup: params.backup, attrs, checkMode: ctx.checkMode, wgetConfigRequired: needsWgetConfig(params),
  }), stdin);
  const elapsed = Math.round((Date.now() - started) / 1000);
  const dest = firstRecord(outcome, '@D')?.[0] ?? params.dest;
  const base = { url: params.url, dest, elapsed };
  const have = firstRecord(outcome, '@H')?.[0] ?? '';
  // What Ansible reports about a download: the old file's sha1 (null when there was none), the new one's, where it landed.
  const downloaded = (sha1: string): ModuleResult => ({ checksum_dest: have === '' ? null : have, checksum_src: sha1, src: firstRecord(outcome, '@P')?.[0] ?? '' });
  if (outcome.failure !== undefined) {
    const sha1 = firstRecord(outcome, '@S')?.[0];
    return failed(outcome.failure, { ...base, ...(sha1 === undefined ? {} : { changed: true, ...downloaded(sha1) }) });
  }
  const before = followed(outcome.report.paths.get('d') ?? ABSENT);
  const after = outcome.report.paths.get('a') ?? ABSENT;
  const attributesChanged = before.exists ? attributeChanges(before, attrs, outcome.report.umask ?? 0o022, parseIds(outcome.records)) : false;
  if (outcome.records.has('@K')) {
    return { ...base, changed: attributesChanged, msg: attributesChanged ? 'file already exists but file attributes changed' : 'file already exists', ...pathInfo(ctx.checkMode ? before : after) };
  }
  const got = status(outcome);
  if (got.rc !== 0) return failed(`Request failed: ${got.error}`, { ...base, status_code: got.code === 0 ? -1 : got.code });
  if (got.code === 304) return { ...base, changed: false, msg: `HTTP Error 304: ${got.reason}`, status_code: 304, ...pathInfo(before) };
  if (got.code >= 400) return failed('Request failed', { ...base, status_code: got.code, response: `HTTP Error ${got.code}: ${got.reason}` });
  const [sha1 = '', size = '0'] = firstRecord(outcome, '@S') ?? [];
  const written = outcome.records.has('@W');
  const backup = firstRecord(outcome, '@b')?.[0];
  const result: ModuleResult = {
    ...base,
    changed: written || attributesChanged,
    msg: `OK (${size} bytes)`,
    status_code: got.code,
    ...downloaded(sha1),
    md5sum: firstRecord(outcome, '@M')?.[0] ?? null,
    ...(backup === undefined ? {} : { backup_file: backup }),
    ...pathInfo(ctx.checkMode ? before : after),
  };
  return result;
}

export const getUrlModule: Module<typeof getUrlSpec> = {
  name: 'get_url',
  spec: getUrlSpec,
  supportsCheckMode: true,
  run: runGetUrl,
};

