import { shellQuote } from '@tsible/engine/connection/quote';
import type { IptablesStateParams } from './iptables-state-spec.js';
import { TABLES } from './iptables-state-format.js';
import { findProgram } from '../support/remote/find-program.js';

/**
 * The sh side of iptables_state. Every command Ansible's module runs runs
 * here in the same order; outputs come back as base64 records:
 *   @bins IPTABLES SAVE RESTORE      the programs found
 *   @initial / @ref / @torestore / @cur   whole outputs or files
 *   @table T OUT / @tafter T OUT / @trollback T OUT   one table's save
 *   @cmdfail CMD RC OUT ERR          a command Ansible runs with check_rc failed
 *   @testfail CMD RC OUT ERR         the --test run of a table failed
 *   @lockfail RC OUT ERR             the restore found the xtables lock held
 */

const PROGRAMS = { ipv4: ['iptables', 'iptables-save', 'iptables-restore'], ipv6: ['ip6tables', 'ip6tables-save', 'ip6tables-restore'] } as const;
const LOCK_MESSAGE = 'Another app is currently holding the xtables lock';

/** sh helpers shared by the task's script and the rollback watchdog; $ts_d is a private directory. */
const FUNCTIONS = `ts_b64() { base64 < "$1" | tr -d '\\n'; }
ts_rec() { printf '@%s\\t%s\\n' "$1" "$(ts_b64 "$2")"; }
ts_rec2() { printf '@%s\\t%s\\t%s\\n' "$1" "$2" "$(ts_b64 "$3")"; }
# ts_run KIND OUT ARGV...: runs ARGV (stdin from $ts_in or /dev/null), stdout to $ts_d/OUT; on failure prints @KIND.
ts_run() {
  ts_k=$1; ts_o=$2; shift 2
  "$@" >"$ts_d/$ts_o" 2>"$ts_d/err" <"\${ts_in:-/dev/null}"; ts_rc=$?
  [ "$ts_rc" = 0 ] && return 0
  printf '@%s\\t%s\\t%s\\t%s\\t%s\\n' "$ts_k" "$*" "$ts_rc" "$(ts_b64 "$ts_d/$ts_o")" "$(ts_b64 "$ts_d/err")"
  return 1
}
ts_must() { ts_run cmdfail "$@" || exit 0; }
ts_has() { grep -qxF "*$2" "$1"; }`;

export interface Commands {
  /** sh words, with the programs as "$ts_ipt", "$ts_save", "$ts_restore". */
  init: string[];
  initializer: string[];
  fallback: string[];
  save: string[];
  main: string[];
  back: (file: string) => string[];
}

/** The options' words of each command line, built as Ansible's module builds them. */
export function optionWords(p: IptablesStateParams): { modprobe: string[]; args: string[]; wait: string[] } {
  const modprobe = p.modprobe !== null ? ['--modprobe', p.modprobe] : [];
  return {
    modprobe,
    args: [...(p.counters ? ['--counters'] : []), ...(p.table !== null ? ['--table', p.table] : []), ...modprobe],
    wait: p.wait !== null ? ['--wait', String(p.wait)] : [],
  };
}

/** The restore command's words after the program (Ansible's MAINCOMMAND). */
export function mainWords(p: IptablesStateParams): string[] {
  const { args, wait } = optionWords(p);
  return [...args, ...wait, ...(p.noflush ? ['--noflush'] : []), p.path];
}

const q = (words: readonly string[]): string[] => words.map((w) => shellQuote(w));

export function commandsOf(p: IptablesStateParams): Commands {
  const { modprobe, args, wait } = optionWords(p);
  return {
    init: ['"$ts_save"', ...q(modprobe)],
    initializer: ['"$ts_ipt"', '-L', '-n', ...q(modprobe)],
    fallback: ['"$ts_restore"', ...q(modprobe)],
    save: ['"$ts_save"', ...q(args)],
    main: ['"$ts_restore"', ...q(mainWords(p))],
    back: (file) => ['"$ts_restore"', ...q(args), ...q(wait), file],
  };
}

function programs(p: IptablesStateParams): string {
  const [ipt, save, restore] = PROGRAMS[p.ip_version === 'ipv6' ? 'ipv6' : 'ipv4'];
  const find = (variable: string, name: string): string => findProgram(variable, name, 'ts_stop');
  return [find('ts_ipt', ipt), find('ts_save', save), find('ts_restore', restore), `printf '@bins\\t%s\\t%s\\t%s\\n' "$ts_ipt" "$ts_save" "$ts_restore"`].join('\n');
}

