import type { GroupEntry, PasswdEntry } from './account-db.js';
import type { UserParams } from './user-spec.js';

/** What the target's account databases say about the user. */
export interface UserState {
  entry: PasswdEntry | undefined;
  /** The shadow password field ('' when none or unreadable). */
  password: string;
  /** Shadow expiry in days since the epoch, -1 when unset (Ansible's reading). */
  expiresDays: number;
  groups: readonly GroupEntry[];
}

/** The commands a change takes; the password goes on chpasswd's stdin, never on a command line. */
export interface UserChange {
  command: string[] | null;
  /** The new shadow password field, for `chpasswd -e`. */
  password: string | null;
}

export class UserPlanError extends Error {}

const DAY_SECONDS = 86_400;

/** expires (epoch seconds) as useradd/usermod's -e date; a negative value clears it. */
function expiryDate(expires: number): string {
  return expires < 0 ? '' : new Date(Math.floor(expires) * 1000).toISOString().slice(0, 10);
}

/** The groups option: Ansible joins the list and splits it again on commas. */
export function wantedGroups(params: UserParams): string[] | null {
  if (params.groups === null) return null;
  const names = params.groups.join(',').split(',').map((g) => g.trim()).filter((g) => g !== '');
  return [...new Set(names)];
}

function groupByName(state: UserState, name: string): GroupEntry | undefined {
  return state.groups.find((g) => g.name === name) ?? (/^\d+$/.test(name) ? state.groups.find((g) => g.gid === Number(name)) : undefined);
}

function requireGroups(state: UserState, names: readonly string[]): void {
  for (const name of names) if (groupByName(state, name) === undefined) throw new UserPlanError(`Group ${name} does not exist`);
}

/** The password field to set: with `!` in front when the account is to be locked, as Ansible writes it. */
const lockedPassword = (params: UserParams, password: string): string => (params.password_lock === true ? `!${password}` : password);

/** useradd for a new account, in Ansible's option order (without -p: the password follows on stdin). */
export function createUser(params: UserParams, state: UserState): UserChange {
  const cmd = ['useradd'];
  if (params.uid !== null) cmd.push('-u', String(params.uid), ...(params.non_unique ? ['-o'] : []));
  if (params.group !== null) {
    requireGroups(state, [params.group]);
    cmd.push('-g', params.group);
  } else if (groupByName(state, params.name) !== undefined) {
    // A group of the user's name exists already: useradd must not try to create it.
    cmd.push('-N');
  }
  const groups = wantedGroups(params);
  if (groups !== null && groups.length > 0) {
    requireGroups(state, groups);
    cmd.push('-G', groups.join(','));
  }
  if (params.comment !== null) cmd.push('-c', params.comment);
  if (params.home !== null) cmd.push('-d', params.home);
  if (params.shell !== null) cmd.push('-s', params.shell);
  if (params.expires !== null) cmd.push('-e', expiryDate(params.expires));
  if (params.create_home) {
    cmd.push('-m');
    if (params.skeleton !== null) cmd.push('-k', params.skeleton);
    if (params.umask !== null) cmd.push('-K', `UMASK=${params.umask}`);
  } else {
    cmd.push('-M');
  }
  if (params.system) cmd.push('-r');
  cmd.push(params.name);
  return { command: cmd, password: params.password === null ? null : lockedPassword(params, params.password) };
}

/** Secondary groups the user is a member of, without the primary group (Ansible's user_group_membership). */
function currentGroups(entry: PasswdEntry, state: UserState): string[] {
  return state.groups.filter((g) => g.gid !== entry.gid && g.members.includes(entry.name)).map((g) => g.name);
}

/** usermod options for what differs, in Ansible's order; null command when nothing does. */
export function modifyUser(params: UserParams, state: UserState, entry: PasswdEntry): UserChange {
  const cmd = ['usermod'];
  if (params.uid !== null && entry.uid !== params.uid) cmd.push('-u', String(params.uid), ...(params.non_unique ? ['-o'] : []));
  if (params.group !== null) {
    requireGroups(state, [params.group]);
    const gid = groupByName(state, params.group)?.gid;
    if (gid !== undefined && gid !== entry.gid) cmd.push('-g', String(gid));
  }
  const groups = wantedGroups(params);
  if (groups !== null) {
    const current = currentGroups(entry, state);
    let needed = false;
    if (groups.length === 0) needed = current.length > 0 && !params.append;
    else {
      requireGroups(state, groups);
      const diff = [...current.filter((g) => !groups.includes(g)), ...groups.filter((g) => !current.includes(g))];
      needed = params.append ? groups.some((g) => diff.includes(g)) : diff.length > 0;
    }
    if (needed) cmd.push(...(params.append ? ['-a'] : []), '-G', groups.join(','));
  }
  if (params.comment !== null && entry.comment !== params.comment) cmd.push('-c', params.comment);
  if (params.home !== null && entry.home !== params.home) cmd.push('-d', params.home, ...(params.move_home ? ['-m'] : []));
  if (params.shell !== null && entry.shell !== params.shell) cmd.push('-s', params.shell);
  if (params.expires !== null) {
    if (params.expires < 0) {
      if (state.expiresDays >= 0) cmd.push('-e', '');
    } else if (state.expiresDays < 0 || new Date(state.expiresDays * DAY_SECONDS * 1000).toISOString().slice(0, 10) !== expiryDate(params.expires)) {
      cmd.push('-e', expiryDate(params.expires));
    }
  }
  const locked = state.password.startsWith('!');
  if (params.password_lock === true && !locked) cmd.push('-L');
  else if (params.password_lock === false && locked) cmd.push('-U');
  let password: string | null = null;
  if (params.update_password === 'always' && params.password !== null && state.password.replace(/^!+/, '') !== params.password.replace(/^!+/, '')) {
    // The new field carries the lock itself, as Ansible drops -L/-U when it sets a password.
    const withoutLock = cmd.filter((word) => word !== '-L' && word !== '-U');
    cmd.splice(0, cmd.length, ...withoutLock);
    password = lockedPassword(params, params.password);
  }
  if (cmd.length > 1) cmd.push(params.name);
  return { command: cmd.length > 1 ? cmd : null, password };
}

/** userdel with Ansible's flags. */
export function removeUser(params: UserParams): string[] {
  return ['userdel', ...(params.force ? ['-f'] : []), ...(params.remove ? ['-r'] : []), params.name];
}
