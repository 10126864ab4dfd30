#!/usr/bin/env bash
# Times `tsible inventory --list` against `ansible-inventory --list` on a
# generated inventory of 10,000 hosts in 200 groups, plus `tsible --version`
# start-up. Build first (npx pnpm@9.15.9 build). Prints a table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tsible=(node "$root/packages/engine/bin/tsible.js")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node "$root/bench/inventory-generate.mjs" "$work/inv"
cfg="$work/empty.cfg"
: >"$cfg"
export ANSIBLE_CONFIG="$cfg"

# Best wall time of N runs, in milliseconds.
best_ms() {
  local runs=$1
  shift
  local best=""
  for _ in $(seq "$runs"); do
    local start end ms
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

cd "$work"
hosts=$("${tsible[@]}" inventory -i inv/hosts --list | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(Object.keys(JSON.parse(s)._meta.hostvars).length))')
version_ms=$(best_ms 5 "${tsible[@]}" --version)
tsible_ms=$(best_ms 3 "${tsible[@]}" inventory -i inv/hosts --list)
if command -v ansible-inventory >/dev/null 2>&1; then
  ansible_ms=$(best_ms 1 ansible-inventory -i inv/hosts --list)
  if cmp -s <("${tsible[@]}" inventory -i inv/hosts --list) <(ansible-inventory -i inv/hosts --list 2>/dev/null); then same="identical"; else same="DIFFERENT"; fi
  ratio=$(awk -v a="$ansible_ms" -v t="$tsible_ms" 'BEGIN { printf "%.1fx", a / t }')
else
  ansible_ms="n/a"
  same="not compared"
  ratio="n/a (ansible-inventory not installed)"
fi

printf '\nInventory: %s hosts, 200 groups, 3 levels of children, group_vars + host_vars files\n\n' "$hosts"
printf '| %-36s | %12s |\n' "command" "best wall ms"
printf '|%s|%s|\n' "--------------------------------------" "--------------"
printf '| %-36s | %12s |\n' "tsible --version" "$version_ms"
printf '| %-36s | %12s |\n' "tsible inventory --list" "$tsible_ms"
printf '| %-36s | %12s |\n' "ansible-inventory --list" "$ansible_ms"
printf '\nspeed-up: %s; outputs %s\n' "$ratio" "$same"
