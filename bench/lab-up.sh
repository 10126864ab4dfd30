#!/bin/sh
# Times `tsible lab up N` and `tsible lab down` on this machine.
#   bench/lab-up.sh [HOSTS=20] [ROUNDS=3]      (root, after the build)
set -eu
cd "$(dirname "$0")/.."
hosts=${1:-20}
rounds=${2:-3}
name=tsible-bench
tsible() { node packages/engine/bin/tsible.js "$@"; }
ms() { date +%s%N | cut -c1-13; }

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
i=1
while [ "$i" -le "$rounds" ]; do
  start=$(ms)
  tsible lab up "$hosts" --name "$name" >/dev/null
  up=$(ms)
  tsible lab down --name "$name" >/dev/null
  down=$(ms)
  echo "round $i: up $hosts hosts $((up - start)) ms, down $((down - up)) ms"
  i=$((i + 1))
done
