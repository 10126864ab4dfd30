#!/bin/sh
# Boots one lab host. Runs as PID 1 of the host's new PID namespace, in its
# own mount and UTS namespaces, inside its network namespace:
#   - root: overlayfs over the machine's root, upper/work dirs on the lab's
#     tmpfs (overlayfs does not support an upper dir inside its own lower
#     layer, nor on an overlay);
#   - its own /proc (kernel-wide knobs read-only, the lab's boot_id bound
#     over the kernel's), a read-only /sys, a minimal /dev, and fresh tmpfs
#     /run and /tmp;
#   - pivot_root into it, so nothing of the machine's tree stays reachable;
#   - sshd as the only service; PID 1 then just reaps orphans until it is
#     told to stop (SIGTERM), which ends the whole PID namespace.
#   boot.sh HOST_DIR OVERLAY_DIR HOSTNAME
set -eu
host_dir=$1 overlay_dir=$2 name=$3
root=$host_dir/root

mount -t overlay tsible-lab -o "lowerdir=/,upperdir=$overlay_dir/upper,workdir=$overlay_dir/work" "$root"

mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
# Kernel-wide knobs are read-only (as in a container): a playbook's sysctl
# must never tune the machine. net.* belongs to the host's own network
# namespace and stays writable.
readonly_bind() { mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"; }
mount --bind "$root/proc/sys" "$root/proc/sys"
mount --bind "$root/proc/sys/net" "$root/proc/sys/net"
mount -o remount,bind,ro "$root/proc/sys"
for entry in sysrq-trigger irq bus fs; do
  if [ -e "$root/proc/$entry" ]; then readonly_bind "$root/proc/$entry"; fi
done
mount --bind "$host_dir/boot_id" "$root/proc/sys/kernel/random/boot_id"
mount -o remount,bind,ro "$root/proc/sys/kernel/random/boot_id"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"

mount -t tmpfs -o mode=755,size=1m,nosuid tsible-dev "$root/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
  old_ifs=$IFS; IFS=:; set -- $node; IFS=$old_ifs
  mknod -m 666 "$root/dev/$1" c "$2" "$3"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620,gid=5 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"

mount -t tmpfs -o mode=755,nosuid,nodev tsible-run "$root/run"
mkdir -p "$root/run/sshd" "$root/run/lock" "$root/run/tsible-lab"
# The host's only window to the outside: where it asks for a reboot and logs sshd.
mount --bind "$host_dir/control" "$root/run/tsible-lab"
mount -t tmpfs -o mode=1777,nosuid,nodev tsible-tmp "$root/tmp"

hostname "$name"

cd "$root"
pivot_root . .
umount -l .
cd /

trap 'exit 0' TERM INT
# A job that never ends keeps `wait` blocking; while it blocks, the shell
# reaps every orphan the kernel re-parents to this PID 1.
sleep infinity &
# Everything that logs in runs without the capabilities to set the machine's
# clock or load kernel modules (the clock and the kernel are the machine's).
setpriv --bounding-set -sys_time,-sys_module -- /usr/sbin/sshd -E /run/tsible-lab/sshd.log
while :; do wait; done
