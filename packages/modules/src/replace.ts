import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from './support/file-attrs/common-options.js';
import { failed } from './support/remote/run-script.js';
import { editAttributes, finishEdit, isAttributeRequest } from './edit/edit-flow.js';
import { PythonRegexError } from './edit/python-regex.js';
import { replaceEdit, type ReplaceEditResult } from './edit/replace-edit.js';
import { nodeEncoding } from './edit/text-encoding.js';
import { readTextFile } from './edit/text-file.js';

/** Ansible 2.14's replace options. */
export const replaceSpec = {
  options: {
    path: { type: 'path', required: true, aliases: ['dest', 'destfile', 'name'] },
    regexp: { type: 'str', required: true },
    replace: { type: 'str', default: '' },
    after: { type: 'str' },
    before: { type: 'str' },
    backup: { type: 'bool', default: false },
    validate: { type: 'str' },
    encoding: { type: 'str', default: 'utf-8' },
    ...fileCommonOptions,
  },
} as const satisfies ArgumentSpec;

export type ReplaceParams = ParamsOf<typeof replaceSpec>;

async function runReplace(ctx: ModuleContext, params: ReplaceParams): Promise<ModuleResult> {
  const attrs = editAttributes(params);
  if (!isAttributeRequest(attrs)) return attrs;
  const encoding = nodeEncoding(params.encoding);
  if (encoding === null) return failed(`Unable to read the contents of ${params.path}: unknown encoding: ${params.encoding}`);
  const path = params.path;
  const read = await readTextFile(ctx, path, attrs, params.attributes);
  if (!read.ok) return failed(read.msg);
  const file = read.file;
  if (file.isDirectory) return failed(`Path ${path} is a directory !`, { rc: 256 });
  if (file.content === null) return failed(`Path ${path} does not exist !`, { rc: 257 });
  const contents = file.content.toString(encoding);
  let edit: ReplaceEditResult;
  try {
    edit = replaceEdit(contents, { regexp: params.regexp, replace: params.replace, after: params.after, before: params.before });
  } catch (err) {
    if (err instanceof PythonRegexError) return failed(`Invalid regular expression: ${err.message}`);
    throw err;
  }
  if (!edit.sectionFound) return { rc: 0, msg: `Pattern for before/after params did not match the given file: ${edit.pattern}`, changed: false };
  const diff = edit.changed && ctx.diffMode ? { diff: { before_header: path, before: contents, after_header: path, after: edit.result } } : {};
  const msg = edit.changed ? `${edit.count} replacements made` : '';
  const finished = await finishEdit(ctx, file, { newContent: edit.changed ? Buffer.from(edit.result, encoding) : null, msg, attrs, attributes: params.attributes, backup: params.backup, validate: params.validate, makeParents: false });
  if (!finished.ok) return finished.result;
  return { rc: 0, ...diff, ...(finished.backupFile === null ? {} : { backup_file: finished.backupFile }), msg: finished.msg, changed: finished.changed };
}

export const replaceModule: Module<typeof replaceSpec> = {
  name: 'replace',
  spec: replaceSpec,
  supportsCheckMode: true,
  run: runReplace,
};
