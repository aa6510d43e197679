#!/usr/bin/env bash
# Creates a Payara Server 6 domain configured for Tandem and leaves it running, ready for the EAR.
#
#   provision-domain.sh PAYARA_HOME DOMAINS_DIR
#
# Runs domain.asadmin, transactions.asadmin, ledgers-<TANDEM_DB>.asadmin and messaging.asadmin (read
# them: they are the configuration) against a new domain named "tandem", after storing the ledger and
# broker passwords as Payara password aliases.
#
# Environment (all required): TANDEM_PORT_BASE, TANDEM_LISTEN_ADDRESS, TANDEM_DB (embedded or real),
# TANDEM_LEDGER_PASSWORD, TANDEM_JDBC_DRIVERS (jar paths, space separated), TANDEM_BROKER_HOST,
# TANDEM_BROKER_PORT (with a broker pair also TANDEM_BROKER_BACKUP_HOST and TANDEM_BROKER_BACKUP_PORT),
# TANDEM_BROKER_USER, TANDEM_BROKER_PASSWORD, TANDEM_RAR; for embedded ledgers
# TANDEM_LEDGER_DIR, for real ones TANDEM_DB_NAME, TANDEM_PG_HOST, TANDEM_PG_PORT,
# TANDEM_MARIADB_HOST, TANDEM_MARIADB_PORT; AS_ADMIN_USER and AS_ADMIN_PASSWORDFILE, the domain's
# administrator (asadmin's own variables). Optional: TANDEM_OTLP_ENDPOINT (tracing.asadmin). Tests also set
# TANDEM_FAULTS_DIR (test-faults.asadmin).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 2 ]] || die "usage: provision-domain.sh PAYARA_HOME DOMAINS_DIR"
payara_home=$1 domains=$2
domain=tandem
admin_port=$((TANDEM_PORT_BASE + 48))
asadmin() { payara_asadmin "$payara_home" "$@"; }

# run_commands FILE: renders FILE and runs it in one asadmin session; fails if any command failed
# (multimode itself always exits 0).
run_commands() {
    local rendered output
    rendered=$(mktemp)
    render "$1" >"$rendered"
    output=$(asadmin --port "$admin_port" multimode --file "$rendered") || true
    rm -f "$rendered"
    if grep -qE '^Command .* failed\.|remote failure' <<<"$output"; then
        printf '%s\n' "$output" >&2
        die "$(basename "$1") did not apply cleanly (see above)"
    fi
}

# create_alias NAME VALUE: a password alias, so no password sits in domain.xml in clear text.
create_alias() {
    local pwfile
    pwfile=$(asadmin_passwordfile "AS_ADMIN_ALIASPASSWORD=$2")
    asadmin --port "$admin_port" --passwordfile "$pwfile" create-password-alias "$1" >/dev/null
    rm -f "$pwfile"
}

log "Creating Payara domain '$domain' (port base $TANDEM_PORT_BASE)"
asadmin create-domain --portbase "$TANDEM_PORT_BASE" --domaindir "$domains" "$domain" >/dev/null
asadmin start-domain --domaindir "$domains" "$domain" >/dev/null

log "Configuring listeners, transactions, ledgers and messaging"
create_alias tandem-ledger-password "$TANDEM_LEDGER_PASSWORD"
create_alias tandem-broker-password "$TANDEM_BROKER_PASSWORD"
run_commands "$here/domain.asadmin"
run_commands "$here/transactions.asadmin"
run_commands "$here/ledgers-$TANDEM_DB.asadmin"
export_broker_connectors
run_commands "$here/messaging.asadmin"
if [[ -n ${TANDEM_OTLP_ENDPOINT-} ]]; then
    log "Exporting traces to $TANDEM_OTLP_ENDPOINT"
    export TANDEM_OTLP_ENDPOINT_ASADMIN=${TANDEM_OTLP_ENDPOINT//:/\\\\:} # asadmin separates options with ':'
    run_commands "$here/tracing.asadmin"
fi
if [[ -n ${TANDEM_FAULTS_DIR-} ]]; then
    log "Enabling the fault switch for crash-recovery tests ($TANDEM_FAULTS_DIR)"
    mkdir -p "$TANDEM_FAULTS_DIR"
    run_commands "$here/test-faults.asadmin"
    [[ $TANDEM_DB == embedded ]] && run_commands "$here/test-faults-embedded.asadmin"
fi

# Payara creates its transaction log lazily, at the first two-phase commit, unless the log's
# directory exists when the server starts. Two first commits racing to create it can lose one's
# commit record, and recovery after a crash would then roll back a transaction that was decided.
# With the directory in place, transaction recovery opens the log at start-up, before any commit.
mkdir -p "$domains/$domain/logs/server/tx"

log "Restarting the domain with its new configuration"
asadmin restart-domain --domaindir "$domains" "$domain" >/dev/null
