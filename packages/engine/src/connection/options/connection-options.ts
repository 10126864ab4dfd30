import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { TsibleError } from '../../errors/tsible-error.js';
import type { ConnectionSettings } from './settings.js';
import { parseSshArgs, type SshArgs } from './ssh-args.js';
import { resolveSshConfig, type SshConfigEntry } from './ssh-config-file.js';
import { parseJumpList, parseProxyCommand, type SshEndpoint } from './jump-spec.js';
import { runSecrets } from '../../output/secrets/secret-registry.js';
import { type HostVars, stringVar, parseBoolean, parseNonNegativeInt, parsePort } from './var-values.js';

export type HostKeyPolicy = 'strict' | 'accept-new' | 'off';

export interface SshConnectionOptions {
  kind: 'ssh';
  /** The inventory name, used in messages. */
  inventoryName: string;
  host: string;
  port: number;
  user: string;
  password?: string | undefined;
  /** Private key files to try, in order (ssh's defaults when none is named). */
  identityFiles: string[];
  /** Whether identityFiles were named by the user (a missing one is then worth a note). */
  identityFilesNamed: boolean;
  /** IdentitiesOnly: skip the agent's other keys. */
  identitiesOnly: boolean;
  agentSocket?: string | undefined;
  /** Hops to go through, first one connected directly. */
  jumps: SshEndpoint[];
  /** A ProxyCommand other than `ssh -W`, run locally as the transport. */
  proxyCommand?: string | undefined;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  /** Extra connection attempts after a network failure. */
  retries: number;
  hostKeyPolicy: HostKeyPolicy;
  knownHostsFiles: string[];
  /** HostKeyAlias: the name to look the target's key up under, instead of host:port. */
  hostKeyAlias?: string | undefined;
  maxOutputBytes: number;
  settings: ConnectionSettings;
}

export interface LocalConnectionOptions {
  kind: 'local';
  inventoryName: string;
  maxOutputBytes: number;
  timeoutMs: number;
  settings: ConnectionSettings;
}

export type ConnectionOptions = SshConnectionOptions | LocalConnectionOptions;

export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const DEFAULT_KEEPALIVE_SECONDS = 5;
const DEFAULT_KEEPALIVE_COUNT = 3;
const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

const SSH_TYPES = new Set(['ssh', 'paramiko', 'paramiko_ssh', 'smart']);

/** Derives typed connection options for one host from its variables and the run's settings. */
export function connectionOptionsFromVars(hostName: string, vars: HostVars, settings: ConnectionSettings = {}): ConnectionOptions {
  const type = stringVar(vars, 'ansible_connection') ?? 'ssh';
  const maxOutputBytes = settings.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const timeoutSeconds = timeoutFrom(vars, settings);
  if (type === 'local') {
    return { kind: 'local', inventoryName: hostName, maxOutputBytes, timeoutMs: timeoutSeconds * 1000, settings };
  }
  if (!SSH_TYPES.has(type)) {
    throw new TsibleError(`the connection plugin '${type}' was not found`, {
      code: 'TSIBLE_CONNECTION_TYPE',
      hint: 'supported: ssh (also paramiko, smart) and local',
    });
  }
  return sshOptions(hostName, vars, settings, timeoutSeconds, maxOutputBytes);
}

function timeoutFrom(vars: HostVars, settings: ConnectionSettings): number {
  const fromVars = parseNonNegativeInt(stringVar(vars, 'ansible_ssh_timeout', 'ansible_timeout'), 'ansible_ssh_timeout');
  return fromVars ?? settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
}

