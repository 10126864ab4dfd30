/**
 * sh functions of the apt script. Each package decision mirrors Ansible's
 * package_status/install/remove; they report through support/script-report.ts.
 *
 * Inputs (set by the generated script): ts_n, ts_check (0|1), ts_rel (apt-cache
 * option APT::Default-Release=... or empty), ts_latest, ts_only_upgrade,
 * ts_purge, ts_t (private temp directory).
 */
export const APT_FUNCTIONS = `ts_cache_mtime() {
  if [ -e /var/lib/apt/periodic/update-success-stamp ]; then stat -c %Y /var/lib/apt/periodic/update-success-stamp
  elif [ -e /var/lib/apt/lists ]; then stat -c %Y /var/lib/apt/lists
  else echo 0; fi
}
# ts_status NAME: ts_ver = installed version (empty when not installed), ts_files = 1 when dpkg still has files of it.
ts_status() {
  ts_ver=''; ts_files=0
  ts_s=$(dpkg-query -W -f='\${db:Status-Status} \${Version}\\n' -- "$1" 2>/dev/null | head -n 1)
  case $ts_s in
    'installed '*) ts_ver=\${ts_s#installed }; ts_files=1 ;;
    ''|not-installed*) ;;
    *) ts_files=1 ;;
  esac
}
ts_add() { ts_list="$ts_list$1$ts_nl"; }
ts_has_wildcard() { case $1 in *[*?[]*) return 0 ;; esac; return 1; }
# ts_expand PATTERN: sets ts_m to the names in apt's cache that match, as Python's fnmatch would.
ts_expand() {
  ts_m=''
  ts_pre=\${1%%[*?[]*}
  for ts_p in $(apt-cache pkgnames \${ts_pre:+"$ts_pre"} 2>/dev/null | sort); do
    case $ts_p in $1) ts_m="$ts_m$ts_p$ts_nl" ;; esac
  done
  [ -n "$ts_m" ] || ts_stop "No package(s) matching '$1' available"
}
# ts_providers NAME: the packages that provide a virtual package.
ts_providers() { apt-cache showpkg -- "$1" 2>/dev/null | sed -n '/^Reverse Provides:/,$p' | sed 1d | cut -d' ' -f1 | sort -u | grep -v '^$'; }
# ts_install_one NAME VERSION SPEC: adds what apt-get must install for one package.
ts_install_one() {
  ts_names="$ts_names$1$ts_nl"
  ts_status "$1"
  ts_inst=0
  if [ -n "$ts_ver" ]; then
    if [ -z "$2" ]; then ts_inst=1; else case $ts_ver in $2) ts_inst=1 ;; esac; fi
  fi
  ts_policy=$(apt-cache \${ts_rel:+-o "$ts_rel"} policy -- "$1" 2>/dev/null)
  ts_cand=$(printf '%s\\n' "$ts_policy" | sed -n 's/^  Candidate: //p' | head -n 1)
  if [ -z "$ts_ver" ] && { [ -z "$ts_policy" ] || [ "$ts_cand" = '(none)' ]; }; then
    # Not a real package: a virtual one goes to apt, unless its only provider is installed.
    ts_prov=$(ts_providers "$1")
    [ -n "$ts_prov" ] || ts_stop "No package matching '$1' is available"
    if [ "$(printf '%s\\n' "$ts_prov" | wc -l)" = 1 ]; then
      ts_status "$ts_prov"
      [ -n "$ts_ver" ] && return 0
    fi
    [ "$ts_only_upgrade" = 1 ] && return 0
    ts_add "$3"
    return 0
  fi
  [ "$ts_inst" = 0 ] && [ "$ts_only_upgrade" = 1 ] && return 0
  ts_able=''
  if [ -n "$2" ]; then
    for ts_v in $(apt-cache madison -- "$1" 2>/dev/null | cut -d'|' -f2 | tr -d ' '); do
      case $ts_v in $2) ts_able=$ts_v; break ;; esac
    done
  elif [ -z "$ts_ver" ]; then
    [ "$ts_cand" != '(none)' ] && ts_able=$ts_cand
  elif [ "$ts_cand" != '(none)' ] && [ "$ts_cand" != "$ts_ver" ] && dpkg --compare-versions "$ts_cand" gt "$ts_ver"; then
    ts_able=$ts_cand
  fi
  # A failed result of the install step (with the cache keys), not an early stop.
  [ -n "$ts_ver" ] || [ -n "$ts_able" ] || { ts_say unavailable "$3"; ts_say end; exit 0; }
  # Ansible names the version it chose: apt-get gets NAME=VERSION.
  if [ -n "$ts_able" ] && { [ "$ts_inst" = 0 ] || [ "$ts_latest" = 1 ]; }; then ts_add "$1=$ts_able"; fi
  return 0
}
# ts_install SPEC: a name, name=version, or a name pattern.
ts_install() {
  ts_name=\${1%%=*}; ts_version=''
  case $1 in *=*) ts_version=\${1#*=} ;; esac
  if ts_has_wildcard "$ts_name"; then
    ts_expand "$ts_name"
    for ts_x in $ts_m; do ts_install_one "$ts_x" '' "$ts_x"; done
  else
    ts_install_one "$ts_name" "$ts_version" "$1"
  fi
}
# ts_builddep SPEC: build-dep leaves every decision to apt.
ts_builddep() {
  if ts_has_wildcard "$1"; then
    ts_expand "$1"
    for ts_x in $ts_m; do ts_add "$ts_x"; done
  else
    ts_add "$1"
  fi
}
# ts_remove SPEC: adds the package when installed, or when purging and dpkg still has its files.
ts_remove() {
  ts_name=\${1%%=*}
  if ts_has_wildcard "$ts_name"; then
    ts_expand "$ts_name"
    for ts_x in $ts_m; do ts_remove_one "$ts_x"; done
  else
    ts_remove_one "$ts_name" "$1"
  fi
}
ts_remove_one() {
  ts_status "$1"
  if [ -n "$ts_ver" ] || { [ "$ts_files" = 1 ] && [ "$ts_purge" = 1 ]; }; then ts_add "\${2:-$1}"; fi
  return 0
}
# ts_run DISPLAY CMD...: runs an apt command (output captured), reports it.
ts_run() {
  ts_say cmd "$1"; shift
  "$@" >"$ts_t/out" 2>"$ts_t/err" </dev/null
  ts_say rc "$?"
  ts_section out "$ts_t/out"
  ts_section err "$ts_t/err"
}
# ts_quoted_list: the package list as Ansible shows it, each in single quotes.
ts_quoted_list() { printf '%s' "$ts_list" | sed "s/.*/'&'/" | tr '\\n' ' ' | sed 's/ $//'; }
`;