function fileChecks(p: IptablesStateParams): string[] {
  const lines: string[] = [];
  if (p.modprobe !== null) {
    const m = shellQuote(p.modprobe);
    const say = (what: string): string => shellQuote(`modprobe ${p.modprobe} ${what}`);
    lines.push(`[ -e ${m} ] || ts_stop ${say('not found')}`, `[ -f ${m} ] || ts_stop ${say('not a file')}`, `[ -r ${m} ] || ts_stop ${say('not readable')}`, `[ -x ${m} ] || ts_stop ${say('not executable')}`);
  }
  if (p.state === 'restored') {
    const path = shellQuote(p.path);
    const say = (what: string): string => shellQuote(`Source ${p.path} ${what}`);
    lines.push(`[ -e ${path} ] || ts_stop ${say('not found')}`, `[ -f ${path} ] || ts_stop ${say('not a file')}`, `[ -r ${path} ] || ts_stop ${say('not readable')}`, `ts_rec torestore ${path}`);
  } else {
    lines.push(`[ -f ${shellQuote(p.path)} ] && ts_rec cur ${shellQuote(p.path)}`, `[ -d "$(dirname -- ${shellQuote(p.path)})" ] || printf '@nodir\\n'`);
  }
  return lines;
}

/** Ansible's initialize_from_null_state: list the table, and create it with a bare chain when it still is not there. */
function initFunction(c: Commands): string {
  return `ts_init() {
  ts_must junk ${c.initializer.join(' ')} -t "$1"
  ts_must init ${c.init.join(' ')}
  if ! ts_has "$ts_d/init" "$1"; then
    printf '*%s\\n:OUTPUT ACCEPT\\nCOMMIT\\n' "$1" > "$ts_d/in"; ts_in="$ts_d/in"
    ts_must junk ${c.fallback.join(' ')}
    ts_in=''
    ts_must init ${c.init.join(' ')}
  fi
}`;
}

function initialState(p: IptablesStateParams, c: Commands): string[] {
  const lines = [initFunction(c), `ts_must init ${c.init.join(' ')}`];
  const path = shellQuote(p.path);
  if (p.table === null) {
    if (p.state === 'restored') lines.push(`for ts_t in ${TABLES.join(' ')}; do if ts_has ${path} "$ts_t" && ! ts_has "$ts_d/init" "$ts_t"; then ts_init "$ts_t"; fi; done`);
    else lines.push('[ -s "$ts_d/init" ] || ts_init filter');
  } else {
    const table = shellQuote(p.table);
    if (p.state === 'restored') lines.push(`ts_has ${path} ${table} || ts_stop ${shellQuote(`Table ${p.table} to restore not defined in ${p.path}`)}`);
    lines.push(`ts_has "$ts_d/init" ${table} || ts_init ${table}`);
  }
  lines.push('ts_rec initial "$ts_d/init"');
  return lines;
}

/** sh: saves with SAVE into OUT and reports each table present under RECORD. */
function perTable(c: Commands, out: string, record: string): string {
  return `for ts_t in ${TABLES.join(' ')}; do if ts_has "$ts_d/${out}" "$ts_t"; then ts_must "t_$ts_t" ${c.save.join(' ')} --table "$ts_t"; ts_rec2 ${record} "$ts_t" "$ts_d/t_$ts_t"; fi; done`;
}

/** The restore itself, then the state it left (Ansible ignores the restore's status unless the lock was held). */
function applySteps(c: Commands): string[] {
  return [
    `ts_run applied mo ${c.main.join(' ')}`,
    `if grep -qF ${shellQuote(LOCK_MESSAGE)} "$ts_d/err"; then printf '@lockfail\\t%s\\t%s\\t%s\\n' "$ts_rc" "$(ts_b64 "$ts_d/mo")" "$(ts_b64 "$ts_d/err")"; ts_done; fi`,
    `ts_must after ${c.save.join(' ')}`,
    'ts_rec after "$ts_d/after"',
    perTable(c, 'after', 'tafter'),
  ];
}

const PRELUDE = [
  'umask 077',
  'export LANG=C LC_MESSAGES=C',
  `ts_stop() { printf '@x\\t%s\\n' "$1"; exit 0; }`,
  FUNCTIONS,
].join('\n');

