#!/usr/bin/env bash
# Starts a worker: Payara Micro with the worker WAR, consuming the request queue beside the server, and
# returns once it is ready (its MicroProfile readiness: both ledgers and the broker answer).
#
#   start-worker.sh [--foreground] PAYARA_MICRO_JAR WORKER_WAR WORKER_DIR NAME HTTP_PORT
#
# --foreground: the script becomes the worker (exec), its log on stdout, as a container's entry point
# (deploy/kubernetes/tandem-workers.yaml) or a service manager wants it.
# WORKER_DIR keeps the worker's instance for good (--rootDir): its transaction log, which its recovery
# reads after a crash, lives there. NAME is its recovery identity (worker.asadmin), unique per worker.
# The worker gets the server's transaction settings and the same ledger and messaging resources
# (server-config/payara/*.asadmin); its secrets come from its environment (TANDEM_LEDGER_PASSWORD,
# TANDEM_BROKER_PASSWORD), not from password aliases, which Payara Micro does not have.
# Environment: as for provision-domain.sh, and TANDEM_WORKER_LIBS (the JDBC jars, ':' separated).
# Output: WORKER_DIR/worker.pid; unless --foreground, its log WORKER_DIR/server0.log (rotated to server1.log
# and on, logging.properties) and what it prints before its logging starts, WORKER_DIR/console.log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

foreground=false
if [[ ${1-} == --foreground ]]; then
    foreground=true
    shift
fi
[[ $# -eq 5 ]] || die "usage: start-worker.sh [--foreground] PAYARA_MICRO_JAR WORKER_WAR WORKER_DIR NAME HTTP_PORT"
micro_jar=$1 war=$2 dir=$3 name=$4 port=$5
payara=$here/../payara
pidfile=$dir/worker.pid

# (a container's earlier run may have left its own PID, which is this one's too)
if is_running "$pidfile" && [[ $(<"$pidfile") != "$$" ]]; then
    die "$name already runs (pid $(<"$pidfile")): one process per recovery identity"
fi
port_in_use 127.0.0.1 "$port" && die "port $port, $name's, is taken by another process"

# micro_commands: asadmin command files as Payara Micro's boot commands read them: one level of
# backslash escapes less than asadmin's multimode, and the secrets from the environment.
micro_commands() {
    sed -e 's/\${ALIAS\\\\=tandem-ledger-password}/${ENV\\\\=TANDEM_LEDGER_PASSWORD}/g' \
        -e 's/\${ALIAS\\\\=tandem-broker-password}/${ENV\\\\=TANDEM_BROKER_PASSWORD}/g' \
        -e 's/\\\\/\\/g'
}

mkdir -p "$dir/instance"
export TANDEM_WORKER_NAME=$name
export_broker_connectors
(umask 077
 { render "$payara/transactions.asadmin"; render "$here/worker.asadmin"; } | micro_commands >"$dir/preboot.asadmin"
 { render "$payara/messaging.asadmin"; render "$payara/ledgers-$TANDEM_DB.asadmin"; } | micro_commands >"$dir/postboot.asadmin")
# The resources are created once, like the server's: the instance keeps them (provisioned: its first start was ready).
resources=(--postbootcommandfile "$dir/postboot.asadmin")
[[ -f $dir/provisioned ]] && resources=()

micro=(java -jar "$micro_jar" --nohazelcast --rootDir "$dir/instance" --name "$name" --port "$port"
    --addLibs "$TANDEM_WORKER_LIBS" --prebootcommandfile "$dir/preboot.asadmin" "${resources[@]}" --deploy "$war")

# became_ready SECONDS: true once the worker reports itself ready, which marks its instance provisioned.
became_ready() {
    local deadline=$((SECONDS + $1))
    while ((SECONDS < deadline)); do
        if [[ $(http_get "$port" /health/ready 2>/dev/null | tail -n 1) == *'"name":"tandem-dependencies","status":"UP"'* ]]; then
            touch "$dir/provisioned"
            return 0
        fi
        is_running "$pidfile" || return 1
        sleep 1
    done
    return 1
}

if $foreground; then
    echo $$ >"$pidfile"
    (became_ready 600 || true) </dev/null >/dev/null 2>&1 &
    exec "${micro[@]}" </dev/null
fi

TANDEM_WORKER_LOG=$dir/server%g.log render "$here/logging.properties" >"$dir/logging.properties"
setsid "${micro[@]}" --logProperties "$dir/logging.properties" </dev/null >>"$dir/console.log" 2>&1 &
echo $! >"$pidfile"
became_ready 180 && exit 0
tail -q -n 20 "$dir/console.log" "$dir/server0.log" >&2 2>/dev/null || true
stop_pid "$pidfile" "$name" 30
die "$name did not become ready within 180 s; its log is $dir/server0.log"
