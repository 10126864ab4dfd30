/**
 * sh lines for `apt-get update` retried as Ansible does: exponential backoff
 * capped at the maximum delay (whole seconds here), a sleep after every failed
 * attempt. After the loop, ts_ok is 1 on success and ts_uerr holds the last
 * attempt's stderr; `onFailure` runs when every attempt failed.
 */
export interface AptUpdateLoop {
  /** The apt-get program as a shell word. */
  program: string;
  retries: number;
  maxDelay: number;
  lockTimeout?: number;
  onFailure: string;
}

export function aptUpdateLoop(o: AptUpdateLoop): string[] {
  const lock = o.lockTimeout === undefined ? '' : ` -o DPkg::Lock::Timeout=${o.lockTimeout}`;
  return [
    `ts_i=0; ts_ok=0; ts_uerr=''`,
    `while [ "$ts_i" -lt ${o.retries} ]; do`,
    `  if ts_uerr=$(${o.program} update -q --error-on=any${lock} 2>&1 >/dev/null </dev/null); then ts_ok=1; break; fi`,
    `  ts_d=$(( 1 << ts_i )); [ "$ts_d" -gt ${o.maxDelay} ] && ts_d=${o.maxDelay}`,
    '  sleep "$ts_d"; ts_i=$(( ts_i + 1 ))',
    'done',
    `if [ "$ts_ok" = 0 ]; then ${o.onFailure}; fi`,
  ];
}
