import { shellQuote } from '@tsible/engine/connection/quote';
import { remotePathWord } from '../support/remote-path.js';
import { stepCall } from '../support/remote/command-steps.js';
import { dbCall } from './account-db.js';
import type { UserParams } from './user-spec.js';

/**
 * sh functions for the user's home and ssh key (on top of ACCOUNT_DB_FUNCTIONS).
 *   ts_home_of NAME → the passwd home, ts_ids_of NAME → uid:gid
 *   ts_mkhome PATH SKEL OWNER: Ansible's create_homedir (skeleton copy, HOME_MODE or
 *   UMASK from login.defs) and chown_homedir.
 */
export const USER_FUNCTIONS = `ts_pw() { ts_db passwd "$1" | sed 's/^@passwd	//'; }
ts_home_of() { ts_pw "$1" | cut -d: -f6; }
ts_ids_of() { ts_pw "$1" | cut -d: -f3,4; }
ts_mkhome() {
  if [ -d "$2" ]; then mkdir -p -- "$(dirname -- "$1")" && cp -RPp -- "$2" "$1"; else mkdir -p -- "$1"; fi || ts_fail "could not create home directory $1"
  ts_mode=755
  if [ -f /etc/login.defs ]; then
    ts_hm=$(sed -n 's/^HOME_MODE[[:space:]]\\{1,\\}\\([0-9]\\{1,\\}\\)$/\\1/p' /etc/login.defs | head -n 1)
    ts_um=$(sed -n 's/^UMASK[[:space:]]\\{1,\\}\\([0-9]\\{1,\\}\\)$/\\1/p' /etc/login.defs | tail -n 1)
    if [ -n "$ts_hm" ]; then ts_mode=$ts_hm; elif [ -n "$ts_um" ]; then ts_mode=$(printf '%o' $(( 0777 & ~0$ts_um ))); fi
  fi
  chmod "$ts_mode" -- "$1" && chown -R -- "$3" "$1"
}`;

/** Where the key goes: an absolute ssh_key_file, or one relative to the user's home. */
function keyPathAssignment(params: UserParams): string {
  const file = params.ssh_key_file ?? '.ssh/id_rsa';
  return file.startsWith('/') ? `ts_k=${remotePathWord(file)}` : `ts_k="$(ts_home_of ${shellQuote(params.name)})/"${shellQuote(file)}`;
}

/** Reads the account, its home's presence and the key files: @passwd/@shadow/@group, @home, @key, @pubfile. */
export function userProbeScript(params: UserParams): string {
  const name = shellQuote(params.name);
  const home = params.home === null ? `"$(ts_home_of ${name})"` : remotePathWord(params.home);
  const lines = [USER_FUNCTIONS, dbCall('passwd', params.name), dbCall('shadow', params.name), dbCall('group'), `ts_h=${home}`, `[ -n "$ts_h" ] && [ -e "$ts_h" ] && printf '@home\\n'`];
  if (params.generate_ssh_key === true) lines.push(keyReport(params));
  return lines.join('\n');
}

/** The key's state and, when present, its fingerprint and public half. */
function keyReport(params: UserParams): string {
  return [
    keyPathAssignment(params),
    `printf '@keyfile\\t%s\\n' "$ts_k"`,
    `[ -e "$ts_k" ] && printf '@key\\n'`,
    `[ -e "$ts_k.pub" ] && printf '@pubfile\\n'`,
    `if [ -e "$ts_k" ]; then ts_fp=$(ssh-keygen -l -f "$ts_k" 2>&1); printf '@fp\\t%s\\n' "$ts_fp"; fi`,
    `if [ -e "$ts_k.pub" ]; then printf '@pub\\t%s\\n' "$(cat -- "$ts_k.pub")"; fi`,
  ].join('\n');
}

export interface UserActions {
  command: string[] | null;
  setPassword: boolean;
  makeHome: boolean;
  generateKey: boolean;
}

/** Runs the change: the account command, chpasswd -e (stdin), the missing home, the key; then reads the account back. */
export function userActScript(params: UserParams, actions: UserActions): string {
  const name = shellQuote(params.name);
  const lines = [USER_FUNCTIONS];
  if (actions.command !== null) lines.push(stepCall(actions.command[0] ?? '', actions.command));
  if (actions.setPassword) lines.push(stepCall('chpasswd', ['chpasswd', '-e']));
  if (actions.makeHome) {
    const home = params.home === null ? `"$(ts_home_of ${name})"` : remotePathWord(params.home);
    lines.push(`ts_mkhome ${home} ${remotePathWord(params.skeleton ?? '/etc/skel')} "$(ts_ids_of ${name})"`);
  }
  if (actions.generateKey) {
    const comment = params.ssh_key_comment === null ? `"ansible-generated on $(hostname)"` : shellQuote(params.ssh_key_comment);
    const bits = params.ssh_key_bits > 0 ? ` -b ${shellQuote(String(params.ssh_key_bits))}` : '';
    lines.push(
      keyPathAssignment(params),
      'ts_kd=$(dirname -- "$ts_k")',
      `if [ ! -e "$ts_kd" ]; then mkdir -m 700 -- "$ts_kd" && chown -- "$(ts_ids_of ${name})" "$ts_kd" || ts_fail "Failed to create $ts_kd"; fi`,
      `${stepCall('ssh-keygen', ['ssh-keygen', '-t', params.ssh_key_type])}${bits} -C ${comment} -f "$ts_k" -N '' -q`,
      `chown -- "$(ts_ids_of ${name})" "$ts_k" "$ts_k.pub"`,
    );
  }
  if (params.state === 'present') lines.push(userProbeScript(params));
  return lines.join('\n');
}
