#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (when missing), starts a throwaway server on 127.0.0.1,
# and prints the SQLAlchemy URL of an empty test database. Stop it with: .ci/postgres.sh stop DIR
set -euo pipefail
if [ "${1:-}" = "stop" ]; then
  su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D '$2' -m fast stop" >/dev/null
  exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/filmclub-pg.XXXXXX)
chown postgres "$dir"
port=${FILMCLUB_TEST_PG_PORT:-55432}
su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $dir\" start" >/dev/null
su postgres -s /bin/sh -c "$bin/psql -h 127.0.0.1 -p $port -U postgres -q -c 'CREATE DATABASE filmclub_test'" >/dev/null
echo "$dir/data postgresql+psycopg://postgres@127.0.0.1:$port/filmclub_test"
