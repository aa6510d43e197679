#!/usr/bin/env bash
# Creates an Apache ActiveMQ Artemis broker instance for Tandem and installs Tandem's broker.xml.
#
#   create-broker.sh ARTEMIS_HOME INSTANCE_DIR
#
# Environment: TANDEM_BROKER_PASSWORD (required), TANDEM_BROKER_USER (default tandem),
# TANDEM_BROKER_HOST (default 127.0.0.1), TANDEM_BROKER_PORT (default 61616),
# TANDEM_BROKER_MEMORY (default 512M).
# Start the broker with INSTANCE_DIR/bin/artemis run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 2 ]] || die "usage: create-broker.sh ARTEMIS_HOME INSTANCE_DIR"
artemis_home=$1 instance=$2
: "${TANDEM_BROKER_PASSWORD:?TANDEM_BROKER_PASSWORD must be set}"
export TANDEM_BROKER_USER=${TANDEM_BROKER_USER:-tandem}
export TANDEM_BROKER_HOST=${TANDEM_BROKER_HOST:-127.0.0.1}
export TANDEM_BROKER_PORT=${TANDEM_BROKER_PORT:-61616}

"$artemis_home/bin/artemis" create "$instance" --silent --force \
    --user "$TANDEM_BROKER_USER" --password "$TANDEM_BROKER_PASSWORD" --role tandem --require-login \
    --host "$TANDEM_BROKER_HOST" --default-port "$TANDEM_BROKER_PORT" \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --java-memory "${TANDEM_BROKER_MEMORY:-512M}" >/dev/null
render "$here/broker.xml" >"$instance/etc/broker.xml"
