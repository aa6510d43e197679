#!/usr/bin/env bash
# Creates an Apache ActiveMQ Artemis broker instance for Tandem and installs Tandem's broker.xml.
#
#   create-broker.sh ARTEMIS_HOME INSTANCE_DIR
#
# Environment: TANDEM_BROKER_PASSWORD, TANDEM_PRODUCER_PASSWORD, TANDEM_OPERATOR_PASSWORD (required:
# the users tandem, producer and operator, each with the role of its name; see broker.xml),
# TANDEM_BROKER_HOST (default 127.0.0.1), TANDEM_BROKER_PORT (default 61616),
# TANDEM_BROKER_MEMORY (default 512M).
# Start the broker with INSTANCE_DIR/bin/artemis run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 2 ]] || die "usage: create-broker.sh ARTEMIS_HOME INSTANCE_DIR"
artemis_home=$1 instance=$2
: "${TANDEM_BROKER_PASSWORD:?TANDEM_BROKER_PASSWORD must be set}"
: "${TANDEM_PRODUCER_PASSWORD:?TANDEM_PRODUCER_PASSWORD must be set}"
: "${TANDEM_OPERATOR_PASSWORD:?TANDEM_OPERATOR_PASSWORD must be set}"
export TANDEM_BROKER_HOST=${TANDEM_BROKER_HOST:-127.0.0.1}
export TANDEM_BROKER_PORT=${TANDEM_BROKER_PORT:-61616}

"$artemis_home/bin/artemis" create "$instance" --silent --force \
    --user tandem --password "$(new_secret)" --role tandem --require-login \
    --host "$TANDEM_BROKER_HOST" --default-port "$TANDEM_BROKER_PORT" \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --java-memory "${TANDEM_BROKER_MEMORY:-512M}" >/dev/null
render "$here/broker.xml" >"$instance/etc/broker.xml"
# The users, written here rather than passed to artemis create, whose command line ps would show.
(
    umask 077
    printf '%s = %s\n' tandem "$TANDEM_BROKER_PASSWORD" producer "$TANDEM_PRODUCER_PASSWORD" \
        operator "$TANDEM_OPERATOR_PASSWORD" >"$instance/etc/artemis-users.properties"
)
printf '%s = %s\n' tandem tandem producer producer operator operator >"$instance/etc/artemis-roles.properties"
