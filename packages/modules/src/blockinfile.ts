import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from './support/file-attrs/common-options.js';
import { failed } from './support/remote/run-script.js';
import { blockinfileEdit, type BlockEditResult } from './edit/blockinfile-edit.js';
import { binaryToText, fromBinary, toBinary } from './edit/byte-lines.js';
import { attributeDiff, editAttributes, finishEdit, isAttributeRequest } from './edit/edit-flow.js';
import { PythonRegexError } from './edit/python-regex.js';
import { readTextFile } from './edit/text-file.js';

/** Ansible 2.14's blockinfile options. */
export const blockinfileSpec = {
  options: {
    path: { type: 'path', required: true, aliases: ['dest', 'destfile', 'name'] },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    marker: { type: 'str', default: '# {mark} ANSIBLE MANAGED BLOCK' },
    block: { type: 'str', default: '', aliases: ['content'] },
    insertafter: { type: 'str' },
    insertbefore: { type: 'str' },
    create: { type: 'bool', default: false },
    backup: { type: 'bool', default: false },
    validate: { type: 'str' },
    marker_begin: { type: 'str', default: 'BEGIN' },
    marker_end: { type: 'str', default: 'END' },
    // Added in ansible-core 2.16; accepted so newer playbooks run.
    append_newline: { type: 'bool', default: false },
    prepend_newline: { type: 'bool', default: false },
    ...fileCommonOptions,
  },
  mutually_exclusive: [['insertbefore', 'insertafter']],
} as const satisfies ArgumentSpec;

export type BlockinfileParams = ParamsOf<typeof blockinfileSpec>;

async function runBlockinfile(ctx: ModuleContext, params: BlockinfileParams): Promise<ModuleResult> {
  const attrs = editAttributes(params);
  if (!isAttributeRequest(attrs)) return attrs;
  const path = params.path;
  const read = await readTextFile(ctx, path, attrs, params.attributes);
  if (!read.ok) return failed(read.msg);
  const file = read.file;
  if (file.isDirectory) return failed(`Path ${path} is a directory !`, { rc: 256 });
  const exists = file.exists;
  if (!exists && !params.create) return failed(`Path ${path} does not exist !`, { rc: 257 });
  const present = params.state === 'present';
  if (!present && !exists) return { changed: false, msg: `File ${path} not present` };
  const original = file.content === null ? null : toBinary(file.content);
  let edit: BlockEditResult;
  try {
    edit = blockinfileEdit(original, { block: params.block, marker: params.marker, markerBegin: params.marker_begin, markerEnd: params.marker_end, present, insertafter: params.insertafter, insertbefore: params.insertbefore, appendNewline: params.append_newline, prependNewline: params.prepend_newline });
  } catch (err) {
    if (err instanceof PythonRegexError) return failed(`Invalid regular expression: ${err.message}`);
    throw err;
  }
  const contentDiff = {
    before: ctx.diffMode && original ? binaryToText(original) : '',
    after: ctx.diffMode ? binaryToText(edit.result) : '',
    before_header: `${path} (content)`,
    after_header: `${path} (content)`,
  };
  const finished = await finishEdit(ctx, file, { newContent: edit.changed ? fromBinary(edit.result) : null, msg: edit.msg, attrs, attributes: params.attributes, backup: params.backup && exists, validate: params.validate, makeParents: true });
  if (!finished.ok) return finished.result;
  if (ctx.checkMode && !exists) return { changed: edit.changed, msg: edit.msg, diff: contentDiff };
  const diff = [contentDiff, attributeDiff(path, finished.attributes)];
  return { changed: finished.changed, msg: finished.msg, diff, ...(finished.backupFile === null ? {} : { backup_file: finished.backupFile }) };
}

export const blockinfileModule: Module<typeof blockinfileSpec> = {
  name: 'blockinfile',
  spec: blockinfileSpec,
  supportsCheckMode: true,
  run: runBlockinfile,
};
