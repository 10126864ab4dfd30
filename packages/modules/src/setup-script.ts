/**
 * The one POSIX sh script that collects a host's facts in a single round
 * trip. Each section starts with a line `@@name`; the controller parses the
 * sections (setup-facts.ts). Nothing here needs Python on the host. The
 * local facts part and the closing `@@end` are added by the setup module.
 */
export const FACT_SCRIPT = `
s() { printf '@@%s\\n' "$1"; }
s os_release; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null
s debian_version; cat /etc/debian_version 2>/dev/null
s redhat_release; cat /etc/redhat-release 2>/dev/null
s alpine_release; cat /etc/alpine-release 2>/dev/null
s uname; uname -s; uname -r; uname -v; uname -m; uname -n
s fqdn; hostname -f 2>/dev/null || hostname 2>/dev/null || uname -n
s meminfo; cat /proc/meminfo 2>/dev/null
s cpuinfo; grep -E '^(processor|physical id|core id|cpu cores|model name)' /proc/cpuinfo 2>/dev/null
s nproc; nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null
s route4; ip -4 route show default 2>/dev/null | head -n 1
s route6; ip -6 route show default 2>/dev/null | head -n 1
s addr; ip -o addr show 2>/dev/null
s link; ip -o link show 2>/dev/null
s mounts; cat /proc/mounts 2>/dev/null
s init; cat /proc/1/comm 2>/dev/null
s systemd; [ -d /run/systemd/system ] && echo yes
s ids; id -u; id -g; id -un; id -gn 2>/dev/null; printf '%s\\n' "$HOME"; printf '%s\\n' "$SHELL"
s date; date +'%Y|%m|%d|%H|%M|%S|%s|%Z|%z|%A|%a|%B|%b|%j|%W|%u|%w'; date -u +'%Y-%m-%dT%H:%M:%SZ|%Y%m%dT%H%M%S'
s machine_id; cat /etc/machine-id 2>/dev/null || cat /var/lib/dbus/machine-id 2>/dev/null
s pkg; for p in apt-get dnf yum zypper apk pacman emerge pkg; do command -v "$p" >/dev/null 2>&1 && echo "$p"; done
s virt; systemd-detect-virt 2>/dev/null; [ -f /.dockerenv ] && echo docker; [ -f /run/.containerenv ] && echo podman; grep -qa container=lxc /proc/1/environ 2>/dev/null && echo lxc; true
s env; env
`;
