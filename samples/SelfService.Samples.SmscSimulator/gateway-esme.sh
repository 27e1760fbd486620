#!/usr/bin/env bash
# Starts the built gateway (Release) as an ESME for an SMSC on 127.0.0.1:${SMSC_PORT:-2775}, bound as
# ${SMSC_SYSTEM_ID:-bench}/${SMSC_PASSWORD:-bench}, on a fresh database in a temporary folder, with the sample operator.
# For side-by-side benchmarks such as ../shared/bench/compare.sh:
#   bash ../shared/bench/compare.sh -- bash samples/SelfService.Samples.SmscSimulator/gateway-esme.sh
# Extra arguments go to the gateway (e.g. --Storage:Durability=Fsync, --Samples:SyntheticSubscribers=100000).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dll=$root/gateway/SelfService.Gateway/bin/Release/net10.0/SelfService.Gateway.dll
[ -f "$dll" ] || { echo "build first: dotnet build -c Release SelfService.sln" >&2; exit 2; }
data=$(mktemp -d /tmp/selfservice-esme.XXXX)
cd "$(dirname "$dll")"
exec dotnet "$dll" --urls=http://127.0.0.1:0 --Storage:DatabaseFile="$data/gateway.db" --Samples:Root="$root/samples" \
  --Commands:CatalogueFile="$root/samples/operator/actions.json" --Commands:MenuFile="$root/samples/operator/menus.json" \
  --Channels:Sms:Enabled=true --Channels:Sms:Smpp:Host=127.0.0.1 --Channels:Sms:Smpp:Port="${SMSC_PORT:-2775}" \
  --Channels:Sms:Smpp:SystemId="${SMSC_SYSTEM_ID:-bench}" --Channels:Sms:Smpp:Password="${SMSC_PASSWORD:-bench}" \
  --Logging:LogLevel:Default=Warning "$@"