/** Where the rollback watchdog keeps its files; the controller removes it when done. */
export const WATCHDOG_PREFIX = '/tmp/tsible-iptables-state';

/**
 * The watchdog, run detached on the target: waits for the controller's go,
 * restores the rules, then rolls them back unless the controller removes the
 * backup within `timeout` seconds (Ansible's async rollback).
 */
function watchdogScript(c: Commands, timeout: number): string {
  return [
    PRELUDE,
    'ts_wd=$1; ts_d="$ts_wd/tmp"; mkdir -p "$ts_d"',
    'exec >>"$ts_wd/result" 2>/dev/null </dev/null',
    `ts_done() { printf '@done\\n'; exit 0; }`,
    `ts_must() { ts_run cmdfail "$@" || ts_done; }`,
    `read -r ts_ipt ts_save ts_restore < "$ts_wd/bins"`,
    // The controller's go; without it within the window the rules stay as they are.
    `ts_i=0; while [ ! -e "$ts_wd/starter" ]; do sleep 0.1; ts_i=$((ts_i + 1)); [ "$ts_i" -gt ${(timeout + 30) * 10} ] && { printf '@nostart\\n'; ts_done; }; done`,
    'rm -f -- "$ts_wd/starter"',
    ...applySteps(c),
    `ts_i=0; while [ "$ts_i" -lt ${timeout} ]; do [ -e "$ts_wd/iptables.state" ] || { printf '@confirmed\\n'; ts_done; }; sleep 1; ts_i=$((ts_i + 1)); done`,
    `ts_must back ${c.back('"$ts_wd/iptables.state"').join(' ')}`,
    'rm -f -- "$ts_wd/iptables.state"',
    `ts_must rb ${c.save.join(' ')}`,
    perTable(c, 'rb', 'trollback'),
    `printf '@rolledback\\n'`,
    'ts_done',
  ].join('\n');
}

export type Phase = { kind: 'saved' } | { kind: 'check' } | { kind: 'apply' } | { kind: 'watch'; timeout: number };

/** The task's script: Ansible's module up to the restore, then the restore here or in the detached watchdog. */
export function iptablesStateScript(p: IptablesStateParams, phase: Phase): string {
  const c = commandsOf(p);
  const lines = [
    PRELUDE,
    `ts_d=$(mktemp -d) || ts_stop 'could not create a temporary directory'`,
    `trap 'rm -rf -- "$ts_d"' EXIT`,
    `ts_done() { printf '@end\\n'; exit 0; }`,
    programs(p),
    ...fileChecks(p),
    ...initialState(p, c),
    `ts_must ref ${c.save.join(' ')}`,
    'ts_rec ref "$ts_d/ref"',
    perTable(c, 'ref', 'table'),
  ];
  if (phase.kind === 'saved') return [...lines, `printf '@end\\n'`].join('\n');
  const test = [...c.main.slice(0, 1), '--test', ...c.main.slice(1)];
  lines.push(`for ts_t in ${TABLES.join(' ')}; do if ts_has "$ts_d/ref" "$ts_t"; then ts_run testfail junk ${test.join(' ')} --table "$ts_t" || exit 0; fi; done`);
  if (phase.kind === 'apply') lines.push(...applySteps(c));
  if (phase.kind === 'watch') {
    const script = Buffer.from(watchdogScript(c, phase.timeout), 'utf8').toString('base64');
    lines.push(
      `ts_wd=$(mktemp -d ${WATCHDOG_PREFIX}.XXXXXXXX) || ts_stop 'could not create a temporary directory'`,
      'cp -- "$ts_d/ref" "$ts_wd/iptables.state"',
      'printf \'%s %s %s\\n\' "$ts_ipt" "$ts_save" "$ts_restore" > "$ts_wd/bins"',
      `printf '%s' ${shellQuote(script)} | base64 -d > "$ts_wd/watchdog.sh"`,
      // Detached from this session, so it outlives the connection the new rules may cut.
      'if command -v setsid >/dev/null 2>&1; then setsid sh "$ts_wd/watchdog.sh" "$ts_wd" </dev/null >/dev/null 2>&1 & else nohup sh "$ts_wd/watchdog.sh" "$ts_wd" </dev/null >/dev/null 2>&1 & fi',
      `printf '@watchdog\\t%s\\n' "$ts_wd"`,
    );
  }
  lines.push(`printf '@end\\n'`);
  return lines.join('\n');
}
