#!/usr/bin/env bash
# Creates Tandem's two ledger databases on real servers, and its user on each, after checking that
# both servers can take part in two-phase commits. Safe to run again: it creates what is missing and
# resets the user's password.
#
#   create-ledgers.sh
#
# Ledger A lives on PostgreSQL, ledger B on MariaDB: two separate databases, so that a transfer
# between them is always a real two-phase commit.
#
# Environment:
#   TANDEM_LEDGER_PASSWORD   the password Tandem will use (required)
#   TANDEM_DB_NAME           user name and database prefix (default tandem: databases tandem_ledger_a, tandem_ledger_b)
#   TANDEM_PG_HOST, TANDEM_PG_PORT, TANDEM_PG_ADMIN                 (default 127.0.0.1, 5432, postgres; password from PGPASSWORD)
#   TANDEM_MARIADB_HOST, TANDEM_MARIADB_PORT, TANDEM_MARIADB_ADMIN  (default 127.0.0.1, 3306, root; password from MYSQL_PWD)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

: "${TANDEM_LEDGER_PASSWORD:?TANDEM_LEDGER_PASSWORD must be set}"
name=${TANDEM_DB_NAME:-tandem}
[[ $name =~ ^[a-z][a-z0-9_]{0,40}$ ]] || die "TANDEM_DB_NAME must be lower-case letters, digits and _, got '$name'"
pg_host=${TANDEM_PG_HOST:-127.0.0.1} pg_port=${TANDEM_PG_PORT:-5432} pg_admin=${TANDEM_PG_ADMIN:-postgres}
maria_host=${TANDEM_MARIADB_HOST:-127.0.0.1} maria_port=${TANDEM_MARIADB_PORT:-3306} maria_admin=${TANDEM_MARIADB_ADMIN:-root}

command -v psql >/dev/null || die "psql (PostgreSQL's client) is needed to set up ledger A"
command -v mariadb >/dev/null || die "mariadb (MariaDB's client) is needed to set up ledger B"

pg() { psql -h "$pg_host" -p "$pg_port" -U "$pg_admin" -v ON_ERROR_STOP=1 -Atq "$@"; }
maria() { mariadb -h "$maria_host" -P "$maria_port" -u "$maria_admin" --batch --skip-column-names "$@"; }

# --- ledger A: PostgreSQL ---
pg -d postgres -c 'SELECT 1' >/dev/null 2>&1 \
    || die "cannot reach PostgreSQL at $pg_host:$pg_port as $pg_admin (set TANDEM_PG_HOST, TANDEM_PG_PORT, TANDEM_PG_ADMIN, PGPASSWORD)"
prepared=$(pg -d postgres -c 'SHOW max_prepared_transactions')
if ((prepared == 0)); then
    die "PostgreSQL has max_prepared_transactions = 0, so it cannot prepare XA transactions and every
two-phase commit would fail. Set it above the number of transactions that can be in flight at once
(Tandem's pools hold up to 64 connections) and restart PostgreSQL:
    psql -h $pg_host -p $pg_port -U $pg_admin -c 'ALTER SYSTEM SET max_prepared_transactions = 100'
    pg_ctlcluster <version> main restart      (or: systemctl restart postgresql)"
fi
pg -d postgres -v name="$name" -v password="$TANDEM_LEDGER_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
ALTER ROLE :"name" WITH LOGIN PASSWORD :'password';
-- A transfer waits at most 10 s for a row another holds (PostgreSQL would wait for ever), as on the
-- other ledgers: a branch left prepared by an outage then fails transfers clearly instead of hanging them.
ALTER ROLE :"name" SET lock_timeout = '10s';
SELECT format('CREATE DATABASE %I OWNER %I', :'name' || '_ledger_a', :'name')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name' || '_ledger_a') \gexec
SQL
log "Ledger A: PostgreSQL database ${name}_ledger_a on $pg_host:$pg_port (max_prepared_transactions = $prepared)"

# --- ledger B: MariaDB ---
maria -e 'SELECT 1' >/dev/null 2>&1 \
    || die "cannot reach MariaDB at $maria_host:$maria_port as $maria_admin (set TANDEM_MARIADB_HOST, TANDEM_MARIADB_PORT, TANDEM_MARIADB_ADMIN, MYSQL_PWD)"
engine=$(maria -e "SELECT ENGINE FROM information_schema.ENGINES WHERE ENGINE = 'InnoDB' AND SUPPORT IN ('YES', 'DEFAULT') AND XA = 'YES'")
[[ $engine == InnoDB ]] || die "MariaDB at $maria_host:$maria_port has no InnoDB engine with XA support"
password_sql=${TANDEM_LEDGER_PASSWORD//\'/\'\'}
maria <<SQL
CREATE DATABASE IF NOT EXISTS \`${name}_ledger_b\`;
CREATE USER IF NOT EXISTS '${name}'@'127.0.0.1' IDENTIFIED BY '${password_sql}';
CREATE USER IF NOT EXISTS '${name}'@'localhost' IDENTIFIED BY '${password_sql}';
ALTER USER '${name}'@'127.0.0.1' IDENTIFIED BY '${password_sql}';
ALTER USER '${name}'@'localhost' IDENTIFIED BY '${password_sql}';
GRANT ALL PRIVILEGES ON \`${name}_ledger_b\`.* TO '${name}'@'127.0.0.1', '${name}'@'localhost';
SQL
log "Ledger B: MariaDB database ${name}_ledger_b on $maria_host:$maria_port"
