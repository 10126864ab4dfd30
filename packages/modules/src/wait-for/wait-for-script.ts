import { shellQuote } from '@tsible/engine/connection/quote';
import { pythonToExtendedRegex } from '../support/python-ere.js';
import { procNetAddresses, resolveOnTarget } from './proc-net-address.js';
import type { WaitForParams } from './wait-for-spec.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '::1', '::', '']);

/** /proc/net/tcp state codes of the states wait_for's active_connection_states may name. */
export const TCP_STATE_CODES: Readonly<Record<string, string>> = { ESTABLISHED: '01', SYN_SENT: '02', SYN_RECV: '03', FIN_WAIT1: '04', FIN_WAIT2: '05', TIME_WAIT: '06' };

/**
 * Shell test that holds when the port takes connections. On the target's own
 * addresses the kernel's socket table answers (no tools needed); other hosts
 * are probed with nc, or bash's /dev/tcp when there is no nc.
 */
function portOpen(p: WaitForParams, port: number): string {
  if (LOCAL_HOSTS.has(p.host)) return `listening ${port}`;
  const host = shellQuote(p.host);
  const t = String(p.connect_timeout);
  return `{ if command -v nc >/dev/null 2>&1; then nc -z -w ${t} ${host} ${port}; elif command -v bash >/dev/null 2>&1; then timeout ${t} bash -c 'exec 3<>/dev/tcp/$0/$1' ${host} ${port} 2>/dev/null; else echo 'wait_for needs nc or bash on the target to reach another host' >&2; exit 3; fi; }`;
}

/** drained: the shell words the awk filter of `connections` takes (states, local addresses, excluded peers). */
function drainedFilter(p: WaitForParams): string {
  const addresses = (host: string): string => procNetAddresses(host)?.join(' ') ?? resolveOnTarget(shellQuote(host));
  const states = p.active_connection_states.map((s) => TCP_STATE_CODES[s]).join(' ');
  const excluded = (p.exclude_hosts ?? []).map(addresses).join(' ');
  return `"${states}" "${addresses(p.host)}" "${excluded}"`;
}

/** The condition the loop waits for, as one shell test. */
export function waitCondition(p: WaitForParams): string {
  if (p.path !== null) {
    const path = shellQuote(p.path);
    if (p.state === 'absent') return `[ ! -e ${path} ]`;
    if (p.search_regex !== null) return `{ [ -f ${path} ] && grep -Eq -- ${shellQuote(pythonToExtendedRegex(p.search_regex))} ${path}; }`;
    return `[ -e ${path} ]`;
  }
  if (p.port !== null) {
    if (p.state === 'stopped') return `! ${portOpen(p, p.port)}`;
    if (p.state === 'drained') return `[ "$(connections ${p.port} ${drainedFilter(p)})" -eq 0 ]`;
    if (p.search_regex !== null) return `says ${shellQuote(p.host)} ${p.port} ${shellQuote(pythonToExtendedRegex(p.search_regex))}`;
    return portOpen(p, p.port);
  }
  // Neither path nor port: wait_for only sleeps (the delay, or the timeout as Ansible does).
  return 'true';
}

/**
 * Helpers over /proc/net/tcp{,6}: column 2 is local address:port in hex,
 * column 3 the peer, column 4 the state (0A listen). `connections` counts,
 * as Ansible's drained does, sockets on the port in an active state whose
 * local address is the host's (all addresses for 0.0.0.0) and whose peer is
 * not excluded.
 */
