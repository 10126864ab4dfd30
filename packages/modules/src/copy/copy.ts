import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { pythonJsonDumps } from '@tsible/engine/template/python/json-dumps';
import { chmodWord, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { attributeRequest } from '../support/file-attrs/common-options.js';
import { ModeError, parseModeOption } from '../support/file-attrs/mode.js';
import { findControllerSource, notOnControllerMessage, searchedPaths } from '../support/controller/find-source.js';
import { joinPath } from '../support/remote/paths.js';
import { failed, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { copyFile, type CopyFileRequest } from './copy-file.js';
import { copyRemoteTree } from './remote-tree.js';
import { copySpec, type CopyParams } from './copy-spec.js';
import { walkLocalTree } from './copy-tree.js';

/** Ansible's content: text as given, other data as Python's json.dumps writes it. */
function contentBytes(content: unknown): Buffer {
  return Buffer.from(typeof content === 'string' ? content : pythonJsonDumps(content), 'utf8');
}

/** mode=preserve takes the source file's mode. */
function attrsFor(params: CopyParams, sourceMode: number | null): AttributeRequest {
  if (params.mode === 'preserve') return { mode: sourceMode === null ? null : { kind: 'octal', mode: sourceMode }, owner: params.owner, group: params.group };
  return attributeRequest(params);
}

function notFound(ctx: ModuleContext, src: string): ModuleResult {
  const msg = notOnControllerMessage(src);
  const searched = src.startsWith('/') ? [src] : searchedPaths(ctx, src);
  return failed(msg, { exception: `AnsibleFileNotFound: ${msg}\nSearched in:\n${searched.map((p) => `\t${p}`).join('\n')}` });
}

async function runCopy(ctx: ModuleContext, params: CopyParams): Promise<ModuleResult> {
  if (params.src !== null && params.content !== null) return failed('src and content are mutually exclusive');
  if (params.src === null && params.content === null) return failed('src (or content) is required');
  if (params.content !== null && params.dest.endsWith('/')) return failed('can not use content with a dir as dest');
  if (params.validate !== null && !params.validate.includes('%s')) return failed(`validate must contain %s: ${params.validate}`);
  let directoryMode: string;
  try {
    directoryMode = chmodWord(parseModeOption(params.directory_mode));
    if (params.mode !== 'preserve') attributeRequest(params);
  } catch (err) {
    if (err instanceof ModeError) return failed('mode must be in octal or symbolic form', { details: err.message });
    throw err;
  }
  const common = { attributes: params.attributes, expectedChecksum: params.checksum, backup: params.backup, force: params.force, follow: params.follow, validate: params.validate, makeParents: params.dest.endsWith('/') ? directoryMode : null };
  if (params.remote_src) {
    const src = params.src ?? '';
    if (await isRemoteDirectory(ctx, src)) return copyRemoteTree(ctx, { src, dest: params.dest, attrs: attrsFor(params, null), directoryMode });
    return copyFile(ctx, { ...common, dest: params.dest, nameInDirectory: basename(src), content: null, remoteSource: src, srcLabel: src, afterHeader: src, attrs: attrsFor(params, null) });
  }
  if (params.content !== null) {
    return copyFile(ctx, { ...common, dest: params.dest, nameInDirectory: null, content: contentBytes(params.content), srcLabel: params.dest, afterHeader: 'dynamically generated', attrs: attrsFor(params, null) });
  }
  const src = params.src ?? '';
  const found = findControllerSource(ctx, src.endsWith('/') ? src.slice(0, -1) || '/' : src);
  if (found === null) return notFound(ctx, src);
  const st = statSync(found);
  if (st.isDirectory()) return copyTree(ctx, params, found + (src.endsWith('/') ? '/' : ''), directoryMode, common);
  const content = await readSource(ctx, params, found);
  if (!Buffer.isBuffer(content)) return content;
  const request: CopyFileRequest = {
    ...common,
    dest: params.dest,
    nameInDirectory: params._original_basename ?? basename(found),
    content,
    srcLabel: found,
    afterHeader: found,
    attrs: attrsFor(params, st.mode & 0o7777),
  };
  return copyFile(ctx, request);
}

async function isRemoteDirectory(ctx: ModuleContext, src: string): Promise<boolean> {
  const outcome = await runFileScript(ctx, `if [ -d ${remotePathWord(src)} ]; then printf '@d\\n'; fi`);
  return outcome.records.has('@d');
}

/** A controller file's bytes, vault-decrypted unless decrypt=no; a failed result when it cannot be decrypted. */
async function readSource(ctx: ModuleContext, params: CopyParams, path: string): Promise<Buffer | ModuleResult> {
  const data = readFileSync(path);
  const decrypt = ctx.controller?.decryptIfVaulted;
  if (!params.decrypt || decrypt === undefined) return data;
  try {
    return await decrypt(data, path);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

/** A controller directory: its directories first (one exec), then each file. */
async function copyTree(ctx: ModuleContext, params: CopyParams, src: string, directoryMode: string, common: Omit<CopyFileRequest, 'dest' | 'nameInDirectory' | 'content' | 'srcLabel' | 'afterHeader' | 'attrs'>): Promise<ModuleResult> {
  const tree = walkLocalTree(src, params.local_follow);
  let changed = false;
  if (tree.directories.length > 0) {
    const mkdirs = tree.directories.map((rel) => {
      const word = remotePathWord(joinPath(params.dest, rel));
      return `if [ ! -d ${word} ]; then mkdir -p -- ${word} || ts_fail "could not create directory"; ${directoryMode === "''" ? '' : `chmod ${directoryMode} ${word};`} printf '@c\\n'; fi`;
    });
    if (!ctx.checkMode) {
      const made = await runFileScript(ctx, mkdirs.join('\n'));
      if (made.failure !== undefined) return failed(made.failure, { dest: params.dest, src: params.src });
      changed = made.records.has('@c');
    }
  }
  for (const file of tree.files) {
    const content = await readSource(ctx, params, file.full);
    if (!Buffer.isBuffer(content)) return content;
    const result = await copyFile(ctx, {
      ...common,
      makeParents: directoryMode,
      dest: joinPath(params.dest, file.rel),
      nameInDirectory: null,
      content,
      srcLabel: file.full,
      afterHeader: file.full,
      attrs: attrsFor(params, file.mode),
    });
    if (result.failed === true) return result;
    changed ||= result.changed === true;
  }
  return { changed, dest: params.dest, src: params.src };
}

export const copyModule: Module<typeof copySpec> = {
  name: 'copy',
  spec: copySpec,
  supportsCheckMode: true,
  run: runCopy,
};
