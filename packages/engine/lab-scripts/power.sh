#!/bin/sh
# Power control of a lab host, installed in every lab host as reboot,
# shutdown, poweroff, halt, telinit and systemctl. It never touches the machine: it
# asks the lab supervisor (through /run/tsible-lab/request) to boot this host
# again or to leave it down, then ends this host's PID 1 after the delay, so
# the command that asked returns first, as with a real shutdown.
me=${0##*/}
control=/run/tsible-lab
action=
delay=0

case $me in
  systemctl)
    for arg in "$@"; do
      case $arg in
        reboot|kexec|soft-reboot) action=reboot; break ;;
        poweroff|halt) action=poweroff; break ;;
        -*) ;;
        *) break ;;
      esac
    done
    if [ -z "$action" ]; then
      echo "System has not been booted with systemd as init system (PID 1). Can't operate." >&2
      echo "Failed to connect to bus: Host is down" >&2
      exit 1
    fi
    ;;
  telinit)
    case ${1:-} in
      6) action=reboot ;;
      0) action=poweroff ;;
      *) exit 0 ;;
    esac
    ;;
  reboot)
    action=reboot
    for arg in "$@"; do case $arg in -p|--poweroff) action=poweroff ;; esac; done
    ;;
  poweroff|halt)
    action=poweroff
    for arg in "$@"; do case $arg in --reboot) action=reboot ;; esac; done
    ;;
  shutdown)
    action=poweroff
    for arg in "$@"; do
      case $arg in
        -r|--reboot) action=reboot ;;
        -h|-H|-P|--halt|--poweroff) action=poweroff ;;
        -k) action=wall ;;
        -c)
          if [ -f "$control/pending.pid" ]; then
            kill "$(cat "$control/pending.pid")" 2>/dev/null
            rm -f "$control/pending.pid" "$control/request"
          fi
          exit 0
          ;;
        --help)
          echo "usage: shutdown [-r|-h|-P|-H|-k|-c] [TIME] [WALL...]  (tsible lab host)"
          exit 0
          ;;
        now) delay=0 ;;
        +[0-9]*) delay=$(( ${arg#+} * 60 )) ;;
        [0-9]*:[0-9]*) echo "shutdown: absolute times are not supported on a lab host; acting now" >&2 ;;
        [0-9]*) delay=$(( arg * 60 )) ;;
        *) ;;
      esac
    done
    [ "$action" = wall ] && exit 0
    when=$(date -d "@$(( $(date +%s) + delay ))" '+%a %Y-%m-%d %H:%M:%S %Z')
    if [ "$action" = reboot ]; then word=Reboot; else word=Shutdown; fi
    echo "$word scheduled for $when, use 'shutdown -c' to cancel." >&2
    ;;
  *)
    echo "$me: unknown lab power command" >&2
    exit 1
    ;;
esac

printf '%s\n' "$action" > "$control/request"
# Callers often run us on a terminal (ansible: ssh -tt) that hangs up as soon
# as we return; the delayed stop must not die of that SIGHUP before it has
# left this session, so it starts with SIGHUP ignored.
trap '' HUP
setsid sh -c "sleep $(( delay + 1 )); kill -TERM 1" </dev/null >/dev/null 2>&1 &
echo $! > "$control/pending.pid"
exit 0
