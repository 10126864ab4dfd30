import { shellQuote } from '@tsible/engine/connection/quote';
import { ATTRS_FUNCTIONS } from '../support/file-attrs/attrs-script.js';
import { WRITE_FUNCTIONS } from '../support/remote/atomic-write.js';
import { APT_FUNCTIONS } from './apt-functions.js';
import { aptUpdateLoop } from './apt-update.js';
import { newNonce } from '../support/script-report.js';
import type { AptParams } from './apt-spec.js';

/** What the script does after the cache step; the result is shaped by it. */
export type AptAction =
  | { kind: 'clean' }
  | { kind: 'cache' }
  | { kind: 'upgrade' }
  | { kind: 'deb' }
  | { kind: 'cleanup'; operation: 'autoclean' | 'autoremove' }
  | { kind: 'install'; buildDep: boolean }
  | { kind: 'remove' };

export interface AptScript {
  script: string;
  nonce: string;
  action: AptAction;
}

/** Ansible's expand_dpkg_options: `a,b` → `-o "Dpkg::Options::=--a" -o "Dpkg::Options::=--b"`. */
function dpkgOptions(compressed: string): { display: string; words: string[] } {
  const options = compressed.split(',');
  return {
    display: options.map((o) => `-o "Dpkg::Options::=--${o}"`).join(' '),
    words: options.flatMap((o) => ['-o', `Dpkg::Options::=--${o}`]),
  };
}

/** A command in two forms: as Ansible shows it (a string) and as run (quoted words). */
interface Command {
  display: string;
  words: string[];
}

/** Joins parts as Python's '%s %s' formatting does: empty parts still leave their spaces. */
const spaced = (parts: readonly string[]): string => parts.join(' ');

function trailingOptions(p: AptParams, forInstall: boolean): Command {
  const display: string[] = [];
  const words: string[] = [];
  if (p.default_release) {
    display.push(` -t '${p.default_release}'`);
    words.push('-t', p.default_release);
  }
  if (forInstall) {
    if (p.install_recommends === false) {
      display.push(' -o APT::Install-Recommends=no');
      words.push('-o', 'APT::Install-Recommends=no');
    } else if (p.install_recommends === true) {
      display.push(' -o APT::Install-Recommends=yes');
      words.push('-o', 'APT::Install-Recommends=yes');
    }
    const flags: Array<[boolean, string]> = [
      [p.allow_unauthenticated, '--allow-unauthenticated'],
      [p.allow_downgrade, '--allow-downgrades'],
      [p.allow_change_held_packages, '--allow-change-held-packages'],
    ];
    for (const [on, flag] of flags) {
      if (on) {
        display.push(` ${flag}`);
        words.push(flag);
      }
    }
  }
  return { display: display.join(''), words };
}

const flag = (on: boolean, text: string): string => (on ? text : '');
const flagWords = (on: boolean, ...words: string[]): string[] => (on ? words : []);

/** sh that runs apt-get with the package list in "$@": `ts_run DISPLAY CMD...`. */
function packageRun(head: string, words: readonly string[], tail: Command): string {
  const display = `"$ts_aptget"${shellQuote(` ${head} `)}"$(ts_quoted_list)"${shellQuote(tail.display)}`;
  return [
    'if [ -z "$ts_list" ]; then ts_say nothing 1; else',
    "  IFS=$ts_nl; set -f; set -- $ts_list; unset IFS; set +f",
    `  ts_run ${display} "$ts_aptget" ${words.map(shellQuote).join(' ')} "$@" ${tail.words.map(shellQuote).join(' ')}`,
    'fi',
  ].join('\n');
}