function sshOptions(
  hostName: string,
  vars: HostVars,
  settings: ConnectionSettings,
  timeoutSeconds: number,
  maxOutputBytes: number,
): SshConnectionOptions {
  const env = settings.env ?? process.env;
  const home = env['HOME'] ?? homedir();
  // ssh_args first, then common, then extra: ssh keeps the first value of an option.
  const args = parseSshArgs(
    stringVar(vars, 'ansible_ssh_args') ?? settings.sshArgs,
    stringVar(vars, 'ansible_ssh_common_args') ?? settings.sshCommonArgs,
    stringVar(vars, 'ansible_ssh_extra_args') ?? settings.sshExtraArgs,
  );
  const target = stripBrackets(stringVar(vars, 'ansible_host', 'ansible_ssh_host') ?? hostName);
  const configPath = expandHome(args.configFile ?? settings.sshConfigFile ?? join(home, '.ssh', 'config'), home);
  const config = resolveSshConfig(configPath, target, home, args.configFile !== undefined);
  const option = (name: string): string | undefined => args.options[name];

  const host = stripBrackets(option('hostname') ?? config.hostName ?? target);
  const port =
    parsePort(stringVar(vars, 'ansible_port', 'ansible_ssh_port'), 'ansible_port') ??
    parsePort(args.port ?? option('port') ?? config.port, 'ssh Port') ??
    22;
  const localUser = localUserName(env);
  const user =
    stringVar(vars, 'ansible_user', 'ansible_ssh_user') ??
    settings.remoteUser ??
    args.user ??
    option('user') ??
    config.user ??
    localUser;
  const tokens: TokenValues = { home, host, port, user, localUser };

  const explicitKey = stringVar(vars, 'ansible_ssh_private_key_file', 'ansible_private_key_file') ?? settings.privateKeyFile;
  const { files: identityFiles, named: identityFilesNamed } = identityList(explicitKey, args, config, tokens);
  const identitiesOnly = parseBoolean(option('identitiesonly') ?? config.identitiesOnly, 'IdentitiesOnly') ?? false;

  const proxyJump = option('proxyjump') ?? config.proxyJump;
  const proxyCommand = option('proxycommand') ?? config.proxyCommand;
  const jumpRoute = routeFor(proxyJump, proxyCommand, { configPath, home, localUser });

  const aliveInterval = parseNonNegativeInt(option('serveraliveinterval') ?? config.serverAliveInterval, 'ServerAliveInterval');
  const aliveCount = parseNonNegativeInt(option('serveralivecountmax') ?? config.serverAliveCountMax, 'ServerAliveCountMax');
  const retries =
    parseNonNegativeInt(stringVar(vars, 'ansible_ssh_retries'), 'ansible_ssh_retries') ??
    settings.retries ??
    Math.max(0, (parseNonNegativeInt(option('connectionattempts') ?? config.connectionAttempts, 'ConnectionAttempts') ?? 1) - 1);

  const password = stringVar(vars, 'ansible_password', 'ansible_ssh_pass', 'ansible_ssh_password') ?? settings.password;
  runSecrets.add(password);
  return {
    kind: 'ssh',
    inventoryName: hostName,
    host,
    port,
    user,
    password,
    identityFiles,
    identityFilesNamed,
    identitiesOnly,
    agentSocket: env['SSH_AUTH_SOCK'] || undefined,
    jumps: jumpRoute.jumps,
    proxyCommand: jumpRoute.proxyCommand,
    connectTimeoutMs: timeoutSeconds * 1000,
    keepaliveIntervalMs: (aliveInterval ?? DEFAULT_KEEPALIVE_SECONDS) * 1000,
    keepaliveCountMax: aliveCount ?? DEFAULT_KEEPALIVE_COUNT,
    retries,
    hostKeyPolicy: hostKeyPolicy(vars, settings, env, option('stricthostkeychecking') ?? config.strictHostKeyChecking),
    knownHostsFiles: knownHostsFiles(option('userknownhostsfile'), config, tokens),
    hostKeyAlias: option('hostkeyalias') ?? config.hostKeyAlias,
    maxOutputBytes,
    // BatchMode=yes: never ask anything, as ssh would not.
    settings: parseBoolean(option('batchmode') ?? config.batchMode, 'BatchMode') ? { ...settings, promptPassphrase: undefined } : settings,
  };
}

