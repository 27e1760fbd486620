# Sourced by the PostgreSQL benchmark scripts: a private cluster for one run. Debian's initdb/pg_ctl in a temporary
# folder, 127.0.0.1 at a free port, as "nobody" when run as root (the server refuses root), synchronous_commit=off
# (LiteDB's durability class: a commit reaches the OS at once and the disk within a fraction of a second).
# Sets: pg_bin, pg_as, pg_folder, pg_port, pg_postmaster, pg_connection; defines pg_server_cpu and pg_stop.
start_private_postgresql() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_as=(); [ "$(id -u)" = 0 ] && pg_as=(runuser -u nobody --)
  pg_folder=$(mktemp -d /tmp/selfservice-pgbench.XXXX); [ "$(id -u)" = 0 ] && chown nobody "$pg_folder"; chmod 700 "$pg_folder"
  pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_folder/data" -U postgres -A trust -E UTF8 --no-locale --no-instructions >/dev/null
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w \
    -o "-p $pg_port -k $pg_folder -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=200" start >/dev/null
  "${pg_as[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE selfservice"
  pg_postmaster=$(head -1 "$pg_folder/data/postmaster.pid")
  pg_connection="Host=127.0.0.1;Port=$pg_port;Database=selfservice;Username=postgres"
}

# The server's CPU seconds: the postmaster's own and its reaped children's (backends of clients that disconnected),
# plus its live children's.
pg_server_cpu() {
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pg_postmaster/stat"
    for child in $(pgrep -P "$pg_postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f\n", s / hz}'
}

pg_stop() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_folder/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_folder"
}
