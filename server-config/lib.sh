# Shell helpers shared by the tandem launcher and the provisioning scripts. Source it; do not run it.

# Bash 5.2 would otherwise treat '&' in a substituted value as "the matched text".
shopt -u patsub_replacement 2>/dev/null || true

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'tandem: %s\n' "$*" >&2; }
die() { printf 'tandem: %s\n' "$*" >&2; exit 1; }

# render TEMPLATE: prints TEMPLATE with every ${TANDEM_*} replaced by that environment variable.
# Other ${...} forms (Payara's ${ALIAS=...}, Artemis' own) pass through untouched.
render() {
    local template=$1 text var
    text=$(<"$template")
    for var in $(grep -o '\${TANDEM_[A-Z0-9_]*}' "$template" | sort -u | tr -d '${}'); do
        [[ -n ${!var+set} ]] || die "$template needs $var to be set"
        text=${text//"\${$var}"/${!var}}
    done
    printf '%s\n' "$text"
}

# wait_for_port HOST PORT SECONDS: true once something accepts connections there.
wait_for_port() {
    local host=$1 port=$2 deadline=$((SECONDS + $3))
    while ((SECONDS < deadline)); do
        (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && return 0
        sleep 0.5
    done
    return 1
}

# port_in_use HOST PORT
port_in_use() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# is_running PIDFILE: true if the file names a live process.
is_running() { [[ -f $1 ]] && kill -0 "$(<"$1")" 2>/dev/null; }

# stop_pid PIDFILE NAME SECONDS: SIGTERM, then SIGKILL after SECONDS; removes the file.
stop_pid() {
    local pidfile=$1 name=$2 grace=$3 pid
    is_running "$pidfile" || { rm -f "$pidfile"; return 0; }
    pid=$(<"$pidfile")
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
        warn "$name (pid $pid) did not stop within ${grace}s; killing it"
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

# new_secret: 32 random alphanumeric characters (a bounded read: no SIGPIPE under pipefail).
new_secret() {
    local random
    random=$(head -c 1024 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
    printf '%s' "${random:0:32}"
}

# asadmin_passwordfile KEY=VALUE...: a new password file (mode 600) for an asadmin command with
# passwords of its own; it carries the administrator's as well, since --passwordfile replaces
# AS_ADMIN_PASSWORDFILE. The caller removes it.
asadmin_passwordfile() {
    local file
    file=$(mktemp)
    { [[ -n ${AS_ADMIN_PASSWORDFILE-} ]] && cat "$AS_ADMIN_PASSWORDFILE"; printf '%s\n' "$@"; } >"$file"
    echo "$file"
}

# payara_asadmin PAYARA_HOME ARGS...: runs asadmin non-interactively, without its terminal noise.
# Its output goes to stdout, or to stderr when the command fails, so that discarding stdout never
# hides why something failed.
payara_asadmin() {
    local home=$1 status=0 output
    shift
    output=$(TERM=dumb "$home/bin/asadmin" --interactive=false "$@" 2>&1) || status=$?
    output=$(grep -v 'infocmp' <<<"$output" || true)
    if ((status == 0)); then
        printf '%s\n' "$output"
    else
        printf '%s\n' "$output" >&2
    fi
    return "$status"
}

# http_get PORT PATH [USER]: the response to GET http://127.0.0.1:PORT/PATH, status line first, as
# USER if given (password from $SECRETS/USER-password); no curl needed, and no password on a command line.
http_get() {
    local authorization=""
    if [[ -n ${3-} ]]; then
        authorization="Authorization: Basic $(printf '%s:%s' "$3" "$(<"$SECRETS/$3-password")" | base64 -w0)"$'\r\n'
    fi
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n%s\r\n' "$2" "$authorization" >&3
    timeout 30 cat <&3
    exec 3>&-
}

# http_status PORT PATH: the HTTP status code of GET http://127.0.0.1:PORT/PATH.
http_status() {
    local _ status
    read -r _ status _ < <(http_get "$@") || status=
    echo "$status"
}

# export_broker_connectors: the resource adapter's view of the broker, from TANDEM_BROKER_HOST and
# TANDEM_BROKER_PORT and, for a primary/backup pair, TANDEM_BROKER_BACKUP_PORT (TANDEM_BROKER_BACKUP_HOST,
# default the primary's host): one connector per broker, and HA on, so that connections fail over.
export_broker_connectors() {
    local netty=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory
    TANDEM_BROKER_CONNECTOR_CLASSES=$netty
    TANDEM_BROKER_CONNECTION_PARAMETERS="host\\\\=$TANDEM_BROKER_HOST;port\\\\=$TANDEM_BROKER_PORT"
    TANDEM_BROKER_HA=false
    if [[ -n ${TANDEM_BROKER_BACKUP_PORT-} ]]; then
        TANDEM_BROKER_CONNECTOR_CLASSES+=",$netty"
        TANDEM_BROKER_CONNECTION_PARAMETERS+=",host\\\\=${TANDEM_BROKER_BACKUP_HOST:-$TANDEM_BROKER_HOST};port\\\\=$TANDEM_BROKER_BACKUP_PORT"
        TANDEM_BROKER_HA=true
    fi
    export TANDEM_BROKER_CONNECTOR_CLASSES TANDEM_BROKER_CONNECTION_PARAMETERS TANDEM_BROKER_HA
}
