import type { GetUrlParams } from './get-url-spec.js';

/**
 * How the target downloads: curl when it has it, else wget. Options that may
 * hold secrets (credentials, headers) never reach argv: they travel on stdin
 * as a curl config, then a wgetrc after a separator line, and the script
 * keeps them in a 0600 temp file for the life of the exec.
 */
export const WGET_SEPARATOR = '#tsible-wget';

export class DownloaderOptionError extends Error {}

/** A curl config value: double-quoted, with \ and " escaped; no line breaks possible. */
function curlValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new DownloaderOptionError('values for get_url cannot contain line breaks');
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function wgetValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new DownloaderOptionError('values for get_url cannot contain line breaks');
  return value;
}

/** The stdin of the download exec: curl config, separator, wgetrc. */
export function downloaderConfig(params: GetUrlParams): Buffer {
  const headers = Object.entries(params.headers ?? {}).map(([key, value]) => `${key}: ${String(value)}`);
  const curl = ['silent', 'show-error', 'location', `user-agent = ${curlValue(params.http_agent)}`, `connect-timeout = ${params.timeout}`, `speed-time = ${params.timeout}`, 'speed-limit = 1'];
  const wget = [`user_agent = ${wgetValue(params.http_agent)}`, `timeout = ${params.timeout}`, 'tries = 1'];
  if (!params.validate_certs) {
    curl.push('insecure');
    wget.push('check_certificate = off');
  }
  if (!params.use_proxy) {
    curl.push('noproxy = "*"');
    wget.push('use_proxy = off');
  }
  for (const header of headers) {
    curl.push(`header = ${curlValue(header)}`);
    wget.push(`header = ${wgetValue(header)}`);
  }
  if (params.url_username !== null) {
    curl.push(`user = ${curlValue(`${params.url_username}:${params.url_password ?? ''}`)}`);
    wget.push(`user = ${wgetValue(params.url_username)}`, `password = ${wgetValue(params.url_password ?? '')}`);
    if (params.force_basic_auth) wget.push('auth_no_challenge = on');
  }
  return Buffer.from(`${curl.join('\n')}\n${WGET_SEPARATOR}\n${wget.join('\n')}\n`, 'utf8');
}

/** Whether the wget fallback needs a wgetrc (busybox wget cannot read one). */
export function needsWgetConfig(params: GetUrlParams): boolean {
  return params.url_username !== null || Object.keys(params.headers ?? {}).length > 0 || !params.use_proxy;
}

/**
 * sh functions: ts_dl_setup reads the config from stdin; ts_fetch URL OUT [TIMECOND_FILE]
 * downloads and prints `@s CODE RC` then, on failure, `@e MESSAGE`.
 */
export function downloaderFunctions(wgetConfigRequired: boolean): string {
  return `ts_dl_setup() {
  ts_cfg=$(mktemp "\${TMPDIR:-/tmp}/.tsible_cfg.XXXXXXXX") || ts_fail "could not create a temporary file"
  ts_wcfg="$ts_cfg.w"
  trap 'rm -f -- "$ts_cfg" "$ts_wcfg" "$ts_cfg.h" "\${ts_dl:-}" "\${ts_err:-}"' EXIT
  cat > "$ts_cfg"
  (umask 077; sed '1,/^${WGET_SEPARATOR}$/d' "$ts_cfg" > "$ts_wcfg")
  ts_err=$(mktemp "\${TMPDIR:-/tmp}/.tsible_err.XXXXXXXX") || ts_fail "could not create a temporary file"
  if command -v curl >/dev/null 2>&1; then ts_tool=curl
  elif command -v wget >/dev/null 2>&1; then
    ts_tool=wget
    if wget --version 2>/dev/null | grep -q GNU; then ts_gnu=1; else ts_gnu=0; fi
    ${wgetConfigRequired ? `[ "$ts_gnu" = 1 ] || ts_fail "get_url needs curl or GNU wget on the target for credentials, headers or use_proxy=no"` : ':'}
  else ts_fail "get_url needs curl or wget on the target"; fi
}
ts_fetch() {
  if [ "$ts_tool" = curl ]; then
    set -- "$1" "$2" "\${3:-}"
    if [ -n "$3" ]; then ts_code=$(sed '/^${WGET_SEPARATOR}$/,$d' "$ts_cfg" | curl -K - -z "$3" -D "$ts_cfg.h" -o "$2" -w '%{http_code}' --url "$1" 2>"$ts_err"); ts_rc=$?
    else ts_code=$(sed '/^${WGET_SEPARATOR}$/,$d' "$ts_cfg" | curl -K - -D "$ts_cfg.h" -o "$2" -w '%{http_code}' --url "$1" 2>"$ts_err"); ts_rc=$?; fi
  else
    if [ "$ts_gnu" = 1 ]; then wget --config="$ts_wcfg" -S -O "$2" -- "$1" 2>"$ts_err"; ts_rc=$?
    else wget -S -O "$2" -- "$1" 2>"$ts_err"; ts_rc=$?; fi
    ts_code=$(sed -n 's/^ *HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' "$ts_err" | tail -n 1)
    [ -n "$ts_code" ] || { [ "$ts_rc" = 0 ] && ts_code=200; }
  fi
  ts_code=\${ts_code:-0}
  printf '@s\\t%s\\t%s\\n' "$ts_code" "$ts_rc"
  # The server's own reason phrase, which Ansible shows for an HTTP error.
  if [ "$ts_code" -ge 300 ]; then printf '@n\\t%s\\n' "$(cat "$ts_cfg.h" "$ts_err" 2>/dev/null | sed -n 's/^ *HTTP\\/[0-9.]* [0-9][0-9][0-9] *//p' | tail -n 1 | tr -d '\\r')"; fi
  if [ "$ts_rc" != 0 ]; then printf '@e\\t%s\\n' "$(grep -v '^ ' "$ts_err" | tr '\\n' ' ')"; fi
}`;
}
