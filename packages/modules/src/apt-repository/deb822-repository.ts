import { createHash } from 'node:crypto';
import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeContentCall } from '../support/remote/file-records.js';
import { ModeError, parseModeOption, resolveMode } from '../support/file-attrs/mode.js';

/** ansible.builtin.deb822_repository's options (ansible-core 2.15). */
export const deb822RepositorySpec = {
  options: {
    allow_downgrade_to_insecure: { type: 'bool' },
    allow_insecure: { type: 'bool' },
    allow_weak: { type: 'bool' },
    architectures: { type: 'list', elements: 'str' },
    by_hash: { type: 'bool' },
    check_date: { type: 'bool' },
    check_valid_until: { type: 'bool' },
    components: { type: 'list', elements: 'str' },
    date_max_future: { type: 'int' },
    enabled: { type: 'bool' },
    inrelease_path: { type: 'str' },
    languages: { type: 'list', elements: 'str' },
    name: { type: 'str', required: true },
    pdiffs: { type: 'bool' },
    signed_by: { type: 'str' },
    suites: { type: 'list', elements: 'str' },
    targets: { type: 'list', elements: 'str' },
    trusted: { type: 'bool' },
    types: { type: 'list', elements: 'str', choices: ['deb', 'deb-src'], default: ['deb'] },
    uris: { type: 'list', elements: 'str' },
    mode: { type: 'raw', default: '0644' },
    state: { type: 'str', choices: ['present', 'absent'], default: 'present' },
  },
} as const satisfies ArgumentSpec;

export type Deb822RepositoryParams = ParamsOf<typeof deb822RepositorySpec>;

const KEYRINGS = '/etc/apt/keyrings';

/** Options written as fields, in Ansible's order (its argument spec's). */
const FIELDS = [
  'allow_downgrade_to_insecure', 'allow_insecure', 'allow_weak', 'architectures', 'by_hash', 'check_date', 'check_valid_until',
  'components', 'date_max_future', 'enabled', 'inrelease_path', 'languages', 'name', 'pdiffs', 'signed_by', 'suites', 'targets',
  'trusted', 'types', 'uris',
] as const;

/** The file name part Ansible derives from `name`: lower case, runs of _ and blanks as '-', other characters dropped. */
export function repositorySlug(name: string): string {
  return name.toLowerCase().replace(/[_\s]+/g, '-').replace(/[^a-z0-9-]+/g, '');
}

