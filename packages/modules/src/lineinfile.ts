import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from './support/file-attrs/common-options.js';
import { failed } from './support/remote/run-script.js';
import { binaryToText, fromBinary, toBinary } from './edit/byte-lines.js';
import { attributeDiff, editAttributes, finishEdit, isAttributeRequest } from './edit/edit-flow.js';
import { lineinfileAbsent, lineinfilePresent, type LineEditResult } from './edit/lineinfile-edit.js';
import { PythonRegexError } from './edit/python-regex.js';
import { readTextFile } from './edit/text-file.js';

/** Ansible 2.14's lineinfile options. */
export const lineinfileSpec = {
  options: {
    path: { type: 'path', required: true, aliases: ['dest', 'destfile', 'name'] },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    regexp: { type: 'str', aliases: ['regex'] },
    search_string: { type: 'str' },
    line: { type: 'str', aliases: ['value'] },
    insertafter: { type: 'str' },
    insertbefore: { type: 'str' },
    backrefs: { type: 'bool', default: false },
    create: { type: 'bool', default: false },
    backup: { type: 'bool', default: false },
    firstmatch: { type: 'bool', default: false },
    validate: { type: 'str' },
    ...fileCommonOptions,
  },
  mutually_exclusive: [['insertbefore', 'insertafter'], ['regexp', 'search_string'], ['backrefs', 'search_string']],
} as const satisfies ArgumentSpec;

export type LineinfileParams = ParamsOf<typeof lineinfileSpec>;

function emptyPatternWarning(params: LineinfileParams): string[] {
  if (params.regexp !== '' && params.search_string !== '') return [];
  const name = params.regexp === '' ? 'regular expression' : 'search string';
  let msg = `The ${name} is an empty string, which will match every line in the file. This may have unintended consequences, such as replacing the last line in the file rather than appending.`;
  if (params.regexp === '') msg += " If this is desired, use '^' to match every line in the file and avoid this warning.";
  return [msg];
}

async function runLineinfile(ctx: ModuleContext, params: LineinfileParams): Promise<ModuleResult> {
  const warnings = emptyPatternWarning(params);
  const withWarnings = (result: ModuleResult): ModuleResult => (warnings.length > 0 ? { ...result, warnings } : result);
  const attrs = editAttributes(params);
  if (!isAttributeRequest(attrs)) return attrs;
  const path = params.path;
  const present = params.state === 'present';
  if (present && params.backrefs && params.regexp === null) return failed('regexp is required with backrefs=true');
  if (present && params.line === null) return failed('line is required with state=present');
  if (!present && params.regexp === null && params.search_string === null && params.line === null) {
    return failed('one of line, search_string, or regexp is required with state=absent');
  }
  const read = await readTextFile(ctx, path, attrs, params.attributes);
  if (!read.ok) return failed(read.msg);
  const file = read.file;
  if (file.isDirectory) return withWarnings(failed(`Path ${path} is a directory !`, { rc: 256 }));
  if (file.content === null && !file.exists) {
    if (!present) return withWarnings({ changed: false, msg: 'file not present' });
    if (!params.create) return withWarnings(failed(`Destination ${path} does not exist !`, { rc: 257 }));
  }
  const before = toBinary(file.content ?? Buffer.alloc(0));
  let edit: LineEditResult;
  try {
    edit = present
      ? lineinfilePresent(before, { regexp: params.regexp, searchString: params.search_string, line: params.line ?? '', insertafter: params.insertafter, insertbefore: params.insertbefore, backrefs: params.backrefs, firstmatch: params.firstmatch })
      : lineinfileAbsent(before, { regexp: params.regexp, searchString: params.search_string, line: params.line });
  } catch (err) {
    if (err instanceof PythonRegexError) return withWarnings(failed(`Invalid regular expression: ${err.message}`));
    throw err;
  }
  const after = edit.lines.join('');
  const contentDiff = { before: ctx.diffMode ? binaryToText(before) : '', after: ctx.diffMode ? binaryToText(after) : '', before_header: `${path} (content)`, after_header: `${path} (content)` };
  const finished = await finishEdit(ctx, file, { newContent: edit.changed ? fromBinary(after) : null, msg: edit.msg, attrs, attributes: params.attributes, backup: params.backup && file.exists, validate: params.validate, makeParents: true });
  if (!finished.ok) return withWarnings(finished.result);
  const backup = finished.backupFile ?? '';
  // In check mode a file that does not exist yet gets no attribute check (Ansible returns early).
  if (ctx.checkMode && !file.exists) return withWarnings({ changed: edit.changed, msg: edit.msg, backup, diff: contentDiff });
  const diff = [contentDiff, attributeDiff(path, finished.attributes)];
  return withWarnings({ changed: finished.changed, ...(present ? {} : { found: edit.found }), msg: finished.msg, backup, diff });
}

export const lineinfileModule: Module<typeof lineinfileSpec> = {
  name: 'lineinfile',
  spec: lineinfileSpec,
  supportsCheckMode: true,
  run: runLineinfile,
};
