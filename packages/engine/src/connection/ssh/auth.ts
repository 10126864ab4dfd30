import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, ParsedKey } from 'ssh2';

// ssh2 is CommonJS: only its default export is reliable from ESM.
const { utils } = ssh2;

export interface AuthSources {
  user: string;
  password?: string | undefined;
  identityFiles: readonly string[];
  /** Explicitly named key files: a missing one is worth a warning. */
  explicitIdentityFiles: readonly string[];
  agentSocket?: string | undefined;
  identitiesOnly: boolean;
  promptPassphrase?: ((prompt: string) => Promise<string>) | undefined;
}

/** What happened during authentication, for the failure message. */
export interface AuthReport {
  serverMethods: string[];
  notes: string[];
}

type Candidate = { wire: string; method: () => Promise<AnyAuthMethod | undefined> };

const PASSPHRASE_ATTEMPTS = 3;

/**
 * Tries, in ssh's order: the agent, each private key, password, then
 * keyboard-interactive (answered with the password). Only methods the server
 * still accepts are tried. Keys are read and decrypted only when reached.
 */
export function createAuthHandler(sources: AuthSources, report: AuthReport): AuthHandlerMiddleware {
  const candidates = authCandidates(sources, report);
  let first = true;
  return (methodsLeft, _partialSuccess, next) => {
    if (first) {
      first = false;
      // "none" learns which methods the server allows, as ssh does.
      next({ type: 'none', username: sources.user });
      return;
    }
    if (methodsLeft) report.serverMethods = [...methodsLeft];
    // false (no method left) is accepted by ssh2 although its typings omit it.
    void pickNext(candidates, methodsLeft ?? [], report).then((method) => next(method ?? (false as unknown as AuthenticationType)));
  };
}

async function pickNext(candidates: Candidate[], allowed: readonly AuthenticationType[], report: AuthReport): Promise<AnyAuthMethod | undefined> {
  for (;;) {
    const candidate = candidates.shift();
    if (!candidate) return undefined;
    if (!allowed.includes(candidate.wire as AuthenticationType)) continue;
    try {
      const method = await candidate.method();
      if (method) return method;
    } catch (error) {
      report.notes.push((error as Error).message);
    }
  }
}

function authCandidates(sources: AuthSources, report: AuthReport): Candidate[] {
  const username = sources.user;
  const list: Candidate[] = [];
  if (sources.agentSocket && !sources.identitiesOnly) {
    const agent = sources.agentSocket;
    list.push({ wire: 'publickey', method: async () => ({ type: 'agent', username, agent }) });
  }
  for (const file of sources.identityFiles) {
    list.push({
      wire: 'publickey',
      method: async () => {
        const key = await loadPrivateKey(file, sources, report);
        return key ? { type: 'publickey', username, key } : undefined;
      },
    });
  }
  if (sources.password !== undefined) {
    const password = sources.password;
    list.push({ wire: 'password', method: async () => ({ type: 'password', username, password }) });
    list.push({
      wire: 'keyboard-interactive',
      method: async () => ({
        type: 'keyboard-interactive',
        username,
        // Every prompt of the exchange is the password prompt in practice (PAM).
        prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)),
      }),
    });
  }
  return list;
}

/** What reading one key file gave; shared by every host of the run. */
interface KeyLoad {
  key: ParsedKey | undefined;
  missing: boolean;
  note: string | undefined;
}

/**
 * Keys are read and decrypted once per run, not once per host: with fifty
 * hosts an encrypted key asks for its passphrase once.
 */
const keyLoads = new Map<string, Promise<KeyLoad>>();

async function loadPrivateKey(file: string, sources: AuthSources, report: AuthReport): Promise<ParsedKey | undefined> {
  const cacheKey = `${file}\0${sources.promptPassphrase ? 'prompt' : 'batch'}`;
  let load = keyLoads.get(cacheKey);
  if (!load) {
    load = readPrivateKey(file, sources.promptPassphrase);
    keyLoads.set(cacheKey, load);
  }
  const { key, missing, note } = await load;
  // ssh's default identities are tried quietly; a named file that is missing is worth saying.
  if (note !== undefined && (!missing || sources.explicitIdentityFiles.includes(file))) report.notes.push(note);
  return key;
}

async function readPrivateKey(file: string, prompt: AuthSources['promptPassphrase']): Promise<KeyLoad> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { key: undefined, missing: true, note: `identity file ${file} not accessible: ${reason}` };
  }
  const failed = (note: string): KeyLoad => ({ key: undefined, missing: false, note });
  const plain = utils.parseKey(data);
  if (!(plain instanceof Error)) return { key: firstKey(plain), missing: false, note: undefined };
  if (!/passphrase|encrypted/i.test(plain.message)) return failed(`identity file ${file} is not a usable private key: ${plain.message}`);
  if (!prompt) {
    return failed(`private key ${file} is passphrase-protected and there is no terminal to ask for the passphrase (add it to ssh-agent)`);
  }
  for (let attempt = 0; attempt < PASSPHRASE_ATTEMPTS; attempt += 1) {
    const key = utils.parseKey(data, await prompt(`Enter passphrase for key '${file}': `));
    if (!(key instanceof Error)) return { key: firstKey(key), missing: false, note: undefined };
  }
  return failed(`wrong passphrase for private key ${file}`);
}

function firstKey(parsed: ParsedKey | ParsedKey[]): ParsedKey | undefined {
  return Array.isArray(parsed) ? parsed[0] : parsed;
}
