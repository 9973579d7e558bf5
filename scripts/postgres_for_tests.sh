#!/usr/bin/env bash
# Start a throw-away PostgreSQL on loopback for the storage tests; prints the SQLAlchemy URL.
# Usage: eval "$(bash scripts/postgres_for_tests.sh)"  → exports ARENA_TEST_POSTGRES_URL
set -euo pipefail
PORT="${ARENA_TEST_PG_PORT:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
DIR="${ARENA_TEST_PG_DIR:-/tmp/arena-pg-$PORT}"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  rm -rf "$DIR"; mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=on" start >/dev/null
fi
echo "export ARENA_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
