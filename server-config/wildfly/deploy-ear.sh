#!/usr/bin/env bash
# Deploys the Tandem EAR to the WildFly server in SERVER_DIR through its deployment scanner, or
# redeploys it when it changed, and waits for the outcome.
#
#   deploy-ear.sh SERVER_DIR EAR
#
# The scanner marks the outcome next to the archive: tandem.ear.deployed or tandem.ear.failed (which
# holds the reason). An unchanged EAR that is deployed is left alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 2 ]] || die "usage: deploy-ear.sh SERVER_DIR EAR"
server=$1 ear=$2
deployed=$server/deployments/tandem.ear

if cmp -s "$ear" "$deployed"; then
    if [[ -f $deployed.failed ]]; then
        die "the EAR failed to deploy: $(<"$deployed.failed")"
    fi
    exit 0
fi
log "Deploying the EAR"
rm -f "$deployed.deployed" "$deployed.failed"
# copied under another name first: the scanner must never see half an archive
cp "$ear" "$server/deployments/.tandem.ear.copy"
mv "$server/deployments/.tandem.ear.copy" "$deployed"
for _ in $(seq 1 360); do
    [[ -f $deployed.deployed ]] && exit 0
    [[ -f $deployed.failed ]] && die "the EAR failed to deploy: $(<"$deployed.failed")"
    sleep 0.5
done
die "the EAR was not deployed within 180 s; see $server/log/server.log"
