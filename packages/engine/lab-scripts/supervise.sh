#!/bin/sh
# Keeps one lab host running. Each boot gets fresh PID, mount and UTS
# namespaces inside the host's (persistent) network namespace and a new
# boot_id; when the host asks for a reboot (lab power script writes "reboot"
# to its control/request file and ends its PID 1) it is booted again,
# otherwise this supervisor ends with it.
#   supervise.sh HOST_DIR OVERLAY_DIR NETNS HOSTNAME
set -u
host_dir=$1 overlay_dir=$2 netns=$3 name=$4
here=$(cd "$(dirname "$0")" && pwd)

echo $$ > "$host_dir/supervise.pid"
request=
while :; do
  # Requests and a pending shutdown belong to the boot that made them.
  rm -f "$host_dir/control/request" "$host_dir/control/pending.pid"
  cat /proc/sys/kernel/random/uuid > "$host_dir/boot_id"
  echo "$(date -u +%FT%TZ) booting $name, boot_id $(cat "$host_dir/boot_id")"
  # --kill-child: if unshare is killed, the host's PID 1 (and so every
  # process of the host) is killed with it.
  nsenter --net="/run/netns/$netns" \
    unshare --mount --uts --pid --fork --kill-child --propagation private \
    /bin/sh "$here/boot.sh" "$host_dir" "$overlay_dir" "$name" &
  echo $! > "$host_dir/boot.pid"
  wait $!
  request=$(cat "$host_dir/control/request" 2>/dev/null || true)
  [ "$request" = reboot ] || break
done
echo "$(date -u +%FT%TZ) $name is down (${request:-its init ended})"
rm -f "$host_dir/supervise.pid" "$host_dir/boot.pid"