function installSection(p: AptParams, checkMode: boolean, specs: readonly string[], buildDep: boolean): string {
  const dpkg = dpkgOptions(p.dpkg_options);
  const fixed = p.state === 'fixed';
  const lines = [`ts_list=''; ts_names=''`];
  for (const spec of specs) lines.push(`${buildDep ? 'ts_builddep' : 'ts_install'} ${shellQuote(spec)}`);
  const lock = ['-o', `DPkg::Lock::Timeout=${p.lock_timeout}`];
  const common = [...dpkg.words, ...lock, ...flagWords(p.only_upgrade, '--only-upgrade'), ...flagWords(fixed, '--fix-broken'), ...flagWords(p.force, '--force-yes')];
  if (buildDep) {
    const head = spaced(['-y', dpkg.display, flag(p.only_upgrade, '--only-upgrade'), flag(fixed, '--fix-broken'), flag(p.force, '--force-yes'), flag(p.fail_on_autoremove, '--no-remove'), flag(checkMode, '--simulate'), 'build-dep']);
    const words = ['-y', ...common, ...flagWords(p.fail_on_autoremove, '--no-remove'), ...flagWords(checkMode, '--simulate'), 'build-dep'];
    lines.push(packageRun(head, words, trailingOptions(p, true)));
    return lines.join('\n');
  }
  const head = spaced([
    '-y',
    dpkg.display,
    flag(p.only_upgrade, '--only-upgrade'),
    flag(fixed, '--fix-broken'),
    flag(p.force, '--force-yes'),
    flag(p.autoremove, '--auto-remove'),
    flag(p.fail_on_autoremove, '--no-remove'),
    flag(checkMode, '--simulate'),
    'install',
  ]);
  const words = ['-y', ...common, ...flagWords(p.autoremove, '--auto-remove'), ...flagWords(p.fail_on_autoremove, '--no-remove'), ...flagWords(checkMode, '--simulate'), 'install'];
  lines.push(packageRun(head, words, trailingOptions(p, true)));
  // Ansible marks the named packages as manually installed (not a change of its own).
  if (!checkMode) lines.push(`[ -z "$ts_names" ] || { IFS=$ts_nl; set -f; apt-mark manual $ts_names >/dev/null 2>&1; unset IFS; set +f; }`);
  return lines.join('\n');
}

function removeSection(p: AptParams, checkMode: boolean, specs: readonly string[]): string {
  const dpkg = dpkgOptions(p.dpkg_options);
  const lines = [`ts_list=''`];
  for (const spec of specs) lines.push(`ts_remove ${shellQuote(spec)}`);
  const head = spaced(['-q -y', dpkg.display, flag(p.purge, '--purge'), flag(p.force, '--force-yes'), flag(p.autoremove, '--auto-remove'), flag(checkMode, '--simulate'), 'remove']);
  const words = [
    '-q',
    '-y',
    ...dpkg.words,
    '-o',
    `DPkg::Lock::Timeout=${p.lock_timeout}`,
    ...flagWords(p.purge, '--purge'),
    ...flagWords(p.force, '--force-yes'),
    ...flagWords(p.autoremove, '--auto-remove'),
    ...flagWords(checkMode, '--simulate'),
    'remove',
  ];
  lines.push(packageRun(head, words, { display: '', words: [] }));
  return lines.join('\n');
}

function cleanupSection(p: AptParams, checkMode: boolean, operation: 'autoclean' | 'autoremove'): string {
  const dpkg = dpkgOptions(p.dpkg_options);
  const display = spaced(['-y', dpkg.display, flag(p.purge, '--purge'), flag(p.force, '--force-yes'), operation, flag(checkMode, '--simulate')]);
  const words = ['-y', ...dpkg.words, '-o', `DPkg::Lock::Timeout=${p.lock_timeout}`, ...flagWords(p.purge, '--purge'), ...flagWords(p.force, '--force-yes'), operation, ...flagWords(checkMode, '--simulate')];
  return `ts_run "$ts_aptget"${shellQuote(` ${display}`)} "$ts_aptget" ${words.map(shellQuote).join(' ')}`;
}

function upgradeSection(p: AptParams, checkMode: boolean, mode: string): string {
  const dpkg = dpkgOptions(p.dpkg_options);
  const rest = (force: string, forceWords: string[], command: string, commandWords: string[]): { display: string; words: string[] } => ({
    display: spaced(['-y', dpkg.display, force, flag(p.fail_on_autoremove, '--no-remove'), flag(p.allow_unauthenticated, '--allow-unauthenticated'), flag(p.allow_downgrade, '--allow-downgrades'), flag(checkMode, '--simulate'), command]),
    words: [
      '-y',
      ...dpkg.words,
      ...forceWords,
      ...flagWords(p.fail_on_autoremove, '--no-remove'),
      ...flagWords(p.allow_unauthenticated, '--allow-unauthenticated'),
      ...flagWords(p.allow_downgrade, '--allow-downgrades'),
      ...flagWords(checkMode, '--simulate'),
      ...commandWords,
    ],
  });
  const release = trailingOptions({ ...p, install_recommends: null, allow_unauthenticated: false, allow_downgrade: false, allow_change_held_packages: false }, false);
  const autoremove = flag(p.autoremove, '--auto-remove');
  const aptGetCommand = mode === 'dist' || mode === 'full' ? 'dist-upgrade' : 'upgrade --with-new-pkgs';
  const aptGet = rest(flag(p.force, '--force-yes'), flagWords(p.force, '--force-yes'), `${aptGetCommand} ${autoremove}`, [
    '-o',
    `DPkg::Lock::Timeout=${p.lock_timeout}`,
    ...aptGetCommand.split(' '),
    ...flagWords(p.autoremove, '--auto-remove'),
  ]);
  const aptitudeCommand = mode === 'full' ? 'full-upgrade' : 'safe-upgrade';
  const aptitude = rest(flag(p.force, '--assume-yes --allow-untrusted'), flagWords(p.force, '--assume-yes', '--allow-untrusted'), aptitudeCommand, [aptitudeCommand]);
  const run = (cmd: { display: string; words: string[] }, program: string, label: string): string =>
    `ts_say upgrade_cmd ${shellQuote(label)}; ts_run "${program}"${shellQuote(` ${cmd.display}${release.display}`)} "${program}" ${[...cmd.words, ...release.words].map(shellQuote).join(' ')}`;
  const useAptGet = mode === 'dist' || p.force_apt_get;
  return [
    `ts_aptitude=${useAptGet ? "''" : '$(command -v aptitude 2>/dev/null)'}`,
    'if [ -n "$ts_aptitude" ]; then',
    `  ts_say tool aptitude; ${run(aptitude, '$ts_aptitude', aptitudeCommand)}`,
    'else',
    `  ts_say tool apt-get; ${run(aptGet, '$ts_aptget', `${aptGetCommand} ${autoremove}`)}`,
    'fi',
  ].join('\n');
}

