# A throwaway PostgreSQL server on loopback for the tests: `source scripts/postgres.sh`, then
# `postgres_start` (exports QUAYSIDE_TEST_DATABASE_URL) and `postgres_stop`. Installs Debian's
# postgresql when missing. The cluster lives in a temporary folder, owned by the `postgres` user,
# since PostgreSQL refuses to run as root.

PG_PORT=${PG_PORT:-55432}

postgres_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && echo "$dir"
}

postgres_install() {
  if [ -z "$(postgres_bindir)" ]; then
    say "installing PostgreSQL (Debian's postgresql)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends postgresql postgresql-client
  fi
}

# Run a PostgreSQL program as the postgres user when we are root, as ourselves otherwise.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
  postgres_install
  local bin
  bin=$(postgres_bindir)
  # Another PostgreSQL (a developer's, another checkout's run) may hold the port: take the next free one.
  while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  PG_DIR=$(mktemp -d /tmp/quayside-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  as_postgres "$bin/initdb" -D "$PG_DIR/data" --auth=trust -U postgres >"$PG_DIR/initdb.log"
  as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null
  export QUAYSIDE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_postgres "$(postgres_bindir)/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  unset PG_DIR QUAYSIDE_TEST_DATABASE_URL
}
