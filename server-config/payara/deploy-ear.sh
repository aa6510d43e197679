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
# Right after a start (after a crash, during transaction recovery) the admin service may not answer
# yet; "could not list" must not be taken for "not deployed".
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    applications=$(asadmin --port "$admin_port" list-applications 2>/dev/null) && break
    ((attempt < 10)) || die "the domain does not list its applications; see $domains/tandem/logs/server.log"
    sleep 3
done
deployed=false
if grep -qE '^tandem[[:space:]]' <<<"$applications"; then
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
