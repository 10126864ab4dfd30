import { TsibleError } from '../../errors/tsible-error.js';
import { shellSplit } from '../shell-split.js';
import { addWords, emptySshArgs } from './ssh-args.js';
import { resolveSshConfig } from './ssh-config-file.js';
import { parsePort } from './var-values.js';

/** One hop of a ProxyJump route, resolved through the ssh config. */
export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
  identityFiles: string[];
}

interface JumpContext {
  configPath: string;
  home: string;
  localUser: string;
}

/** `[user@]host[:port]` or `ssh://[user@]host[:port]`, comma-separated, first hop first. */
export function parseJumpList(spec: string, context: JumpContext): SshEndpoint[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => parseJump(part, context));
}

interface JumpParts {
  name: string;
  port: string | undefined;
  user: string | undefined;
}

function parseJump(text: string, context: JumpContext): SshEndpoint {
  const parts = splitJump(text);
  return endpointFor(parts.name, parts.port, parts.user, [], context);
}

function splitJump(text: string): JumpParts {
  const spec = text.startsWith('ssh://') ? text.slice('ssh://'.length) : text;
  const at = spec.lastIndexOf('@');
  const user = at === -1 ? undefined : spec.slice(0, at);
  const hostPort = at === -1 ? spec : spec.slice(at + 1);
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(hostPort);
  // A bare IPv6 literal has several colons and no port.
  const ipv6 = !bracketed && hostPort.split(':').length > 2 ? [hostPort, hostPort, undefined] : undefined;
  const match = bracketed ?? ipv6 ?? plain;
  if (!match || !match[1]) {
    throw new TsibleError(`invalid jump host "${text}" (expected [user@]host[:port])`, { code: 'TSIBLE_SSH_JUMP' });
  }
  return { name: match[1], port: match[2] ?? undefined, user };
}

function endpointFor(
  name: string,
  port: string | undefined,
  user: string | undefined,
  identityFiles: string[],
  context: JumpContext,
): SshEndpoint {
  const config = resolveSshConfig(context.configPath, name, context.home);
  const files = [...identityFiles, ...config.identityFiles].map((f) => (f.startsWith('~/') ? `${context.home}/${f.slice(2)}` : f));
  return {
    host: config.hostName ?? name,
    port: parsePort(port ?? config.port, `port of jump host ${name}`) ?? 22,
    user: user ?? config.user ?? context.localUser,
    identityFiles: files,
  };
}

/**
 * Recognises the classic `ssh -W %h:%p [options] jumphost` ProxyCommand and
 * turns it into a jump route (undefined for any other command).
 */
export function parseProxyCommand(command: string, context: JumpContext): SshEndpoint[] | undefined {
  const words = shellSplit(command);
  const program = words[0];
  if (program === undefined || !/(^|\/)ssh$/.test(program)) return undefined;
  const args = emptySshArgs();
  const operands = addWords(args, words.slice(1));
  const forward = args.ignored.find((flag) => flag.startsWith('-W'));
  if (!forward || !/%h/.test(forward) || operands.length !== 1) return undefined;
  const inner = args.options['proxyjump'];
  const viaInner = inner !== undefined && inner.toLowerCase() !== 'none' ? parseJumpList(inner, context) : [];
  const hop = splitJump(operands[0]!);
  return [...viaInner, endpointFor(hop.name, hop.port ?? args.port, hop.user ?? args.user, args.identityFiles, context)];
}
