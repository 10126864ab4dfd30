import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { fileText, readFileRecord, readLines, writeContentCall } from '../support/remote/file-records.js';

/** community.general.locale_gen's options. */
export const localeGenSpec = {
  options: {
    name: { type: 'str', required: true },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
  },
} as const satisfies ArgumentSpec;

export type LocaleGenParams = ParamsOf<typeof localeGenSpec>;

const LOCALE_GEN = '/etc/locale.gen';
/** Ubuntu keeps its own list of locales to build. */
const UBUNTU_LOCAL = '/var/lib/locales/supported.d/local';

/** `locale -a` spells charsets its own way; Ansible compares through this table. */
const NORMALISATION: ReadonlyArray<[string, string]> = [
  ['.utf8', '.UTF-8'],
  ['.eucjp', '.EUC-JP'],
  ['.iso885915', '.ISO-8859-15'],
  ['.cp1251', '.CP1251'],
  ['.koi8r', '.KOI8-R'],
  ['.armscii8', '.ARMSCII-8'],
  ['.euckr', '.EUC-KR'],
  ['.gbk', '.GBK'],
  ['.gb18030', '.GB18030'],
  ['.euctw', '.EUC-TW'],
];

const fixCase = (name: string): string => NORMALISATION.reduce((n, [from, to]) => n.replaceAll(from, to), name);

/** Whether the list of buildable locales names it (commented out or not in locale.gen). */
function isAvailable(list: string, name: string, ubuntu: boolean): boolean {
  const pattern = ubuntu ? /^(\S+_\S+) (\S+)\s*$/ : /^#?\s*(\S+_\S+) (\S+)\s*$/;
  return readLines(list).some((line) => pattern.exec(line)?.[1] === name);
}

/** Ansible's set_locale: every `#? NAME charset` uncommented (present) or commented out (absent). */
function toggledLocaleGen(content: string, name: string, enabled: boolean): string {
  // The name is a regular expression in Ansible too (a '.' matches any character).
  const search = new RegExp(`#?\\s*${name} (.+)`, 'g');
  return readLines(content)
    .map((line) => line.replace(search, (_m, charset: string) => `${enabled ? '' : '# '}${name} ${charset}`))
    .join('');
}

function probeScript(): string {
  return [
    `if [ -d /var/lib/locales/supported.d/ ]; then printf '@mode\\tubuntu\\n'; ${readFileRecord('list', '/usr/share/i18n/SUPPORTED')}; ${readFileRecord('local', UBUNTU_LOCAL)}`,
    `elif [ -e ${LOCALE_GEN} ]; then printf '@mode\\tdebian\\n'; ${readFileRecord('list', LOCALE_GEN)}`,
    `else printf '@mode\\tnone\\n'; fi`,
    `printf '@have\\t%s\\n' "$(locale -a 2>/dev/null | base64 | tr -d '\\n')"`,
  ].join('\n');
}

/** sh running locale-gen with Ansible's message when it fails. */
function localeGenCall(args: string): string {
  return `locale-gen${args} >/dev/null 2>&1; ts_rc=$?; [ "$ts_rc" = 0 ] || { printf '@gen\\t%s\\n' "$ts_rc"; exit 0; }`;
}

function changeScript(ubuntu: boolean, name: string, present: boolean, list: string, local: string | null): string {
  if (!ubuntu) return [writeContentCall(LOCALE_GEN, toggledLocaleGen(list, name, present)), localeGenCall('')].join('\n');
  if (present) return localeGenCall(` ${shellQuote(name)}`);
  const kept = readLines(local ?? '').filter((line) => line.split(' ')[0] !== name);
  return [writeContentCall(UBUNTU_LOCAL, kept.join('')), localeGenCall(' --purge')].join('\n');
}

async function runLocaleGen(ctx: ModuleContext, params: LocaleGenParams): Promise<ModuleResult> {
  try {
    toggledLocaleGen('', params.name, true);
  } catch (err) {
    // The name is used as a pattern, as in Ansible (which stops with a traceback on a bad one).
    return failed(`invalid locale name ${params.name}: ${(err as Error).message}`);
  }
  const probe = await runFileScript(ctx, probeScript());
  if (probe.failure !== undefined) return failed(probe.failure);
  const mode = firstRecord(probe, '@mode')?.[0];
  if (mode === 'none') return failed('/etc/locale.gen and /var/lib/locales/supported.d/local are missing. Is the package "locales" installed?');
  const ubuntu = mode === 'ubuntu';
  const list = fileText(probe, 'list') ?? '';
  if (!isAvailable(list, params.name, ubuntu)) return failed("The locale you've entered is not available on your system.");
  const have = Buffer.from(firstRecord(probe, '@have')?.[0] ?? '', 'base64').toString('utf8').split('\n');
  const present = have.some((line) => fixCase(line) === fixCase(params.name));
  const changed = present !== (params.state === 'present');
  if (ctx.checkMode) return { changed };
  if (changed) {
    const run = await runFileScript(ctx, changeScript(ubuntu, params.name, params.state === 'present', list, fileText(probe, 'local')));
    const rc = firstRecord(run, '@gen')?.[0];
    if (rc !== undefined) return failed(`[Errno ${rc}] locale.gen failed to execute, it returned ${rc}`, { exitValue: Number(rc) });
    if (run.failure !== undefined) return failed(run.failure);
  }
  return { name: params.name, changed, msg: 'OK' };
}

export const localeGenModule: Module<typeof localeGenSpec> = {
  name: 'locale_gen',
  spec: localeGenSpec,
  supportsCheckMode: true,
  run: runLocaleGen,
};
