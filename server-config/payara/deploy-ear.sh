#!/usr/bin/env bash
# Deploys the Tandem EAR to the running domain "tandem", or redeploys it when it changed.
#
#   deploy-ear.sh PAYARA_HOME DOMAINS_DIR EAR
#
# Environment: TANDEM_PORT_BASE. A redeploy is undeploy, domain restart, deploy: Payara sometimes
# leaves a stateless bean unusable after an in-place redeploy until the domain restarts.
# The checksum of what was deployed is kept in the domain directory, so an unchanged EAR that is
# deployed is left alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

[[ $# -eq 3 ]] || die "usage: deploy-ear.sh PAYARA_HOME DOMAINS_DIR EAR"
payara_home=$1 domains=$2 ear=$3
admin_port=$((TANDEM_PORT_BASE + 48))
marker=$domains/tandem/tandem-ear.sha256
asadmin() { payara_asadmin "$payara_home" "$@"; }

current=$(sha256sum "$ear" | cut -d' ' -f1)
deployed=false
if asadmin --port "$admin_port" list-applications | grep -qE '^tandem[[:space:]]'; then
    deployed=true
fi
if $deployed && [[ -f $marker && $(<"$marker") == "$current" ]]; then
    exit 0
fi
if $deployed; then
    log "The EAR changed since it was deployed: undeploying, restarting, deploying"
    asadmin --port "$admin_port" undeploy tandem >/dev/null || true
    asadmin restart-domain --domaindir "$domains" tandem >/dev/null
fi
log "Deploying the EAR"
asadmin --port "$admin_port" deploy --name tandem "$ear" >/dev/null \
    || die "deployment failed; see $domains/tandem/logs/server.log"
echo "$current" >"$marker"
