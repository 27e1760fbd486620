#!/usr/bin/env bash
# The SMS round-trip benchmark with the gateway on PostgreSQL: starts a private cluster (Debian's initdb/pg_ctl, a
# temporary folder, 127.0.0.1 at a free port; as "nobody" when run as root), runs ../shared/bench/compare.sh with
# gateway-esme.sh on it, and prints the PostgreSQL server's own CPU seconds over the run, which compare.sh's
# "cpu/rt" (the gateway process alone) does not include. Durability as LiteDB's default: synchronous_commit=off
# (a commit reaches the OS at once and the disk within a fraction of a second).
#   bash samples/SelfService.Samples.SmscSimulator/compare-on-postgresql.sh [N10 N100]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
n10=${1:-2000}; n100=${2:-5000}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as=(); [ "$(id -u)" = 0 ] && as=(runuser -u nobody --)
folder=$(mktemp -d /tmp/selfservice-pgbench.XXXX); [ "$(id -u)" = 0 ] && chown nobody "$folder"; chmod 700 "$folder"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() { "${as[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$folder"; }
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --no-locale --no-instructions >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=200" start >/dev/null
"${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE selfservice"
# The server's CPU: the postmaster's own and its reaped children's (the gateway's backends, once it disconnects),
# plus its live children's.
postmaster=$(head -1 "$folder/data/postmaster.pid")
server_cpu() {
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f\n", s / hz}'
}
before=$(server_cpu)
bash "$bench/compare.sh" "$n10" "$n100" -- bash "$root/samples/SelfService.Samples.SmscSimulator/gateway-esme.sh" \
  --Storage:Kind=PostgreSql "--Storage:PostgreSql:ConnectionString=Host=127.0.0.1;Port=$port;Database=selfservice;Username=postgres"
replies=$("${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d selfservice -Atc "SELECT count(*) FROM outbox")
used=$(echo "$(server_cpu) - $before" | bc)
echo "PostgreSQL server: $used CPU s over both gateway runs (start-up and warm-up included) for $replies replies = $(echo "scale=3; 1000 * $used / $replies" | bc) ms per reply"
