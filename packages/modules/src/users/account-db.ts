import { shellQuote } from '@tsible/engine/connection/quote';
import type { ScriptOutcome } from '../support/remote/run-script.js';

/** A passwd entry: name, password field, uid, gid, comment (GECOS), home, shell. */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  comment: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

/**
 * sh function printing account database entries as records, through getent
 * when the target has it (NSS, as Python's pwd/grp see them), else the files.
 *   ts_db passwd|group|shadow [NAME] → @passwd / @group / @shadow records
 */
export const ACCOUNT_DB_FUNCTIONS = `ts_db() {
  if command -v getent >/dev/null 2>&1; then getent "$1" \${2:+"$2"}
  else awk -F: -v n="\${2:-}" 'n=="" || $1==n' "/etc/$1" 2>/dev/null; fi | sed "s/^/@$1	/"
}`;

export function dbCall(database: 'passwd' | 'group' | 'shadow', name?: string): string {
  return name === undefined ? `ts_db ${database}` : `ts_db ${database} ${shellQuote(name)}`;
}

/** Records come tab-split; an entry's own fields are colon-separated. */
const entryFields = (record: readonly string[]): string[] => record.join('\t').split(':');

export function passwdEntries(outcome: ScriptOutcome): PasswdEntry[] {
  return (outcome.records.get('@passwd') ?? []).map((record) => {
    const [name = '', , uid = '0', gid = '0', comment = '', home = '', shell = ''] = entryFields(record);
    return { name, uid: Number(uid), gid: Number(gid), comment, home, shell };
  });
}

export function groupEntries(outcome: ScriptOutcome): GroupEntry[] {
  return (outcome.records.get('@group') ?? []).map((record) => {
    const [name = '', , gid = '0', members = ''] = entryFields(record);
    return { name, gid: Number(gid), members: members === '' ? [] : members.split(',') };
  });
}

/** The password hash field of a shadow entry ('' when unreadable or absent). */
export function shadowPassword(outcome: ScriptOutcome, name: string): string {
  const entry = (outcome.records.get('@shadow') ?? []).map(entryFields).find((fields) => fields[0] === name);
  return entry?.[1] ?? '';
}

/** The shadow entry's expiry field in days since the epoch, or null when unset. */
export function shadowExpiry(outcome: ScriptOutcome, name: string): number | null {
  const entry = (outcome.records.get('@shadow') ?? []).map(entryFields).find((fields) => fields[0] === name);
  const value = entry?.[7] ?? '';
  return value === '' ? null : Number(value);
}
