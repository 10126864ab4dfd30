import type { ModuleContext, ModuleResult } from '@tsible/engine';
import type { AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { attributeRequest } from '../support/file-attrs/common-options.js';
import { ModeError } from '../support/file-attrs/mode.js';
import { failed } from '../support/remote/run-script.js';
import { applyAttributes, attributeOutcome, writeTextFile, type AttributeOutcome, type TextFileRead } from './text-file.js';

export const ATTRIBUTES_CHANGED = 'ownership, perms or SE linux context changed';

/** Reads mode/owner/group, or the failed result Ansible gives for a bad mode. */
export function editAttributes(params: { mode: unknown; owner: string | null; group: string | null }): AttributeRequest | ModuleResult {
  try {
    return attributeRequest(params);
  } catch (err) {
    if (err instanceof ModeError) return failed('mode must be in octal or symbolic form', { details: err.message });
    throw err;
  }
}

export function isAttributeRequest(value: AttributeRequest | ModuleResult): value is AttributeRequest {
  return !('failed' in value);
}

export interface EditRequest {
  /** The new content, when the module decided the content changes. */
  newContent: Buffer | null;
  msg: string;
  attrs: AttributeRequest;
  /** The `attributes` option (chattr flags), when given. */
  attributes: string | null;
  backup: boolean;
  validate: string | null;
  makeParents: boolean;
}

export type EditOutcome =
  | { ok: true; changed: boolean; msg: string; backupFile: string | null; attributes: AttributeOutcome }
  | { ok: false; result: ModuleResult };

/**
 * Writes a decided edit (unless in check mode) and applies mode/owner/group
 * the way Ansible's check_file_attrs reports them: "... and ownership, perms
 * or SE linux context changed". No exec at all when nothing changes.
 */
export async function finishEdit(ctx: ModuleContext, file: TextFileRead, request: EditRequest): Promise<EditOutcome> {
  const contentChanged = request.newContent !== null;
  let backupFile: string | null = null;
  if (contentChanged && request.validate !== null && !request.validate.includes('%s')) {
    return { ok: false, result: failed(`validate must contain %s: ${request.validate}`) };
  }
  let attributes = attributeOutcome(file, request.attrs);
  if (!ctx.checkMode && request.newContent !== null) {
    const written = await writeTextFile(ctx, file, request.newContent, request);
    if (!written.ok) {
      if (written.refused !== undefined) return { ok: false, result: written.refused };
      const msg = written.validateRc === undefined ? written.msg : `failed to validate: rc:${written.validateRc} error:${written.stderr ?? ''}`;
      return { ok: false, result: failed(msg) };
    }
    backupFile = written.backupFile;
    // A file the edit creates gets its flags after the write; chattr said what changed.
    if (!file.exists && written.flags !== undefined) {
      attributes = { changed: true, before: { ...attributes.before, attributes: written.flags.before }, after: { ...attributes.after, attributes: written.flags.after } };
    }
  } else if (!ctx.checkMode && attributes.changed) {
    const applied = await applyAttributes(ctx, file, request.attrs, request.attributes);
    if (!applied.ok) return { ok: false, result: applied.refused ?? failed(applied.msg) };
  }
  let msg = request.msg;
  if (attributes.changed) msg = `${contentChanged ? `${msg} and ` : ''}${ATTRIBUTES_CHANGED}`;
  return { ok: true, changed: contentChanged || attributes.changed, msg, backupFile, attributes };
}

/** The attribute half of a diff list: headers, plus before/after when something differs. */
export function attributeDiff(path: string, attributes: AttributeOutcome): Record<string, unknown> {
  const entries = Object.keys(attributes.before).length > 0 ? { before: attributes.before, after: attributes.after } : {};
  return { ...entries, before_header: `${path} (file attributes)`, after_header: `${path} (file attributes)` };
}
