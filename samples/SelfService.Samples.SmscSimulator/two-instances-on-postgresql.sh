#!/usr/bin/env bash
# The SMS round trip with TWO gateway instances on one PostgreSQL, next to the one-instance figure of
# compare-on-postgresql.sh. The bench SMSC (../shared/bench/smsc-bench.js) takes two binds (the operator gives two:
# Smpp and one of AdditionalBinds); each instance holds one under its lease, and the SMSC spreads the MOs over both.
# CPU per round trip is both gateway processes' and the PostgreSQL server's, over the measured phase only (start-up
# and warm-up excluded), as compare.sh counts it for one process. A gateway's warnings go to its log in the temporary
# folder, removed at the end.
# With INSTANCES (third argument) 1, one instance holds both binds: the same set-up, for the row beside it.
#   bash samples/SelfService.Samples.SmscSimulator/two-instances-on-postgresql.sh [N C [INSTANCES]]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
n=${1:-5000}; c=${2:-100}; instances=${3:-2}
dll=$root/gateway/SelfService.Gateway/bin/Release/net10.0/SelfService.Gateway.dll
[ -f "$dll" ] || { echo "build first: dotnet build -c Release SelfService.sln" >&2; exit 2; }
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --silent)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as=(); [ "$(id -u)" = 0 ] && as=(runuser -u nobody --)
folder=$(mktemp -d /tmp/selfservice-pgbench2.XXXX); [ "$(id -u)" = 0 ] && chown nobody "$folder"; chmod 700 "$folder"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
smsc_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${as[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --no-locale --no-instructions >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=200" start >/dev/null
"${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE selfservice"
postmaster=$(head -1 "$folder/data/postmaster.pid")

# CPU seconds: a process's own (all its threads); the server's is the postmaster's, its reaped children's and its live
# children's.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$1/stat"; }
server_cpu() {
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f\n", s / hz}'
}
all_cpu() { { for pid in "${pids[@]}"; do cpu_of "$pid"; done; server_cpu; } | paste -sd+ | bc; }

out=$folder/bench.json; err=$folder/bench.err
# Both instances bind before the first MO: a long start delay, since the second waits for its lease.
node "$bench/smsc-bench.js" --port "$smsc_port" --n "$n" --concurrency "$c" --json --quiet --start-delay-ms 8000 \
  --system-id bench --password bench > "$out" 2> "$err" &
bench_pid=$!
bind=(--Channels:Sms:Enabled=true --Channels:Sms:Smpp:Host=127.0.0.1 --Channels:Sms:Smpp:Port="$smsc_port"
  --Channels:Sms:Smpp:SystemId=bench --Channels:Sms:Smpp:Password=bench
  --Channels:Sms:AdditionalBinds:0:Host=127.0.0.1 --Channels:Sms:AdditionalBinds:0:Port="$smsc_port"
  --Channels:Sms:AdditionalBinds:0:SystemId=bench --Channels:Sms:AdditionalBinds:0:Password=bench)
for id in $(seq -f gw%g "$instances"); do
  (cd "$(dirname "$dll")" && exec dotnet "$dll" --urls=http://127.0.0.1:0 --Gateway:InstanceId=$id \
    --Storage:Kind=PostgreSql "--Storage:PostgreSql:ConnectionString=Host=127.0.0.1;Port=$port;Database=selfservice;Username=postgres" \
    --Samples:Root="$root/samples" --Commands:CatalogueFile="$root/samples/operator/actions.json" \
    --Commands:MenuFile="$root/samples/operator/menus.json" "${bind[@]}" --Logging:LogLevel:Default=Warning \
    > "$folder/$id.log" 2>&1) &
  pids+=($!)
done
sleep 1
# The dotnet processes themselves (the subshells exec'd into them).
base=""
while kill -0 "$bench_pid" 2>/dev/null; do
  if [ -z "$base" ] && grep -q 'measuring:' "$err" 2>/dev/null; then base=$(all_cpu); fi
  last=$(all_cpu)
  sleep 0.1
done
wait "$bench_pid" || true
used=$(echo "$last - ${base:-0}" | bc)
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const used = Number(process.argv[2]);
  const binds = r.binds.map((b) => b.mode).join(", ");
  console.log(`${process.argv[3]} instance(s) on PostgreSQL, C=${r.params.concurrency}: ${r.completed}/${r.total} round trips, ${r.rt_per_s} rt/s, ` +
    `p99 ${r.latency_ms.p99} ms; binds: ${binds}; CPU over the measured phase: ${used.toFixed(2)} s (the gateways and the ` +
    `server) = ${(1000 * used / r.completed).toFixed(3)} ms per round trip`);
' "$out" "$used" "$instances"