/** Like ssh, the default remote user is the local one (USER when the passwd entry is missing). */
function localUserName(env: Readonly<Record<string, string | undefined>>): string {
  return passwdUserName() ?? env['USER'] ?? env['LOGNAME'] ?? 'root';
}

// The passwd lookup does not change during a run: once, not once per host.
let passwdUser: { name: string | undefined } | undefined;

function passwdUserName(): string | undefined {
  if (passwdUser === undefined) {
    try {
      passwdUser = { name: userInfo().username };
    } catch {
      passwdUser = { name: undefined };
    }
  }
  return passwdUser.name;
}

interface TokenValues {
  home: string;
  host: string;
  port: number;
  user: string;
  localUser: string;
}

/** ssh's TOKENS for file names: ~, %d, %h, %p, %r, %u, %%. */
export function expandPathTokens(path: string, t: TokenValues): string {
  const withTokens = path.replace(/%([%dhpru])/g, (_, token: string) => {
    switch (token) {
      case 'd':
        return t.home;
      case 'h':
        return t.host;
      case 'p':
        return String(t.port);
      case 'r':
        return t.user;
      case 'u':
        return t.localUser;
      default:
        return '%';
    }
  });
  return expandHome(withTokens, t.home);
}

export function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

function identityList(explicit: string | undefined, args: SshArgs, config: SshConfigEntry, t: TokenValues): { files: string[]; named: boolean } {
  const given = [explicit, ...args.identityFiles, ...config.identityFiles].filter((f): f is string => f !== undefined);
  const files = given.length > 0 ? given : DEFAULT_IDENTITIES.map((name) => `~/.ssh/${name}`);
  return { files: [...new Set(files.map((f) => expandPathTokens(f, t)))], named: given.length > 0 };
}

function knownHostsFiles(fromArgs: string | undefined, config: SshConfigEntry, t: TokenValues): string[] {
  const listed = fromArgs !== undefined ? fromArgs.split(/\s+/).filter((f) => f !== '') : config.userKnownHostsFiles;
  const files = listed.length > 0 ? listed : ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'];
  // Like ssh, the system-wide file is consulted too.
  return [...new Set([...files.map((f) => expandPathTokens(f, t)), '/etc/ssh/ssh_known_hosts'])];
}

function hostKeyPolicy(
  vars: HostVars,
  settings: ConnectionSettings,
  env: Readonly<Record<string, string | undefined>>,
  strict: string | undefined,
): HostKeyPolicy {
  const checking =
    parseBoolean(stringVar(vars, 'ansible_host_key_checking', 'ansible_ssh_host_key_checking'), 'ansible_host_key_checking') ??
    parseBoolean(env['TSIBLE_HOST_KEY_CHECKING'], 'TSIBLE_HOST_KEY_CHECKING') ??
    parseBoolean(env['ANSIBLE_HOST_KEY_CHECKING'], 'ANSIBLE_HOST_KEY_CHECKING') ??
    settings.hostKeyChecking ??
    true;
  if (!checking) return 'off';
  const mode = strict?.toLowerCase();
  if (mode === 'no' || mode === 'off' || mode === 'false') return 'off';
  if (mode === 'accept-new') return 'accept-new';
  return 'strict';
}

function routeFor(
  proxyJump: string | undefined,
  proxyCommand: string | undefined,
  context: { configPath: string; home: string; localUser: string },
): { jumps: SshEndpoint[]; proxyCommand?: string | undefined } {
  if (proxyJump !== undefined && proxyJump.toLowerCase() !== 'none') {
    return { jumps: parseJumpList(proxyJump, context) };
  }
  if (proxyCommand !== undefined && proxyCommand.toLowerCase() !== 'none') {
    const jump = parseProxyCommand(proxyCommand, context);
    return jump ? { jumps: jump } : { jumps: [], proxyCommand };
  }
  return { jumps: [] };
}

function stripBrackets(host: string): string {
  return /^\[.*\]$/.test(host) ? host.slice(1, -1) : host;
}
