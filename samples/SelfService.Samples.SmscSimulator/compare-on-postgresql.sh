#!/usr/bin/env bash
# The SMS round-trip benchmark with the gateway on PostgreSQL: starts a private cluster (Debian's initdb/pg_ctl, a
# temporary folder, 127.0.0.1 at a free port; as "nobody" when run as root), runs ../shared/bench/compare.sh with
# gateway-esme.sh on it, and prints the PostgreSQL server's own CPU seconds over the run, which compare.sh's
# "cpu/rt" (the gateway process alone) does not include (the cluster: private-postgresql.sh).
#   bash samples/SelfService.Samples.SmscSimulator/compare-on-postgresql.sh [N10 N100]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
n10=${1:-2000}; n100=${2:-5000}
. "$root/samples/SelfService.Samples.SmscSimulator/private-postgresql.sh"
start_private_postgresql
trap pg_stop EXIT
before=$(pg_server_cpu)
bash "$bench/compare.sh" "$n10" "$n100" -- bash "$root/samples/SelfService.Samples.SmscSimulator/gateway-esme.sh" \
  --Storage:Kind=PostgreSql "--Storage:PostgreSql:ConnectionString=$pg_connection"
replies=$("${pg_as[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d selfservice -Atc "SELECT count(*) FROM outbox")
used=$(echo "$(pg_server_cpu) - $before" | bc)
echo "PostgreSQL server: $used CPU s over both gateway runs (start-up and warm-up included) for $replies replies = $(echo "scale=3; 1000 * $used / $replies" | bc) ms per reply"
