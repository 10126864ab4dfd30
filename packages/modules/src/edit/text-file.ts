import { createHash } from 'node:crypto';
import type { ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { attrsCall, chmodWord, idsCall, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { attributeChanges, parseIds, type RequestedIds } from '../support/file-attrs/attrs-diff.js';
import { ABSENT, followed, type FileState, type PresentState } from '../support/file-state/file-state.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { hasAttributes } from '../support/file-attrs/common-options.js';
import { chattrCall, chattrFailure, flagsChange } from '../support/file-attrs/flags.js';
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
  /** Whether something is at the path (after following symlinks), and whether it is a directory. */
  exists: boolean;
  isDirectory: boolean;
  /** Its stat after following symlinks: read only when mode/owner/group are requested or the path is a symlink. */
  state: PresentState | undefined;
  /** chattr flags the `attributes` option would change on the existing file: before, and what was asked. */
  flags: { before: string; after: string } | undefined;
  /** Content of an existing regular file; null when the file does not exist. */
  content: Buffer | null;
  umask: number;
  ids: RequestedIds;
  /** The remote user's ids and names: what a newly created file gets (known when the file is missing). */
  user: { uid: number; gid: number; owner: string; group: string };
}

export type ReadOutcome = { ok: true; file: TextFileRead } | { ok: false; msg: string };

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

/** `id`'s "uid=0(root) gid=0(root) ..." as numbers and names (a name falls back to the number). */
function parseId(text: string): TextFileRead['user'] {
  const part = (key: string): { id: number; name: string } => {
    const match = new RegExp(`\\b${key}=(\\d+)(?:\\(([^)]*)\\))?`).exec(text);
    return { id: Number(match?.[1] ?? 0), name: match?.[2] ?? match?.[1] ?? '' };
  };
  const uid = part('uid');
  const gid = part('gid');
  return { uid: uid.id, gid: gid.id, owner: uid.name, group: gid.name };
}

/** Facts about PATH when its attributes matter: the full probe, umask, the user's ids for a new file. */
function attributeLines(attrs: AttributeRequest): string[] {
  const lines = [probeCall('d', '"$ts_dest"', { follow: true }), 'ts_umask', `[ -e "$ts_dest" ] || printf '@I\\t%s\\n' "$(id)"`];
  if (attrs.owner !== null || attrs.group !== null) lines.push(idsCall(attrs));
  return lines;
}

/** Without attributes to compare, shell tests say enough (no stat); a symlink still gets probed for where it leads. */
const KIND_LINES = [
  `if [ -L "$ts_dest" ]; then ${probeCall('d', '"$ts_dest"', { follow: true })}`,
  `elif [ -d "$ts_dest" ]; then printf '@k\\tdirectory\\n'`,
  `elif [ -e "$ts_dest" ]; then printf '@k\\tpresent\\n'; fi`,
];

/**
 * One exec: what is at PATH and its content (raw, after the records); its
 * stat, the umask and the user's ids only when mode/owner/group are requested.
 * The common case forks nothing: the script ends by becoming `cat`.
 */
export async function readTextFile(ctx: ModuleContext, path: string, attrs: AttributeRequest, attributes: string | null): Promise<ReadOutcome> {
  const lines = [
    `ts_dest=${remotePathWord(path)}`,
    ...(hasAttributes(attrs) ? attributeLines(attrs) : KIND_LINES),
    ...(attributes === null ? [] : [`if [ -e "$ts_dest" ]; then ${chattrCall('"$ts_dest"', attributes, true)}; fi`]),
    `if [ -f "$ts_dest" ]; then`,
    `  [ -r "$ts_dest" ] || ts_fail "Permission denied: $ts_dest"`,
    '  ts_send_file "$ts_dest"',
    'fi',
  ];
  const outcome = await runFileScript(ctx, lines.join('\n'));
  if (outcome.failure !== undefined) return { ok: false, msg: outcome.failure };
  const own = outcome.report.paths.get('d') ?? ABSENT;
  const followedState = followed(own);
  const kind = firstRecord(outcome, '@k')?.[0];
  const exists = followedState.exists || kind !== undefined;
  // Writes go through a symlink to where it leads, as Ansible's os.path.realpath.
  const realPath = own.exists && own.type === 'link' && own.realPath ? own.realPath : path;
  return {
    ok: true,
    file: {
      path,
      realPath,
      exists,
      isDirectory: kind === 'directory' || (followedState.exists && followedState.type === 'directory'),
      state: followedState.exists ? followedState : undefined,
      flags: flagsChange(outcome),
      content: outcome.payload ?? null,
      umask: outcome.report.umask ?? 0o022,
      ids: parseIds(outcome.records),
      // Printed only when the file is missing: the only case that needs it.
      user: parseId(firstRecord(outcome, '@I')?.[0] ?? ''),
    },
  };
}

/** What a file about to be created will look like before its attributes are set. */
function presentOrNew(file: TextFileRead): PresentState {
  if (file.state !== undefined) return file.state;
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
  const flags = file.flags === undefined ? {} : { before: { attributes: file.flags.before }, after: { attributes: file.flags.after } };
  if (!hasAttributes(attrs)) return { changed: file.flags !== undefined, before: flags.before ?? {}, after: flags.after ?? {} };
  const diff = { before: { path: file.path, ...flags.before }, after: { path: file.path, ...flags.after } };
  const changed = attributeChanges(presentOrNew(file), attrs, file.umask, file.ids, diff) || file.flags !== undefined;
  const strip = (side: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(side).filter(([key]) => key !== 'path'));
  return { changed, before: strip(diff.before), after: strip(diff.after) };
}

export interface WriteOptions {
  attrs: AttributeRequest;
  backup: boolean;
  validate: string | null;
  /** Create missing parent directories (lineinfile/blockinfile create=yes). */
  makeParents: boolean;
  attributes: string | null;
}

export type WriteOutcome = { ok: true; backupFile: string | null; after: FileState; flags: { before: string; after: string } | undefined } | { ok: false; msg: string; validateRc?: number; stderr?: string; refused?: ModuleResult };

/**
 * Second exec: writes CONTENT atomically to the real path with the requested
 * attributes, refusing if the file changed since it was read.
 */
export async function writeTextFile(ctx: ModuleContext, file: TextFileRead, content: Buffer, options: WriteOptions): Promise<WriteOutcome> {
  const lines = [`ts_dest=${remotePathWord(file.realPath)}`];
  const expected = file.content === null ? '' : sha1(file.content);
  lines.push(`ts_now=''; if [ -f "$ts_dest" ] && ts_digest sha1 "$ts_dest"; then ts_now=$ts_d; fi`);
  lines.push(`[ "$ts_now" = ${shellQuote(expected)} ] || ts_fail "$ts_dest changed while it was being edited; nothing was written"`);
  if (options.makeParents) {
    const parent = dirname(file.realPath);
    if (parent !== '' && parent !== '.') lines.push(`[ -d ${remotePathWord(parent)} ] || mkdir -p -- ${remotePathWord(parent)} || ts_fail ${shellQuote(`Error creating ${parent}`)}`);
  }
  lines.push(validateAssignment(options.validate));
  lines.push(writeCall('"$ts_dest"', { mode: chmodWord(options.attrs.mode), owner: options.attrs.owner, group: options.attrs.group, backup: options.backup, source: '-' }));
  if (options.attributes !== null) lines.push(chattrCall('"$ts_dest"', options.attributes, false));
  lines.push(probeCall('a', '"$ts_dest"', { follow: true }));
  const outcome = await runFileScript(ctx, lines.join('\n'), content);
  return writeResult(outcome);
}

function writeResult(outcome: ScriptOutcome): WriteOutcome {
  if (outcome.failure !== undefined) {
    const refused = chattrFailure(outcome);
    if (refused !== undefined) return { ok: false, msg: outcome.failure, refused };
    const validateRc = firstRecord(outcome, '@v')?.[0];
    if (validateRc !== undefined) return { ok: false, msg: outcome.failure, validateRc: Number(validateRc), stderr: outcome.run.stderr.toString('utf8') };
    return { ok: false, msg: outcome.failure };
  }
  return { ok: true, backupFile: firstRecord(outcome, '@b')?.[0] ?? null, after: outcome.report.paths.get('a') ?? ABSENT, flags: flagsChange(outcome) };
}

/** Second exec when only mode/owner/group differ. */
export async function applyAttributes(ctx: ModuleContext, file: TextFileRead, attrs: AttributeRequest, attributes: string | null): Promise<{ ok: true } | { ok: false; msg: string; refused?: ModuleResult }> {
  const word = remotePathWord(file.realPath);
  const flags = attributes === null ? [] : [chattrCall(word, attributes, false)];
  const outcome = await runFileScript(ctx, [attrsCall(word, attrs), ...flags].join('\n'));
  if (outcome.failure === undefined) return { ok: true };
  const refused = chattrFailure(outcome);
  return refused === undefined ? { ok: false, msg: outcome.failure } : { ok: false, msg: outcome.failure, refused: { ...refused, path: file.path } };
}
