#!/usr/bin/env bash
# Tandem on Payara Server and on WildFly, side by side: the same EAR, the same embedded ledgers and
# broker, the same workload, measured one runtime after the other on this machine. Prints a Markdown
# table (the one in the README comes from this script).
#
#   benchmarks/compare-runtimes.sh [TRANSFERS] [CLIENTS]
#
# Per runtime, in a directory of its own under target/benchmarks/ (kept between runs; the first run
# downloads and provisions, which is not measured):
#   start      ./tandem start with everything provisioned and stopped: broker, server, EAR, until
#              Tandem answers (wall clock)
#   memory     resident set size of the server's JVM, after start and after the workload
#   sync       ./tandem load: TRANSFERS (default 3000) synchronous REST transfers from CLIENTS
#              (default 16) concurrent clients, after a warm-up of 500
#   async      ./tandem submit: TRANSFERS queued transfers (JMS producer), until every reply is in
# Every transfer is a cross-ledger XA transaction (ledger A, ledger B, the broker). Afterwards
# ./tandem verify must find everything consistent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/server-config/lib.sh"

transfers=${1:-3000}
clients=${2:-16}
work=$root/target/benchmarks
mkdir -p "$work"
results=()

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

measure() {
    local runtime=$1 port_base=$2 broker_port=$3
    export TANDEM_VAR=$work/$runtime TANDEM_PORT_BASE=$port_base TANDEM_BROKER_PORT=$broker_port
    local tandem=$root/tandem pidfile
    if [[ ! -f $TANDEM_VAR/tandem.env ]]; then
        log "$runtime: first start (download and provisioning, not measured)"
        "$tandem" start --runtime "$runtime" >/dev/null
        "$tandem" stop >/dev/null
    fi
    "$tandem" stop >/dev/null 2>&1 || true

    log "$runtime: start"
    local t0=$EPOCHREALTIME
    "$tandem" start >/dev/null
    local start_seconds
    start_seconds=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    if [[ $runtime == wildfly ]]; then pidfile=$TANDEM_VAR/wildfly/wildfly.pid; else pidfile=$TANDEM_VAR/payara/tandem/config/pid; fi
    local pid rss_started
    pid=$(<"$pidfile")
    rss_started=$(rss_mb "$pid")

    log "$runtime: warm-up, then $transfers synchronous transfers from $clients clients"
    "$tandem" load --count 500 --clients "$clients" >/dev/null
    local sync
    sync=$("$tandem" load --count "$transfers" --clients "$clients")
    echo "  $sync" >&2
    log "$runtime: $transfers queued transfers"
    local async
    async=$("$tandem" submit --count "$transfers" --timeout 600 2>/dev/null)
    echo "  $async" >&2
    local rss_loaded
    rss_loaded=$(rss_mb "$pid")
    "$tandem" verify >/dev/null || die "$runtime: ./tandem verify found an inconsistency"
    "$tandem" stop >/dev/null

    local sync_rate sync_p50 sync_p99 async_rate
    sync_rate=$(sed -n 's/.*(\([0-9]*\) transfers\/s).*/\1/p' <<<"$sync")
    sync_p50=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$sync")
    sync_p99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$sync")
    async_rate=$(sed -n 's/.*(\([0-9]*\) transfers\/s).*/\1/p' <<<"$async")
    results+=("| $runtime | $start_seconds s | $rss_started MB | $rss_loaded MB | $sync_rate/s (p50 $sync_p50 ms, p99 $sync_p99 ms) | $async_rate/s |")
}

(cd "$root" && mvn -B -q -DskipTests package >&2) || die "the build failed"
measure payara 48000 62016
measure wildfly 49000 62116

cat <<TABLE

Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | sed -n 1p); $transfers transfers per workload, embedded H2 ledgers.

| runtime | start | memory after start | memory after load | sync REST ($clients clients) | async JMS |
| --- | --- | --- | --- | --- | --- |
$(printf '%s\n' "${results[@]}")
TABLE