function fieldName(key: string): string {
  if (key === 'name') return 'X-Repolib-Name';
  if (key === 'uris') return 'URIs';
  return key.replaceAll('_', '-').replace(/[A-Za-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
}

/** A multi-line value as a deb822 continuation: indented lines, blank ones as '.'. */
function multiline(value: string): string {
  return `\n${value.trim().split(/\r?\n/).map((l) => `    ${l.trim() || '.'}`).join('\n')}`;
}

/** The .sources text: one `Field: value` per set option. */
export function sourcesText(p: Deb822RepositoryParams, signedBy: string | null): string {
  const lines: string[] = [];
  for (const key of FIELDS) {
    const raw = key === 'signed_by' ? signedBy : p[key];
    if (raw === null || raw === undefined) continue;
    let value = typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : Array.isArray(raw) ? raw.join(' ') : String(raw);
    if (value.includes('\n')) value = multiline(value);
    lines.push(value === '' || value.startsWith('\n') ? `${fieldName(key)}:${value}` : `${fieldName(key)}: ${value}`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

const hasScheme = (value: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value);
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function probeScript(dest: string, slug: string, signedBy: string | null): string {
  const lines = [
    `printf '@umask\\t%s\\n' "$(umask)"`,
    `if [ -f ${shellQuote(dest)} ]; then printf '@dest\\t%s\\t%s\\n' "$(stat -c %a -- ${shellQuote(dest)})" "$(sha256sum < ${shellQuote(dest)} | cut -d' ' -f1)"; fi`,
    `[ -d ${KEYRINGS} ] && printf '@keyrings\\t%s\\n' "$(stat -c '%a %U %G' ${KEYRINGS})"`,
  ];
  for (const ext of ['asc', 'gpg']) {
    const key = shellQuote(`${KEYRINGS}/${slug}.${ext}`);
    lines.push(`[ -e ${key} ] && printf '@key\\t${ext}\\t%s\\t%s\\n' "$(stat -c %a -- ${key})" "$(sha256sum < ${key} | cut -d' ' -f1)"`);
  }
  if (signedBy !== null && !signedBy.includes('\n')) lines.push(`[ -f ${shellQuote(signedBy)} ] && printf '@keyfile\\n'`);
  if (signedBy !== null && !signedBy.includes('\n') && hasScheme(signedBy)) {
    const url = shellQuote(signedBy);
    lines.push(
      `ts_kf=$(mktemp) || ts_fail 'could not create a temporary file'`,
      `if command -v curl >/dev/null 2>&1; then ts_ke=$(curl -fsSL -o "$ts_kf" -- ${url} 2>&1); else ts_ke=$(wget -q -O "$ts_kf" -- ${url} 2>&1); fi || { rm -f -- "$ts_kf"; ts_fail "Could not fetch signed_by key: $ts_ke"; }`,
      `printf '@fetched\\t%s\\n' "$(base64 < "$ts_kf" | tr -d '\\n')"; rm -f -- "$ts_kf"`,
    );
  }
  lines.push('true');
  return lines.join('\n');
}

function parseMode(value: unknown): ReturnType<typeof parseModeOption> | string {
  try {
    return parseModeOption(value);
  } catch (err) {
    if (err instanceof ModeError) return err.message;
    throw err;
  }
}

async function absent(ctx: ModuleContext, dest: string, slug: string): Promise<ModuleResult> {
  const probe = await runFileScript(ctx, probeScript(dest, slug, null));
  if (probe.failure !== undefined) return failed(probe.failure);
  const keys = (probe.records.get('@key') ?? []).map((r) => `${KEYRINGS}/${slug}.${r[0] ?? ''}`);
  const doomed = [...(probe.records.has('@dest') ? [dest] : []), ...keys];
  if (doomed.length > 0 && !ctx.checkMode) {
    const run = await runFileScript(ctx, doomed.map((f) => `rm -f -- ${shellQuote(f)} || ts_fail ${shellQuote(`could not remove ${f}`)}`).join('\n'));
    if (run.failure !== undefined) return failed(run.failure);
  }
  return { repo: null, changed: doomed.length > 0, dest, key_filename: `${KEYRINGS}/${slug}.gpg` };
}

async function runDeb822(ctx: ModuleContext, p: Deb822RepositoryParams): Promise<ModuleResult> {
  const slug = repositorySlug(p.name);
  const dest = `/etc/apt/sources.list.d/${slug}.sources`;
  if (p.state === 'absent') return absent(ctx, dest, slug);
  const mode = parseMode(p.mode);
  if (typeof mode === 'string') return failed(mode);

  const probe = await runFileScript(ctx, probeScript(dest, slug, p.signed_by));
  if (probe.failure !== undefined) return failed(probe.failure);
  const umask = parseInt(firstRecord(probe, '@umask')?.[0] ?? '022', 8);
  const steps: string[] = [];
  let changed = false;

  // signed_by: a key file on the target is named as is, a URL is fetched into the keyrings, anything else is the key itself.
  let signedBy = p.signed_by;
  let keyFilename: string | null = null;
  const fetched = firstRecord(probe, '@fetched');
  if (p.signed_by !== null && probe.records.has('@keyfile')) keyFilename = p.signed_by;
  else if (fetched !== undefined && fetched[0] !== '') {
    const data = Buffer.from(fetched[0] ?? '', 'base64');
    const ext = data.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----') ? 'asc' : 'gpg';
    keyFilename = `${KEYRINGS}/${slug}.${ext}`;
    signedBy = keyFilename;
    const current = (probe.records.get('@key') ?? []).find((r) => r[0] === ext);
    if (current?.[2] !== sha256(data)) {
      changed = true;
      const keyrings = firstRecord(probe, '@keyrings')?.[0];
      if (keyrings !== '755 root root') steps.push(`mkdir -p ${KEYRINGS} && chown root:root ${KEYRINGS} && chmod 0755 ${KEYRINGS} || ts_fail 'could not create ${KEYRINGS}'`);
      steps.push(`mkdir -p ${KEYRINGS}`, writeContentCall(shellQuote(keyFilename), data, '644'));
    } else if (current[1] !== '644') {
      changed = true;
      steps.push(`chmod 0644 ${shellQuote(keyFilename)}`);
    }
  } else if (fetched !== undefined) keyFilename = p.signed_by;

  const repo = sourcesText(p, signedBy);
  const destRecord = firstRecord(probe, '@dest');
  const current = destRecord === undefined ? null : { mode: parseInt(destRecord[0] ?? '0', 8), sum: destRecord[1] };
  const newMode = current === null ? 0o666 & ~umask : current.mode;
  const wantedMode = mode === null ? newMode : resolveMode(mode, newMode, false, umask);
  if (current?.sum !== sha256(Buffer.from(repo, 'utf8'))) {
    changed = true;
    steps.push(writeContentCall(shellQuote(dest), repo, wantedMode.toString(8)));
  } else if (wantedMode !== current.mode) {
    changed = true;
    steps.push(`chmod ${wantedMode.toString(8)} ${shellQuote(dest)} || ts_fail ${shellQuote(`could not set the mode of ${dest}`)}`);
  }
  if (steps.length > 0 && !ctx.checkMode) {
    const run = await runFileScript(ctx, steps.join('\n'));
    if (run.failure !== undefined) return failed(run.failure);
  }
  return { repo, changed, dest, key_filename: keyFilename };
}

export const deb822RepositoryModule: Module<typeof deb822RepositorySpec> = {
  name: 'deb822_repository',
  spec: deb822RepositorySpec,
  supportsCheckMode: true,
  run: runDeb822,
};
