import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { stepFailure, stepOutput, STEP_FUNCTIONS } from '../support/remote/command-steps.js';
import { failed, firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { ACCOUNT_DB_FUNCTIONS, groupEntries, passwdEntries, shadowExpiry, shadowPassword } from './account-db.js';
import { createUser, modifyUser, removeUser, UserPlanError, wantedGroups, type UserChange, type UserState } from './user-plan.js';
import { userActScript, userProbeScript } from './user-script.js';
import { passwordWarning, userSpec, type UserParams } from './user-spec.js';

function readState(outcome: ScriptOutcome, name: string): UserState {
  return {
    entry: passwdEntries(outcome).find((e) => e.name === name),
    password: shadowPassword(outcome, name),
    expiresDays: shadowExpiry(outcome, name) ?? -1,
    groups: groupEntries(outcome),
  };
}

const run = (ctx: ModuleContext, body: string, stdin?: string): Promise<ScriptOutcome> =>
  runFileScript(ctx, `${STEP_FUNCTIONS}\n${ACCOUNT_DB_FUNCTIONS}\n${body}`, stdin === undefined ? undefined : Buffer.from(stdin));

/** The account as it ends up, in Ansible's result keys. */
function accountResult(params: UserParams, outcome: ScriptOutcome): ModuleResult {
  const entry = passwdEntries(outcome).find((e) => e.name === params.name);
  if (entry === undefined) return {};
  const groups = params.groups === null ? {} : { groups: (wantedGroups(params) ?? []).join(',') };
  const key = firstRecord(outcome, '@keyfile');
  const keyInfo =
    params.generate_ssh_key === true && key !== undefined
      ? { ssh_fingerprint: (firstRecord(outcome, '@fp') ?? []).join('\t'), ssh_key_file: key[0] ?? '', ssh_public_key: (firstRecord(outcome, '@pub') ?? []).join('\t') }
      : {};
  return { uid: entry.uid, group: entry.gid, comment: entry.comment, home: entry.home, shell: entry.shell, ...groups, ...keyInfo };
}

async function runUser(ctx: ModuleContext, params: UserParams): Promise<ModuleResult> {
  if (params.ssh_key_passphrase !== null && params.generate_ssh_key === true) {
    // ssh-keygen takes a passphrase only from argv or a terminal; a secret never goes on a command line.
    return failed('ssh_key_passphrase is not supported: generate the key without one, or ship an encrypted key with copy');
  }
  const warning = passwordWarning(params.password);
  const warnings = warning === undefined ? {} : { warnings: [warning] };
  const probe = await run(ctx, userProbeScript(params));
  if (probe.failure !== undefined) return failed(probe.failure, { name: params.name });
  const state = readState(probe, params.name);
  const base: ModuleResult = { name: params.name, state: params.state, ...warnings };

  if (params.state === 'absent') {
    if (state.entry === undefined) return { ...base, changed: false };
    if (ctx.checkMode) return { changed: true, ...warnings };
    const command = removeUser(params);
    const outcome = await run(ctx, userActScript(params, { command, setPassword: false, makeHome: false, generateKey: false }));
    const failure = stepFailure(outcome);
    if (failure !== undefined) return failed(failure.stderr, { name: params.name, rc: failure.rc, ...warnings });
    return withOutput({ ...base, changed: true, force: params.force, remove: params.remove }, outcome);
  }

  let change: UserChange;
  try {
    change = state.entry === undefined ? createUser(params, state) : modifyUser(params, state, state.entry);
  } catch (err) {
    if (err instanceof UserPlanError) return failed(err.message, warnings);
    throw err;
  }
  if (state.entry === undefined && ctx.checkMode) return { changed: true, ...warnings };
  const accountChanges = change.command !== null || change.password !== null;
  const makeHome = params.create_home && !probe.records.has('@home') && state.entry !== undefined;
  const generateKey = params.generate_ssh_key === true && !probe.records.has('@key') && !probe.records.has('@pubfile');
  const keyWarnings = keySkipWarnings(params, probe);
  const extra: ModuleResult = {
    ...(state.entry === undefined ? { system: params.system, create_home: params.create_home } : { append: params.append, move_home: params.move_home }),
    ...(params.password === null ? {} : { password: 'NOT_LOGGING_PASSWORD' }),
  };
  const allWarnings = [...(warnings.warnings ?? []), ...keyWarnings];
  const warned = allWarnings.length > 0 ? { warnings: allWarnings } : {};
  if (!accountChanges && !makeHome && !generateKey) return { ...base, ...warned, ...extra, changed: false, ...accountResult(params, probe) };
  if (ctx.checkMode) return { ...base, ...warned, ...extra, changed: true, ...accountResult(params, probe) };

  const outcome = await run(
    ctx,
    userActScript(params, { command: change.command, setPassword: change.password !== null, makeHome, generateKey }),
    change.password === null ? undefined : `${params.name}:${change.password}\n`,
  );
  const failure = stepFailure(outcome);
  if (failure !== undefined) return failed(failure.stderr, { name: params.name, rc: failure.rc, ...warned });
  if (outcome.failure !== undefined) return failed(outcome.failure, { name: params.name, ...warned });
  return withOutput({ ...base, ...warned, ...extra, changed: true, ...accountResult(params, outcome) }, outcome);
}

/** Ansible's warnings when an existing key file stops ssh-keygen. */
function keySkipWarnings(params: UserParams, probe: ScriptOutcome): string[] {
  if (params.generate_ssh_key !== true) return [];
  const file = firstRecord(probe, '@keyfile')?.[0] ?? '';
  if (probe.records.has('@key')) return [`Found existing ssh key private file "${file}", no force, so skipping ssh-keygen generation`];
  if (probe.records.has('@pubfile')) return [`Found existing ssh key public file "${file}.pub", no force, so skipping ssh-keygen generation`];
  return [];
}

function withOutput(result: ModuleResult, outcome: ScriptOutcome): ModuleResult {
  const out = stepOutput(outcome);
  const err = outcome.run.stderr.toString('utf8');
  return { ...result, ...(out === '' ? {} : { stdout: out }), ...(err === '' ? {} : { stderr: err }) };
}

export const userModule: Module<typeof userSpec> = {
  name: 'user',
  spec: userSpec,
  supportsCheckMode: true,
  run: runUser,
};
