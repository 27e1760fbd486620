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
smsc_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
. "$root/samples/SelfService.Samples.SmscSimulator/private-postgresql.sh"
start_private_postgresql
folder=$pg_folder
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
}
trap stop EXIT

# CPU seconds of a process (all its threads); all_cpu adds every gateway's and the server's.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$1/stat"; }
all_cpu() { { for pid in "${pids[@]}"; do cpu_of "$pid"; done; pg_server_cpu; } | paste -sd+ | bc; }

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
    --Storage:Kind=PostgreSql "--Storage:PostgreSql:ConnectionString=$pg_connection" \
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