const PROC_HELPERS = `
sockets() { cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p="$(printf ':%04X' "$1")" 'NR>0 && substr($2, length($2)-4) == p { print $4 }'; }
listening() { sockets "$1" | grep -q '^0A$'; }
connections() {
  for table in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$table" ] || continue
    awk -v fam="\${table##*/}" -v port="$(printf '%04X' "$1")" -v states=" $2 " -v ips=" $3 " -v excluded=" $4 " '
      NR == 1 { next }
      { split($2, l, ":"); split($3, r, ":") }
      l[2] != port || index(states, " " $4 " ") == 0 || index(excluded, " " fam ":" r[1] " ") > 0 { next }
      index(ips, " " fam ":" l[1] " ") > 0 || (fam == "tcp" && index(ips, " tcp:00000000 ") > 0) \\
        || (fam == "tcp6" && index(ips, " tcp6:00000000000000000000000000000000 ") > 0) \\
        || (substr(l[1], 1, 24) == "0000000000000000FFFF0000" && index(ips, " tcp6:0000000000000000FFFF000000000000 ") > 0) { n++ }
      END { print n + 0 }' "$table"
  done | awk '{ s += $1 } END { print s + 0 }'
}
`;

/**
 * search_regex with a port: connect, keep what the server sends in a temp
 * file and grep it as it grows, until it matches, the server closes or the
 * time is up (then the loop sleeps and connects again, as Ansible does).
 */
const SAYS_HELPERS = `
said=$(mktemp "\${TMPDIR:-/tmp}/tsible-wait-for.XXXXXX") || exit 3
reader=''
trap 'rm -f "$said"; [ -z "$reader" ] || kill "$reader" 2>/dev/null' EXIT
trap 'exit 1' HUP INT TERM
receive() {
  if command -v bash >/dev/null 2>&1; then exec timeout "$3" bash -c 'exec 3<>"/dev/tcp/$0/$1" && exec cat <&3' "$1" "$2" 2>/dev/null
  elif command -v nc >/dev/null 2>&1; then exec timeout "$3" nc "$1" "$2" </dev/null 2>/dev/null
  else echo 'wait_for needs bash or nc on the target to read from a port' >&2; exit 3; fi
}
says() {
  left=$(( limit - ($(date +%s) - start) )); [ "$left" -ge 1 ] || left=1
  : > "$said"
  ( receive "$1" "$2" "$left" ) > "$said" &
  reader=$!
  while kill -0 "$reader" 2>/dev/null; do
    if grep -Eq -- "$3" "$said"; then kill "$reader" 2>/dev/null; wait "$reader" 2>/dev/null; reader=''; return 0; fi
    sleep 0.1 2>/dev/null || sleep 1
  done
  wait "$reader"; rc=$?; reader=''
  [ "$rc" -ne 3 ] || exit 3
  grep -Eq -- "$3" "$said"
}
`;

/** Bytes of a searched file sent back on a match, for its match groups. */
export const MATCHED_FILE_BYTES = 1024 * 1024;

/**
 * A POSIX sh loop on the target: wait `delay`, then test every `sleep`
 * seconds until the condition holds or `timeout` seconds have passed.
 * Prints the seconds it took (and, after a file search, the file's start);
 * exits 1 on timeout.
 */
export function waitForScript(p: WaitForParams): string {
  const onlySleep = p.path === null && p.port === null;
  const condition = waitCondition(p);
  const readsPort = p.path === null && p.port !== null && p.search_regex !== null && (p.state === 'started' || p.state === 'present');
  return [
    'set -u',
    PROC_HELPERS,
    `start=$(date +%s); limit=${p.timeout}`,
    readsPort ? SAYS_HELPERS : '',
    `sleep ${p.delay}`,
    onlySleep ? `[ ${p.delay} -gt 0 ] || sleep ${p.timeout}` : '',
    'while :; do',
    `  if ${condition}; then echo "$(( $(date +%s) - start ))";${p.path !== null && p.search_regex !== null && p.state !== 'absent' ? ` head -c ${MATCHED_FILE_BYTES} -- ${shellQuote(p.path)};` : ''} exit 0; fi`,
    `  [ "$(( $(date +%s) - start ))" -ge ${p.timeout} ] && { echo "$(( $(date +%s) - start ))"; exit 1; }`,
    `  sleep ${p.sleep}`,
    'done',
    '',
  ].join('\n');
}
