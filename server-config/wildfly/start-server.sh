#!/usr/bin/env bash
# Starts the WildFly server that provision-server.sh created, in the background, and returns once
# it has written its PID (SERVER_DIR/wildfly.pid, the JVM's own: kill -9 of it is a real crash).
#
#   start-server.sh WILDFLY_HOME SERVER_DIR
#
# Console output goes to SERVER_DIR/log/console.log, the server's log to SERVER_DIR/log/server.log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 2 ]] || die "usage: start-server.sh WILDFLY_HOME SERVER_DIR"
wildfly_home=$1 server=$2
pidfile=$server/wildfly.pid

rm -f "$pidfile"
mkdir -p "$server/log"
JBOSS_PIDFILE=$pidfile LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_MODULEPATH="$wildfly_home/modules:$server/modules" \
    setsid "$wildfly_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$server" \
    </dev/null >>"$server/log/console.log" 2>&1 &
launcher=$!
for _ in $(seq 1 60); do
    if [[ -s $pidfile ]] && kill -0 "$(<"$pidfile")" 2>/dev/null; then
        exit 0
    fi
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.5
done
tail -n 20 "$server/log/console.log" >&2
die "WildFly did not start"