function debSection(p: AptParams, checkMode: boolean, deb: string): string {
  const dpkg = dpkgOptions(p.dpkg_options);
  const remote = deb.includes('://');
  const lines: string[] = [];
  if (remote) {
    lines.push(
      `ts_deb="$ts_t/package.deb"; ts_url=${shellQuote(deb)}`,
      `if command -v curl >/dev/null 2>&1; then curl -fsSL -o "$ts_deb" -- "$ts_url" 2>"$ts_t/err"; else wget -q -O "$ts_deb" -- "$ts_url" 2>"$ts_t/err"; fi || ts_stop "Failure downloading $ts_url, $(tail -n 1 "$ts_t/err")"`,
    );
  } else {
    // apt-get takes a local package only by a path with a slash.
    const path = deb.startsWith('/') || deb.startsWith('~') ? deb : `./${deb}`;
    lines.push(path.startsWith('~') ? `ts_deb=~${shellQuote(path.slice(1))}` : `ts_deb=${shellQuote(path)}`);
  }
  lines.push(
    `[ -f "$ts_deb" ] || ts_stop "Unable to install package: E:Could not open file $ts_deb - open (2: No such file or directory)"`,
    `ts_dname=$(dpkg-deb -f "$ts_deb" Package 2>"$ts_t/err") || ts_stop "Unable to install package: $(tail -n 1 "$ts_t/err")"`,
    `ts_dver=$(dpkg-deb -f "$ts_deb" Version)`,
    'ts_status "$ts_dname"',
    'if [ -n "$ts_ver" ] && dpkg --compare-versions "$ts_ver" eq "$ts_dver"; then ts_say nothing 1; else',
  );
  const tail = trailingOptions({ ...p, default_release: null }, true);
  const words = ['-y', ...dpkg.words, '-o', `DPkg::Lock::Timeout=${p.lock_timeout}`, ...flagWords(p.force, '--force-yes'), ...flagWords(p.fail_on_autoremove, '--no-remove'), ...flagWords(checkMode, '--simulate'), 'install'];
  const display = spaced(['-y', dpkg.display, flag(p.force, '--force-yes'), flag(p.fail_on_autoremove, '--no-remove'), flag(checkMode, '--simulate'), 'install']);
  lines.push(`  ts_run "$ts_aptget"${shellQuote(` ${display} `)}"$ts_deb"${shellQuote(tail.display)} "$ts_aptget" ${words.map(shellQuote).join(' ')} "$ts_deb" ${tail.words.map(shellQuote).join(' ')}`, 'fi');
  return lines.join('\n');
}

/** Keeps services from starting during the run, as Ansible's PolicyRcD: the old file comes back at exit. */
function policyRcdSection(code: number): string {
  return [
    'ts_prc=/usr/sbin/policy-rc.d',
    'if [ -e "$ts_prc" ]; then cp -p -- "$ts_prc" "$ts_t/prc" && ts_prc_state=saved; else ts_prc_state=new; fi',
    `printf '#!/bin/sh\\nexit %d\\n' ${code} > "$ts_t/prc.new"`,
    `ts_write "$ts_prc" 0755 '' '' 0 "$ts_t/prc.new"; trap ts_cleanup EXIT`,
  ].join('\n');
}

