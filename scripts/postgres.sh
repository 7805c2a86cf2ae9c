#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL 15 for the test suite, on 127.0.0.1 only, and prints the
# connection string the tests use. Idempotent: a second run only makes sure the server is up.
set -euo pipefail

PGM_PG_PORT="${PGM_PG_PORT:-5432}"
PGM_PG_USER="${PGM_PG_USER:-pgm_test}"
PGM_PG_PASSWORD="${PGM_PG_PASSWORD:-pgm_test_only}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "Installing PostgreSQL 15 from Debian…" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-client-15 >&2
fi

if [ ! -d /etc/postgresql/15/main ]; then
  as_root pg_createcluster 15 main -p "$PGM_PG_PORT" >&2
fi

if ! as_root pg_ctlcluster 15 main status >/dev/null 2>&1; then
  as_root pg_ctlcluster 15 main start >&2
fi

# Wait until it accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  if as_root su postgres -c "psql -p $PGM_PG_PORT -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

as_root su postgres -c "psql -p $PGM_PG_PORT -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGM_PG_USER') THEN
    CREATE ROLE $PGM_PG_USER LOGIN CREATEDB PASSWORD '$PGM_PG_PASSWORD';
  END IF;
END
\$\$;
SQL

# Tests create and drop their own databases; this one is only the maintenance connection.
echo "Host=127.0.0.1;Port=$PGM_PG_PORT;Username=$PGM_PG_USER;Password=$PGM_PG_PASSWORD;Database=postgres"
