import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { RecordingSink } from '@tsible/engine/output/events';
import type { JinjaSyntax } from '@tsible/engine/template/jinja/syntax';
import { copyFile } from './copy/copy-file.js';
import { fileCommonOptions } from './support/file-attrs/common-options.js';
import { findControllerSource, searchedPaths } from './support/controller/find-source.js';
import { failed } from './support/remote/run-script.js';
import { editAttributes, isAttributeRequest } from './edit/edit-flow.js';
import { nodeEncoding } from './edit/text-encoding.js';

/** Ansible 2.14's template action options (the rendered file is then written like copy's content). */
export const templateSpec = {
  options: {
    src: { type: 'path' },
    dest: { type: 'path' },
    backup: { type: 'bool', default: false },
    force: { type: 'bool', default: true },
    follow: { type: 'bool', default: false },
    validate: { type: 'str' },
    newline_sequence: { type: 'str', default: '\n' },
    block_start_string: { type: 'str', default: '{%' },
    block_end_string: { type: 'str', default: '%}' },
    variable_start_string: { type: 'str', default: '{{' },
    variable_end_string: { type: 'str', default: '}}' },
    comment_start_string: { type: 'str', default: '{#' },
    comment_end_string: { type: 'str', default: '#}' },
    trim_blocks: { type: 'bool', default: true },
    lstrip_blocks: { type: 'bool', default: false },
    output_encoding: { type: 'str', default: 'utf-8' },
    ...fileCommonOptions,
  },
} as const satisfies ArgumentSpec;

export type TemplateParams = ParamsOf<typeof templateSpec>;

const NEWLINES = ['\n', '\r', '\r\n'];

function notFound(ctx: ModuleContext, src: string): ModuleResult {
  const searched = src.startsWith('/') ? [src] : searchedPaths(ctx, src, 'templates');
  return failed(`Could not find or access '${src}'\nSearched in:\n${searched.map((p) => `\t${p}`).join('\n')} on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option`);
}

const TEMPLATE_DEFAULTS: Partial<JinjaSyntax> = { blockStart: '{%', blockEnd: '%}', variableStart: '{{', variableEnd: '}}', commentStart: '{#', commentEnd: '#}', trimBlocks: true, lstripBlocks: false };

/**
 * The task's delimiter and whitespace options that differ from the template
 * defaults; a `#jinja2:` header line still overrides them, as in Ansible.
 */
function taskSyntax(params: TemplateParams): Partial<JinjaSyntax> {
  const asked: Partial<JinjaSyntax> = {
    blockStart: params.block_start_string,
    blockEnd: params.block_end_string,
    variableStart: params.variable_start_string,
    variableEnd: params.variable_end_string,
    commentStart: params.comment_start_string,
    commentEnd: params.comment_end_string,
    trimBlocks: params.trim_blocks,
    lstripBlocks: params.lstrip_blocks,
  };
  return Object.fromEntries(Object.entries(asked).filter(([key, value]) => TEMPLATE_DEFAULTS[key as keyof JinjaSyntax] !== value));
}

/**
 * Renders the controller template with the host's variables and the template_* ones.
 * The template engine is loaded on first use: runs without a template task never pay for it.
 */
async function render(ctx: ModuleContext, params: TemplateParams, found: string, src: string): Promise<{ text: string; warnings: string[] }> {
  const [{ Templar }, { templateFileVars }] = await Promise.all([import('@tsible/engine/template/templar'), import('@tsible/engine/template/template-vars')]);
  const sink = new RecordingSink();
  const hostVars = ctx.hostVars ?? {};
  const magic = ctx.controller === undefined ? {} : { inventory_hostname: ctx.controller.inventoryHostname, inventory_hostname_short: ctx.controller.inventoryHostname.split('.')[0] };
  const managed = typeof hostVars['ansible_managed'] === 'string' ? hostVars['ansible_managed'] : undefined;
  const templar = new Templar({ vars: { ...magic, ...hostVars }, sink, searchPaths: [...(ctx.controller?.searchPaths ?? [])].flatMap((base) => [`${base}/templates`, base]) });
  const extraVars = templateFileVars(src, { fullpath: found, destPath: params.dest ?? '', ...(managed === undefined ? {} : { managed }) });
  // A vaulted template is opened on the controller, as Ansible's template action does.
  const raw = readFileSync(found);
  const decrypt = ctx.controller?.decryptIfVaulted;
  const source = (decrypt === undefined ? raw : await decrypt(raw, found)).toString('utf8');
  const output = templar.renderTemplateFile(source, found, { syntax: taskSyntax(params), extraVars });
  return { text: String(output), warnings: sink.messages('warning') };
}

/**
 * Ansible re-raises an undefined variable met while rendering a template
 * file with the original error attached, so its message repeats the cause.
 */
function templateErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const undefinedVariable = /^AnsibleUndefinedVariable: ([\s\S]*)$/.exec(message);
  return undefinedVariable === null ? message : `${message}. ${undefinedVariable[1]}`;
}

async function runTemplate(ctx: ModuleContext, params: TemplateParams): Promise<ModuleResult> {
  if (params.src === null || params.dest === null) return failed('src and dest are required');
  if (!NEWLINES.includes(params.newline_sequence)) return failed('newline_sequence needs to be one of: \n, \r or \r\n');
  const encoding = nodeEncoding(params.output_encoding);
  if (encoding === null) return failed(`unknown encoding: ${params.output_encoding}`);
  if (params.validate !== null && !params.validate.includes('%s')) return failed(`validate must contain %s: ${params.validate}`);
  const requested = editAttributes({ ...params, mode: params.mode === 'preserve' ? null : params.mode });
  if (!isAttributeRequest(requested)) return requested;
  const found = findControllerSource(ctx, params.src, 'templates');
  if (found === null) return notFound(ctx, params.src);
  // mode=preserve gives the file the template's own permissions.
  const attrs = params.mode === 'preserve' ? { ...requested, mode: { kind: 'octal' as const, mode: statSync(found).mode & 0o7777 } } : requested;
  let rendered: { text: string; warnings: string[] };
  try {
    rendered = await render(ctx, params, found, params.src);
  } catch (err) {
    return failed(templateErrorMessage(err));
  }
  const text = params.newline_sequence === '\n' ? rendered.text : rendered.text.replace(/\r\n|\r|\n/g, params.newline_sequence);
  const result = await copyFile(ctx, {
    dest: params.dest,
    nameInDirectory: basename(params.src),
    content: Buffer.from(text, encoding),
    srcLabel: found,
    afterHeader: found,
    attrs,
    backup: params.backup,
    force: params.force,
    follow: params.follow,
    validate: params.validate,
    makeParents: null,
    expectedChecksum: null,
    attributes: params.attributes,
  });
  return rendered.warnings.length > 0 ? { ...result, warnings: [...rendered.warnings, ...(result.warnings ?? [])] } : result;
}

export const templateModule: Module<typeof templateSpec> = {
  name: 'template',
  spec: templateSpec,
  supportsCheckMode: true,
  run: runTemplate,
};
