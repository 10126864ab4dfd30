import { accessSync, constants, openSync, readSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import { runSecrets } from '../../output/secrets/secret-registry.js';
import { isVaultEnvelope, VaultErrorCode, type Vault } from '../../vault/index.js';
import { dirname, extname, join } from 'node:path';
import { InventoryError, syntaxError } from '../errors.js';
import { kindOfPath } from '../fs-kind.js';
import { parseIniInventory } from './ini.js';
import { isHostList, parseHostList } from './host-list.js';
import { parseInventoryScript } from './script.js';
import type { SourceContext } from './source-context.js';
import { NotYamlInventory, parseYamlInventory } from './yaml.js';

/** Extensions Ansible skips in inventory directories (REJECT_EXTS plus .orig, .ini, .cfg, .retry). */
export const DEFAULT_IGNORE_EXTENSIONS: readonly string[] = ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry'];
const YAML_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface ReadOptions {
  ignoreExtensions: readonly string[];
  /** Regular expressions (Python syntax, searched) for directory entries to skip. */
  ignorePatterns: readonly string[];
  scriptTimeoutMs: number;
  /** Opens inventory files vaulted as a whole. */
  vault?: Vault | undefined;
}

function isExecutableScript(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    // Ansible also runs files that start with #! even without the x bit.
  }
  try {
    const fd = openSync(path, 'r');
    const buf = Buffer.alloc(2);
    readSync(fd, buf, 0, 2, 0);
    closeSync(fd);
    return buf.toString('latin1') === '#!';
  } catch {
    return false;
  }
}

function ignoredEntry(name: string, options: ReadOptions): boolean {
  if (name.startsWith('.') || name === 'host_vars' || name === 'group_vars' || name === 'vars_plugins') return true;
  if (options.ignoreExtensions.some((ext) => name.endsWith(ext))) return true;
  return options.ignorePatterns.some((p) => new RegExp(p).test(name));
}

/**
 * Reads one inventory source into ctx.data the way Ansible picks a plugin:
 * host list, executable script, YAML (by extension or none), then INI; a
 * directory reads every entry in sorted order. Returns false when the source
 * does not exist (Ansible warns and goes on).
 */
export async function readSource(source: string, ctx: Omit<SourceContext, 'file'>, options: ReadOptions): Promise<boolean> {
  const kind = kindOfPath(source);
  if (isHostList(source, kind !== undefined)) {
    ctx.data.currentSource = source;
    ctx.data.currentSourceDir = null;
    parseHostList(source, { ...ctx, file: source });
    return true;
  }
  if (kind === undefined) return false;
  if (kind === 'dir') {
    let parsed = false;
    const entries = readdirSync(source).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const entry of entries) {
      if (ignoredEntry(entry, options)) continue;
      if (await readSource(join(source, entry), ctx, options)) parsed = true;
    }
    return parsed;
  }
  ctx.data.currentSource = source;
  ctx.data.currentSourceDir = dirname(source);
  const fileCtx: SourceContext = { ...ctx, file: source };
  if (isExecutableScript(source)) {
    await parseInventoryScript(fileCtx, { timeoutMs: options.scriptTimeoutMs });
    return true;
  }
  const bytes = readFileSync(source);
  if (isVaultEnvelope(bytes)) {
    // The values a vaulted inventory sets are secrets, as in a vaulted vars file.
    ctx.data.secretValues = (key, value) => runSecrets.addLeaves({ [key]: value });
    try {
      parseText(textOf(await decryptSource(source, bytes, options.vault), source), source, fileCtx);
    } finally {
      ctx.data.secretValues = undefined;
    }
    return true;
  }
  parseText(textOf(bytes, source), source, fileCtx);
  return true;
}

async function decryptSource(source: string, bytes: Buffer, vault: Vault | undefined): Promise<Buffer> {
  if (vault === undefined || vault.secrets.size === 0) {
    throw new TsibleError(`Attempting to decrypt but no vault secrets found on ${source}`, {
      code: VaultErrorCode.noSecrets,
      exitCode: ExitCode.parserError,
      location: { file: source, line: 1, column: 1 },
      hint: 'give a vault password with --vault-id, --vault-password-file or --ask-vault-pass',
    });
  }
  return vault.decrypt(bytes, { file: source });
}

/** YAML (by extension or none), then INI, as Ansible tries its plugins. */
function parseText(text: string, source: string, fileCtx: SourceContext): void {
  const ext = extname(source);
  let yamlFailure: NotYamlInventory | undefined;
  if (!ext || YAML_EXTENSIONS.includes(ext)) {
    try {
      parseYamlInventory(text, fileCtx);
      return;
    } catch (err) {
      if (!(err instanceof NotYamlInventory)) throw err;
      yamlFailure = err;
    }
  }
  try {
    parseIniInventory(text, fileCtx);
  } catch (iniErr) {
    // The YAML reason is the useful one for YAML files and for text that is YAML.
    if (yamlFailure && (ext || yamlFailure.parsedAsYaml) && iniErr instanceof InventoryError) {
      throw syntaxError(yamlFailure.message, yamlFailure.location);
    }
    throw iniErr;
  }
}

function textOf(bytes: Buffer, path: string): string {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
    throw syntaxError(`${path} is not valid UTF-8 text`, { file: path, line: 1, column: 1 }, 'inventory files must be UTF-8');
  }
  return text;
}
