#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL and Redis on loopback, each in a
# temporary directory, and removes both afterwards:
#   scripts/with-test-services.sh ctest --test-dir build
# Exports DORADO_TEST_POSTGRES_URL and DORADO_TEST_REDIS_URL for the tests, and
# DORADO_REQUIRE_SERVICES=1 so that a test missing its server fails instead of
# skipping.
set -euo pipefail

tmp=$(mktemp -d /tmp/dorado-services.XXXXXX)
chmod 755 "$tmp"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { echo "with-test-services: PostgreSQL not installed (run scripts/setup.sh)"; exit 1; }
command -v redis-server >/dev/null || { echo "with-test-services: redis-server not installed (run scripts/setup.sh)"; exit 1; }

free_port() { python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])
PY
}
pg_port=${DORADO_PG_PORT:-$(free_port)}
redis_port=${DORADO_REDIS_PORT:-$(free_port)}

# initdb refuses to run as root; run the server as the postgres account then.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  as_pg=(runuser -u postgres --)
  chown postgres "$tmp"
fi

cleanup() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$tmp/redis.pid" ] && kill "$(cat "$tmp/redis.pid")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$tmp/pg" -U postgres -A trust --no-sync >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log"; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg.log" -w \
  -o "-p $pg_port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ||
  { cat "$tmp/pg.log"; exit 1; }
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres dorado_test

redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --dir "$tmp" --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log"
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DORADO_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/dorado_test"
export DORADO_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
export DORADO_REQUIRE_SERVICES=1
echo "with-test-services: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
"$@"
