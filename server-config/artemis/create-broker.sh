#!/usr/bin/env bash
# Creates an Apache ActiveMQ Artemis broker instance for Tandem and installs Tandem's broker.xml.
#
#   create-broker.sh ARTEMIS_HOME INSTANCE_DIR    a new instance, with Tandem's broker.xml and users
#   create-broker.sh --settings INSTANCE_DIR      this version's broker.xml for an existing instance
#
# Environment: TANDEM_BROKER_PASSWORD, TANDEM_PRODUCER_PASSWORD, TANDEM_OPERATOR_PASSWORD (required:
# the users tandem, producer and operator, each with the role of its name; see broker.xml),
# TANDEM_BROKER_HOST (default 127.0.0.1), TANDEM_BROKER_PORT (default 61616),
# TANDEM_BROKER_MEMORY (default 512M), TANDEM_BROKER_DATA (the journal's directory, default INSTANCE_DIR/data).
# One of a primary/backup pair (broker-pair.xml): TANDEM_BROKER_PAIR_ROLE (primary or backup),
# TANDEM_BROKER_PEER_HOST and TANDEM_BROKER_PEER_PORT (the other broker), TANDEM_BROKER_CLUSTER_PASSWORD
# (the same on both), and one TANDEM_BROKER_DATA for both: the shared store.
# Start the broker with INSTANCE_DIR/bin/artemis run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

write_settings() {
    local instance=$1
    export TANDEM_BROKER_DATA=${TANDEM_BROKER_DATA:-$instance/data}
    export TANDEM_BROKER_PAIR_SETTINGS=
    case ${TANDEM_BROKER_PAIR_ROLE:-} in
        '') ;;
        primary) TANDEM_BROKER_PAIR_ROLE='<primary><failover-on-shutdown>true</failover-on-shutdown></primary>' ;;
        backup) TANDEM_BROKER_PAIR_ROLE='<backup><allow-failback>true</allow-failback></backup>' ;;
        *) die "TANDEM_BROKER_PAIR_ROLE is primary or backup, not $TANDEM_BROKER_PAIR_ROLE" ;;
    esac
    if [[ -n ${TANDEM_BROKER_PAIR_ROLE:-} ]]; then
        : "${TANDEM_BROKER_CLUSTER_PASSWORD:?TANDEM_BROKER_CLUSTER_PASSWORD must be set}"
        TANDEM_BROKER_PAIR_SETTINGS=$(TANDEM_BROKER_PAIR_ROLE=$TANDEM_BROKER_PAIR_ROLE render "$here/broker-pair.xml")
    fi
    # the pair's cluster password is in it
    rm -f "$instance/etc/broker.xml"
    (umask 077 && render "$here/broker.xml" >"$instance/etc/broker.xml")
}

export TANDEM_BROKER_HOST=${TANDEM_BROKER_HOST:-127.0.0.1}
export TANDEM_BROKER_PORT=${TANDEM_BROKER_PORT:-61616}
if [[ ${1-} == --settings && $# -eq 2 ]]; then
    write_settings "$2"
    exit
fi
[[ $# -eq 2 ]] || die "usage: create-broker.sh ARTEMIS_HOME INSTANCE_DIR | create-broker.sh --settings INSTANCE_DIR"
artemis_home=$1 instance=$2
: "${TANDEM_BROKER_PASSWORD:?TANDEM_BROKER_PASSWORD must be set}"
: "${TANDEM_PRODUCER_PASSWORD:?TANDEM_PRODUCER_PASSWORD must be set}"
: "${TANDEM_OPERATOR_PASSWORD:?TANDEM_OPERATOR_PASSWORD must be set}"

"$artemis_home/bin/artemis" create "$instance" --silent --force \
    --user tandem --password "$(new_secret)" --role tandem --require-login \
    --host "$TANDEM_BROKER_HOST" --default-port "$TANDEM_BROKER_PORT" \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --java-memory "${TANDEM_BROKER_MEMORY:-512M}" >/dev/null
write_settings "$instance"
# The users, written here rather than passed to artemis create, whose command line ps would show.
(
    umask 077
    printf '%s = %s\n' tandem "$TANDEM_BROKER_PASSWORD" producer "$TANDEM_PRODUCER_PASSWORD" \
        operator "$TANDEM_OPERATOR_PASSWORD" >"$instance/etc/artemis-users.properties"
)
printf '%s = %s\n' tandem tandem producer producer operator operator >"$instance/etc/artemis-roles.properties"
