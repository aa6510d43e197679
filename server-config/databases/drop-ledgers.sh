#!/usr/bin/env bash
# Drops the ledger databases and user that create-ledgers.sh made, for a fresh start (the integration
# tests use it on their own tandem_it databases). Prepared XA branches that a crashed server left in
# them are rolled back first, or the databases could not be dropped; in MariaDB, whose XA RECOVER lists
# the branches of every database, only those of the server under test, recognised by BRANCH_MARK:
# ",P<IIOP port>," for Payara (its branch qualifiers hold it), the node identifier for WildFly (Narayana
# puts it in the global transaction id and the branch qualifier).
#
#   drop-ledgers.sh BRANCH_MARK
#
# Environment: TANDEM_DB_NAME (required here, so that nothing is dropped by accident), and the same
# connection settings as create-ledgers.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 1 ]] || die "usage: drop-ledgers.sh BRANCH_MARK"
mark=$1
name=${TANDEM_DB_NAME:?TANDEM_DB_NAME must be set}
pg_host=${TANDEM_PG_HOST:-127.0.0.1} pg_port=${TANDEM_PG_PORT:-5432} pg_admin=${TANDEM_PG_ADMIN:-postgres}
maria_host=${TANDEM_MARIADB_HOST:-127.0.0.1} maria_port=${TANDEM_MARIADB_PORT:-3306} maria_admin=${TANDEM_MARIADB_ADMIN:-root}
pg() { psql -h "$pg_host" -p "$pg_port" -U "$pg_admin" -v ON_ERROR_STOP=1 -Atq "$@"; }
maria() { mariadb -h "$maria_host" -P "$maria_port" -u "$maria_admin" --batch --skip-column-names "$@"; }

if [[ -n $(pg -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '${name}_ledger_a'") ]]; then
    for gid in $(pg -d postgres -c "SELECT gid FROM pg_prepared_xacts WHERE database = '${name}_ledger_a'"); do
        pg -d "${name}_ledger_a" -c "ROLLBACK PREPARED '$gid'"
    done
    pg -d postgres -c "DROP DATABASE \"${name}_ledger_a\""
fi
pg -d postgres -c "DROP ROLE IF EXISTS \"$name\""

# XA RECOVER FORMAT='SQL' gives each branch as X'gtrid',X'bqual',formatID.
maria -e "XA RECOVER FORMAT='SQL'" | while read -r _ _ _ xid; do
    ids_hex=$(tr -cd '0-9A-Fa-f,' <<<"${xid%,*}" | tr -d ',')
    ids=$(printf '%b' "$(sed 's/../\\x&/g' <<<"$ids_hex")" | tr -d '\0')
    if [[ $ids == *"$mark"* ]]; then
        maria -e "XA ROLLBACK $xid"
    fi
done
maria -e "DROP DATABASE IF EXISTS \`${name}_ledger_b\`; DROP USER IF EXISTS '${name}'@'127.0.0.1'; DROP USER IF EXISTS '${name}'@'localhost';"
log "Dropped the ledger databases ${name}_ledger_a and ${name}_ledger_b"