const CLEANUP = `ts_prc_state=none
ts_cleanup() {
  case $ts_prc_state in
    saved) ts_prc_state=none; ts_write /usr/sbin/policy-rc.d "$(stat -c %a -- "$ts_t/prc")" '' '' 0 "$ts_t/prc" ;;
    new) rm -f -- /usr/sbin/policy-rc.d ;;
  esac
  rm -rf -- "$ts_t"
}`;

function cacheSection(p: AptParams, checkMode: boolean): string {
  const lines = ['ts_time=$(ts_cache_mtime); ts_updated=0'];
  if (!(p.update_cache === true || p.cache_valid_time !== 0)) return lines.join('\n');
  const update = aptUpdateLoop({
    program: '"$ts_aptget"',
    retries: p.update_cache_retries,
    maxDelay: p.update_cache_retry_max_delay,
    lockTimeout: p.lock_timeout,
    onFailure: `ts_e=$(printf '%s\\n' "$ts_uerr" | grep -v '^W:' | tr '\\n' ' ' | sed 's/ *$//'); ts_stop "Failed to update apt cache: \${ts_e:-unknown reason}"`,
  });
  update.push('ts_after=$(ts_cache_mtime); [ "$ts_after" != "$ts_time" ] && ts_updated=1; ts_time=$ts_after');
  // Ansible compares with microseconds, so without cache_valid_time the cache is always
  // older than "now"; whole seconds here would skip an update made within the same second.
  const stale = p.cache_valid_time === 0 ? 'true' : `[ $(( ts_time + ${p.cache_valid_time} )) -lt "$(date +%s)" ]`;
  lines.push(`if ${stale}; then`, ...(checkMode ? ['  ts_updated=1'] : update.map((l) => `  ${l}`)), 'fi');
  return lines.join('\n');
}

/** The whole apt task as one sh script (run after the report functions): Ansible's apt module flow, decided on the target. */
export function buildAptScript(p: AptParams, checkMode: boolean): AptScript {
  const nonce = newNonce();
  const lines = [
    ATTRS_FUNCTIONS,
    WRITE_FUNCTIONS,
    APT_FUNCTIONS,
    `ts_latest=${p.state === 'latest' ? 1 : 0}; ts_only_upgrade=${p.only_upgrade ? 1 : 0}; ts_purge=${p.purge ? 1 : 0}`,
    `ts_rel=${p.default_release ? shellQuote(`APT::Default-Release=${p.default_release}`) : "''"}`,
    'export DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical LANG=C LC_ALL=C LC_MESSAGES=C LC_CTYPE=C',
    `ts_aptget=$(command -v apt-get) || ts_stop "Failed to find required executable \\"apt-get\\" in paths: $PATH"`,
    `ts_t=$(mktemp -d) || ts_stop 'could not create a temporary directory'`,
    CLEANUP,
    'trap ts_cleanup EXIT',
  ];
  if (p.policy_rc_d !== null && !checkMode) lines.push(policyRcdSection(p.policy_rc_d));
  const finish = (action: AptAction): AptScript => ({ script: `${[...lines, "ts_say end"].join('\n')}\n`, nonce, action });
  const packages = p.package ?? [];
  const hasWork = packages.length > 0 || p.upgrade !== 'no' || p.deb !== null;
  if (p.clean) {
    lines.push(checkMode ? `ts_say rc 0` : `ts_run 'apt-get clean' "$ts_aptget" clean`);
    if (!hasWork) return finish({ kind: 'clean' });
  }
  lines.push(cacheSection(p, checkMode), 'ts_say cache "$ts_updated $ts_time"');
  if ((p.update_cache === true || p.cache_valid_time !== 0) && !hasWork) return finish({ kind: 'cache' });
  if (p.upgrade !== 'no') {
    lines.push(upgradeSection(p, checkMode, p.upgrade));
    return finish({ kind: 'upgrade' });
  }
  if (p.deb !== null) {
    lines.push(debSection(p, checkMode, p.deb));
    return finish({ kind: 'deb' });
  }
  const specs = packages.filter((s) => s !== '*').map((s) => s.trim());
  if (p.state === 'latest' && packages.includes('*')) {
    lines.push(upgradeSection(p, checkMode, 'yes'));
    return finish({ kind: 'upgrade' });
  }
  if (specs.length === 0 && (p.autoclean || p.autoremove)) {
    const operation = p.autoclean ? 'autoclean' : 'autoremove';
    lines.push(cleanupSection(p, checkMode, operation));
    return finish({ kind: 'cleanup', operation });
  }
  if (p.state === 'absent') {
    lines.push(removeSection(p, checkMode, specs));
    return finish({ kind: 'remove' });
  }
  const buildDep = p.state === 'build-dep';
  lines.push(installSection(p, checkMode, specs, buildDep));
  return finish({ kind: 'install', buildDep });
}
