import SSHConfig from 'ssh-config';
import { TsibleError } from '../../errors/tsible-error.js';
import { readWithIncludes } from './ssh-config-include.js';

/** The ~/.ssh/config settings this client honours, for one host. */
export interface SshConfigEntry {
  hostName?: string | undefined;
  user?: string | undefined;
  port?: string | undefined;
  identityFiles: string[];
  identitiesOnly?: string | undefined;
  proxyJump?: string | undefined;
  proxyCommand?: string | undefined;
  userKnownHostsFiles: string[];
  strictHostKeyChecking?: string | undefined;
  serverAliveInterval?: string | undefined;
  serverAliveCountMax?: string | undefined;
  connectionAttempts?: string | undefined;
  hostKeyAlias?: string | undefined;
  batchMode?: string | undefined;
}

export const EMPTY_SSH_CONFIG: SshConfigEntry = { identityFiles: [], userKnownHostsFiles: [] };

/** Parsed config files, so a run reads each file once. */
const cache = new Map<string, SSHConfig | null>();

function loadConfig(path: string, home: string, required: boolean): SSHConfig | null {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  let config: SSHConfig | null = null;
  try {
    config = SSHConfig.parse(readWithIncludes(path, home));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (required || (code !== 'ENOENT' && code !== 'ENOTDIR')) {
      throw new TsibleError(`cannot read ssh config ${path}: ${(error as Error).message}`, {
        code: 'TSIBLE_SSH_CONFIG',
        location: { file: path, line: 1, column: 1 },
        cause: error,
      });
    }
  }
  cache.set(path, config);
  return config;
}

/** Resolves `host` (the name given to ssh) in the config file at `path`. */
export function resolveSshConfig(path: string, host: string, home: string, required = false): SshConfigEntry {
  const config = loadConfig(path, home, required);
  if (!config) return EMPTY_SSH_CONFIG;
  // Match exec would run commands from the file; it is never evaluated here.
  const computed = config.compute(host, { ignoreCase: true, matchExec: false });
  const one = (name: string): string | undefined => {
    const value = computed[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const many = (name: string): string[] => {
    const value = computed[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(/\s+/)).filter((v) => v !== '');
  };
  return {
    hostName: one('hostname'),
    user: one('user'),
    port: one('port'),
    identityFiles: many('identityfile'),
    identitiesOnly: one('identitiesonly'),
    proxyJump: one('proxyjump'),
    proxyCommand: one('proxycommand'),
    userKnownHostsFiles: many('userknownhostsfile'),
    strictHostKeyChecking: one('stricthostkeychecking'),
    serverAliveInterval: one('serveraliveinterval'),
    serverAliveCountMax: one('serveralivecountmax'),
    connectionAttempts: one('connectionattempts'),
    hostKeyAlias: one('hostkeyalias'),
    batchMode: one('batchmode'),
  };
}

/** Forgets parsed files (tests rewrite them). */
export function clearSshConfigCache(): void {
  cache.clear();
}
