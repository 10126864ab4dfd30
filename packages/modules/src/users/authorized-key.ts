import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { remotePathWord } from '../support/remote-path.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeCall } from '../support/remote/atomic-write.js';
import { ACCOUNT_DB_FUNCTIONS, dbCall, passwdEntries } from './account-db.js';
import { enforceKeys, InvalidKeyError } from './authorized-keys-file.js';

/** ansible.posix.authorized_key's options. */
export const authorizedKeySpec = {
  options: {
    user: { type: 'str', required: true },
    key: { type: 'str', required: true },
    path: { type: 'path' },
    manage_dir: { type: 'bool', default: true },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    key_options: { type: 'str' },
    exclusive: { type: 'bool', default: false },
    comment: { type: 'str' },
    validate_certs: { type: 'bool', default: true },
    follow: { type: 'bool', default: false },
  },
} as const satisfies ArgumentSpec;

export type AuthorizedKeyParams = ParamsOf<typeof authorizedKeySpec>;

/** The keys file: path, else ~user/.ssh/authorized_keys; with follow, its real path. */
function keysFileScript(params: AuthorizedKeyParams): string {
  const path = params.path === null ? `"$(ts_db passwd ${shellQuote(params.user)} | cut -d: -f6 | head -n 1)/.ssh/authorized_keys"` : remotePathWord(params.path);
  return [
    `ts_f=${path}`,
    params.follow ? `ts_r=$(readlink -f -- "$ts_f") && ts_f=$ts_r` : ':',
    `printf '@kf\\t%s\\n' "$ts_f"`,
    // base64 keeps the bytes whole (no trailing-newline loss); one record line.
    `if [ -f "$ts_f" ]; then printf '@kc\\t%s\\n' "$(base64 < "$ts_f" | tr -d '\\n')"; fi`,
  ].join('\n');
}

async function runAuthorizedKey(ctx: ModuleContext, params: AuthorizedKeyParams): Promise<ModuleResult> {
  if (params.key.startsWith('http')) return failed(`Error getting key from: ${params.key}`);
  const probe = await runFileScript(ctx, `${ACCOUNT_DB_FUNCTIONS}\n${dbCall('passwd', params.user)}\n${keysFileScript(params)}`);
  if (probe.failure !== undefined) return failed(probe.failure);
  const entry = passwdEntries(probe).find((e) => e.name === params.user);
  if (entry === undefined && !(ctx.checkMode && params.path !== null)) {
    if (ctx.checkMode) return failed('Either user must exist or you must provide full path to key file in check mode');
    return failed(`Failed to lookup user ${params.user}: 'getpwnam(): name not found: ${params.user}'`);
  }
  const keyfile = firstRecord(probe, '@kf')?.[0] ?? '';
  const before = Buffer.from(firstRecord(probe, '@kc')?.[0] ?? '', 'base64').toString('utf8');
  let change;
  try {
    change = enforceKeys(before, params.key, { state: params.state, keyOptions: params.key_options, comment: params.comment, exclusive: params.exclusive });
  } catch (err) {
    if (err instanceof InvalidKeyError) return failed(err.message);
    throw err;
  }
  const result: ModuleResult = { ...params, keyfile, changed: change.changed };
  if (!change.changed) return result;
  const diff = ctx.diffMode ? { diff: { before_header: keyfile, after_header: keyfile, before, after: change.content } } : {};
  if (ctx.checkMode || entry === undefined) return { ...result, ...diff };

  const owner = `${entry.uid}`;
  const group = `${entry.gid}`;
  const sshDir = params.path === null ? `"$(dirname -- "$ts_f")"` : `"$(dirname -- ${remotePathWord(params.path)})"`;
  const script = [
    `ts_f=${shellQuote(keyfile)}`,
    params.manage_dir
      ? `ts_sd=${sshDir}; [ -e "$ts_sd" ] || mkdir -m 700 -- "$ts_sd" || ts_fail "Failed to create directory $ts_sd"; chown ${owner}:${group} "$ts_sd" && chmod 700 "$ts_sd"`
      : `mkdir -p -- "$(dirname -- "$ts_f")"`,
    writeCall('"$ts_f"', { mode: '600', owner, group, backup: false }),
  ].join('\n');
  const written = await runFileScript(ctx, script, Buffer.from(change.content));
  if (written.failure !== undefined) return failed(written.failure);
  return { ...result, ...diff };
}

export const authorizedKeyModule: Module<typeof authorizedKeySpec> = {
  name: 'authorized_key',
  spec: authorizedKeySpec,
  supportsCheckMode: true,
  run: runAuthorizedKey,
};
