import { shellQuote } from '@tsible/engine/connection/quote';
import type { WaitForParams } from './wait-for-spec.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '::1', '::', '']);

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

/** The condition the loop waits for, as one shell test. */
export function waitCondition(p: WaitForParams): string {
  if (p.path !== null) {
    const path = shellQuote(p.path);
    if (p.state === 'absent') return `[ ! -e ${path} ]`;
    if (p.search_regex !== null) return `{ [ -f ${path} ] && grep -Eq -- ${shellQuote(p.search_regex)} ${path}; }`;
    return `[ -e ${path} ]`;
  }
  if (p.port !== null) {
    if (p.state === 'stopped') return `! ${portOpen(p, p.port)}`;
    if (p.state === 'drained') return `[ "$(connections ${p.port})" -eq 0 ]`;
    return portOpen(p, p.port);
  }
  // Neither path nor port: wait_for only sleeps (the delay, or the timeout as Ansible does).
  return 'true';
}

/** Helpers over /proc/net/tcp{,6}: column 2 is local address:port in hex, column 4 the state (0A listen, 06 time wait, 07 close). */
const HELPERS = `
sockets() { cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p="$(printf ':%04X' "$1")" 'NR>0 && substr($2, length($2)-4) == p { print $4 }'; }
listening() { sockets "$1" | grep -q '^0A$'; }
connections() { sockets "$1" | grep -Ecv '^(0A|06|07)$'; }
`;

/**
 * A POSIX sh loop on the target: wait `delay`, then test every `sleep`
 * seconds until the condition holds or `timeout` seconds have passed.
 * Prints the seconds it took; exits 1 on timeout.
 */
export function waitForScript(p: WaitForParams): string {
  const onlySleep = p.path === null && p.port === null;
  const condition = waitCondition(p);
  return [
    'set -u',
    HELPERS,
    'start=$(date +%s)',
    `sleep ${p.delay}`,
    onlySleep ? `[ ${p.delay} -gt 0 ] || sleep ${p.timeout}` : '',
    'while :; do',
    `  if ${condition}; then echo "$(( $(date +%s) - start ))"; exit 0; fi`,
    `  [ "$(( $(date +%s) - start ))" -ge ${p.timeout} ] && { echo "$(( $(date +%s) - start ))"; exit 1; }`,
    `  sleep ${p.sleep}`,
    'done',
    '',
  ].join('\n');
}
