import { createHash } from 'node:crypto';
import type { ModuleContext } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { attrsCall, chmodWord, idsCall, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { attributeChanges, parseIds, type RequestedIds } from '../support/file-attrs/attrs-diff.js';
import { ABSENT, followed, type FileState, type PresentState } from '../support/file-state/file-state.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { validateAssignment, writeCall } from '../support/remote/atomic-write.js';
import { firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { dirname } from '../support/remote/paths.js';
import { remotePathWord } from '../support/remote-path.js';

/**
 * The target side of the editing modules (lineinfile, blockinfile, replace,
 * template): one exec reads the file and its facts, the edit is decided on the
 * controller, and a second exec writes the result atomically only when
 * something changes.
 */
export interface TextFileRead {
  /** The path as the user gave it (Ansible's messages and diff headers use it). */
  path: string;
  /** Where writes go: symlinks resolved, as Ansible's os.path.realpath. */
  realPath: string;
  /** The file's state after following symlinks. */
  state: FileState;
  /** Content of an existing regular file; null when the file does not exist. */
  content: Buffer | null;
  umask: number;
  ids: RequestedIds;
  /** The remote user's ids and names: what a newly created file gets. */
  user: { uid: number; gid: number; owner: string; group: string };
}

export type ReadOutcome = { ok: true; file: TextFileRead } | { ok: false; msg: string };

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

/** One exec: facts about PATH (followed), its real path, its content (base64), the user's ids. */
export async function readTextFile(ctx: ModuleContext, path: string, attrs: AttributeRequest): Promise<ReadOutcome> {
  const lines = [
    `ts_dest=${remotePathWord(path)}`,
    probeCall('d', '"$ts_dest"', { follow: true }),
    'ts_umask',
    `printf '@R\\t%s\\n' "$(readlink -f -- "$ts_dest" 2>/dev/null || printf '%s' "$ts_dest")"`,
    `printf '@I\\t%s\\t%s\\t%s\\t%s\\n' "$(id -u)" "$(id -g)" "$(id -un)" "$(id -gn)"`,
    `if [ -f "$ts_dest" ]; then`,
    `  [ -r "$ts_dest" ] || ts_fail "Permission denied: $ts_dest"`,
    `  printf '@B\\t'; base64 < "$ts_dest" | tr -d '\\n'; printf '\\n'`,
    'fi',
  ];
  if (attrs.owner !== null || attrs.group !== null) lines.push(idsCall(attrs));
  const outcome = await runFileScript(ctx, lines.join('\n'));
  if (outcome.failure !== undefined) return { ok: false, msg: outcome.failure };
  const state = followed(outcome.report.paths.get('d') ?? ABSENT);
  const encoded = firstRecord(outcome, '@B')?.[0];
  const [uid = '0', gid = '0', owner = '', group = ''] = firstRecord(outcome, '@I') ?? [];
  const realPath = firstRecord(outcome, '@R')?.[0] ?? path;
  return {
    ok: true,
    file: {
      path,
      realPath: realPath === '' ? path : realPath,
      state,
      content: encoded === undefined ? null : Buffer.from(encoded, 'base64'),
      umask: outcome.report.umask ?? 0o022,
      ids: parseIds(outcome.records),
      user: { uid: Number(uid), gid: Number(gid), owner: owner || uid, group: group || gid },
    },
  };
}

/** What a file about to be created will look like before its attributes are set. */
function presentOrNew(file: TextFileRead): PresentState {
  if (file.state.exists) return file.state;
  return {
    exists: true, type: 'file', mode: 0o666 & ~file.umask, uid: file.user.uid, gid: file.user.gid, owner: file.user.owner, group: file.user.group,
    size: 0, mtime: 0, atime: 0, ctime: 0, nlink: 1, inode: 0, dev: 0, blocks: 0, blockSize: 0, rdev: 0,
  };
}

export interface AttributeOutcome {
  changed: boolean;
  /** Ansible's attribute diff entries: {before: {mode: '0644'}, after: {mode: '0600'}} when something differs. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** Whether mode/owner/group differ from what the file has (or a new file would get). */
export function attributeOutcome(file: TextFileRead, attrs: AttributeRequest): AttributeOutcome {
  const diff = { before: { path: file.path }, after: { path: file.path } };
  const changed = attributeChanges(presentOrNew(file), attrs, file.umask, file.ids, diff);
  const strip = (side: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(side).filter(([key]) => key !== 'path'));
  return { changed, before: strip(diff.before), after: strip(diff.after) };
}

export interface WriteOptions {
  attrs: AttributeRequest;
  backup: boolean;
  validate: string | null;
  /** Create missing parent directories (lineinfile/blockinfile create=yes). */
  makeParents: boolean;
}

export type WriteOutcome = { ok: true; backupFile: string | null; after: FileState } | { ok: false; msg: string; validateRc?: number; stderr?: string };

/**
 * Second exec: writes CONTENT atomically to the real path with the requested
 * attributes, refusing if the file changed since it was read.
 */
export async function writeTextFile(ctx: ModuleContext, file: TextFileRead, content: Buffer, options: WriteOptions): Promise<WriteOutcome> {
  const lines = [`ts_dest=${shellQuote(file.realPath)}`];
  const expected = file.content === null ? '' : sha1(file.content);
  lines.push(`ts_now=''; if [ -f "$ts_dest" ]; then ts_now=$(ts_digest sha1 "$ts_dest"); fi`);
  lines.push(`[ "$ts_now" = ${shellQuote(expected)} ] || ts_fail "$ts_dest changed while it was being edited; nothing was written"`);
  if (options.makeParents) {
    const parent = dirname(file.realPath);
    if (parent !== '' && parent !== '.') lines.push(`[ -d ${shellQuote(parent)} ] || mkdir -p -- ${shellQuote(parent)} || ts_fail ${shellQuote(`Error creating ${parent}`)}`);
  }
  lines.push(validateAssignment(options.validate));
  lines.push(writeCall('"$ts_dest"', { mode: chmodWord(options.attrs.mode), owner: options.attrs.owner, group: options.attrs.group, backup: options.backup, source: '-' }));
  lines.push(probeCall('a', '"$ts_dest"', { follow: true }));
  const outcome = await runFileScript(ctx, lines.join('\n'), content);
  return writeResult(outcome);
}

function writeResult(outcome: ScriptOutcome): WriteOutcome {
  if (outcome.failure !== undefined) {
    const validateRc = firstRecord(outcome, '@v')?.[0];
    if (validateRc !== undefined) return { ok: false, msg: outcome.failure, validateRc: Number(validateRc), stderr: outcome.run.stderr.toString('utf8') };
    return { ok: false, msg: outcome.failure };
  }
  return { ok: true, backupFile: firstRecord(outcome, '@b')?.[0] ?? null, after: outcome.report.paths.get('a') ?? ABSENT };
}

/** Second exec when only mode/owner/group differ. */
export async function applyAttributes(ctx: ModuleContext, file: TextFileRead, attrs: AttributeRequest): Promise<{ ok: true } | { ok: false; msg: string }> {
  const outcome = await runFileScript(ctx, attrsCall(shellQuote(file.realPath), attrs));
  return outcome.failure === undefined ? { ok: true } : { ok: false, msg: outcome.failure };
}
