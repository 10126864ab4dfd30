import { statSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { PyDateTime, strftime } from './python/datetime.js';

export interface TemplateFileVarsOptions {
  /** Absolute path of the template file when `templatePath` is relative to a search path. */
  fullpath?: string;
  /** Destination on the target (template module). */
  destPath?: string;
  /** The ansible_managed string (strftime codes and {host}/{uid}/{file} placeholders allowed). */
  managed?: string;
}

function ownerName(uid: number): string {
  try {
    const me = userInfo();
    return me.uid === uid ? me.username : String(uid);
  } catch {
    return String(uid);
  }
}

/** The variables Ansible adds while rendering a template file: template_path, template_mtime, ansible_managed... */
export function templateFileVars(templatePath: string, options: TemplateFileVarsOptions = {}): Record<string, unknown> {
  const full = options.fullpath ?? path.resolve(templatePath);
  const stat = statSync(full);
  const host = hostname();
  const uid = ownerName(stat.uid);
  const mtime = PyDateTime.fromDate(stat.mtime, false);
  const managed = (options.managed ?? 'Ansible managed').replace(/\{host\}/g, host).replace(/\{uid\}/g, uid).replace(/\{file\}/g, templatePath);
  return {
    template_host: host,
    template_path: templatePath,
    template_mtime: mtime,
    template_uid: uid,
    template_run_date: PyDateTime.fromDate(new Date(), false),
    template_destpath: options.destPath ?? null,
    template_fullpath: full,
    ansible_managed: strftime(managed, mtime),
  };
}
