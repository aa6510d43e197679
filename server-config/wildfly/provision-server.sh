#!/usr/bin/env bash
# Creates a WildFly (standalone-full) server directory configured for Tandem; does not start it.
#
#   provision-server.sh WILDFLY_HOME SERVER_DIR
#
# SERVER_DIR becomes the server's base directory (jboss.server.base.dir: configuration, data, logs,
# deployments) and holds the JDBC driver modules (SERVER_DIR/modules, on the module path at start).
# The configuration is server.cli, ledgers-<TANDEM_DB>.cli and messaging.cli (read them), applied with
# jboss-cli to an embedded offline server; passwords go into an Elytron credential store. Tandem's
# users go into the application realm when ./tandem start runs the server.
#
# Environment (all required): TANDEM_PORT_BASE, TANDEM_LISTEN_ADDRESS, TANDEM_DB (embedded or real),
# TANDEM_LEDGER_PASSWORD, TANDEM_JDBC_DRIVERS (jar paths, space separated), TANDEM_BROKER_HOST,
# TANDEM_BROKER_PORT (with a broker pair also TANDEM_BROKER_BACKUP_HOST and TANDEM_BROKER_BACKUP_PORT: messaging-pair.cli),
# TANDEM_BROKER_USER, TANDEM_BROKER_PASSWORD; for embedded ledgers TANDEM_LEDGER_DIR, for real ones TANDEM_DB_NAME,
# TANDEM_PG_HOST, TANDEM_PG_PORT, TANDEM_MARIADB_HOST, TANDEM_MARIADB_PORT. Optional: TANDEM_OTLP_ENDPOINT
# (tracing.cli). Tests also set TANDEM_FAULTS_DIR (test-faults.cli, test-faults-embedded.cli).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 2 ]] || die "usage: provision-server.sh WILDFLY_HOME SERVER_DIR"
wildfly_home=$1 server=$2
[[ ! -e $server ]] || die "$server exists already"
# WildFly's ports are its defaults shifted; Tandem's base 8000 keeps HTTP on 8080.
export TANDEM_PORT_OFFSET=$((TANDEM_PORT_BASE - 8000))

log "Creating the WildFly server in $server (port base $TANDEM_PORT_BASE)"
# A server directory exists only once it is complete: the next start would take a half-made one as ready.
script=$(mktemp)
complete=false
trap 'rm -f "$script"; $complete || rm -rf "$server"' EXIT
cp -r "$wildfly_home/standalone" "$server"
rm -rf "$server/deployments/"* "$server/data" "$server/log" "$server/tmp"
# only standalone-full.xml is used
find "$server/configuration" -name "standalone*.xml" ! -name standalone-full.xml -delete

# install_module NAME JAR... : a JBoss module of SERVER_DIR/modules holding these jars.
install_module() {
    local name=$1 dir jar resources=""
    shift
    dir=$server/modules/${name//.//}/main
    mkdir -p "$dir"
    for jar in "$@"; do
        cp "$jar" "$dir/"
        resources+="        <resource-root path=\"$(basename "$jar")\"/>"$'\n'
    done
    cat >"$dir/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="$name">
    <resources>
$resources    </resources>
    <dependencies>
        <module name="java.logging"/>
        <module name="java.management"/>
        <module name="java.naming"/>
        <module name="java.security.jgss"/>
        <module name="java.sql"/>
        <module name="java.transaction.xa"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML
}
# One module for the JDBC drivers and server-config/ledger-xa, whose data sources extend theirs.
# shellcheck disable=SC2086 # the list is space separated, paths without spaces
install_module dev.tandem.ledgerxa $TANDEM_JDBC_DRIVERS

# The credential store holds the ledger and broker passwords; its own password sits in the
# configuration masked, like the master password of a Payara domain.
store_password=$(new_secret)
elytron() { "$wildfly_home/bin/elytron-tool.sh" "$@" >/dev/null; }
elytron credential-store --create --location "$server/configuration/tandem.cs" --password "$store_password" \
    --add ledger-password --secret "$TANDEM_LEDGER_PASSWORD"
elytron credential-store --location "$server/configuration/tandem.cs" --password "$store_password" \
    --add broker-password --secret "$TANDEM_BROKER_PASSWORD"
export TANDEM_STORE_PASSWORD
TANDEM_STORE_PASSWORD=$("$wildfly_home/bin/elytron-tool.sh" mask --salt "$(new_secret | head -c 8)" --iteration 120 --secret "$store_password")

log "Configuring listeners, transactions, ledgers and messaging"
{
    echo "embed-server --server-config=standalone-full.xml"
    echo "/subsystem=elytron/credential-store=tandem:add(location=tandem.cs, relative-to=jboss.server.config.dir, credential-reference={clear-text=\"$TANDEM_STORE_PASSWORD\"})"
    render "$here/server.cli"
    render "$here/ledgers-$TANDEM_DB.cli"
    render "$here/messaging.cli"
    [[ -n ${TANDEM_BROKER_BACKUP_PORT-} ]] && render "$here/messaging-pair.cli"
    [[ -n ${TANDEM_OTLP_ENDPOINT-} ]] && render "$here/tracing.cli"
    if [[ -n ${TANDEM_FAULTS_DIR-} ]]; then
        mkdir -p "$TANDEM_FAULTS_DIR"
        render "$here/test-faults.cli"
        [[ $TANDEM_DB == embedded ]] && render "$here/test-faults-embedded.cli"
    fi
    echo "stop-embedded-server"
} >"$script"
output=$(JBOSS_MODULEPATH="$wildfly_home/modules:$server/modules" "$wildfly_home/bin/jboss-cli.sh" -Djboss.server.base.dir="$server" --file="$script" 2>&1) || {
    printf '%s\n' "$output" >&2
    die "the WildFly configuration did not apply cleanly (see above)"
}
complete=true
