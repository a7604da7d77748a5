#!/usr/bin/env bash
# CaseFlow development RabbitMQ node:
#   infra/rabbitmq.sh start|stop|kill|status [--name <node>] [--port <amqp port>] [--dir <state dir>]
#
# Defaults: --dir <repo>/.caseflow/rabbitmq, --name ${CASEFLOW_RABBITMQ_NAME:-caseflow},
# --port ${CASEFLOW_RABBITMQ_PORT:-16672 (infra/ports.env)} (for another --dir: the name/port it was last started with).
# Every node is independent (own Erlang HOME and cookie, config, mnesia, logs, pid file in its dir),
# so tests can run private brokers beside the default one, e.g.
#   infra/rabbitmq.sh start --name caseflow-fault1 --port 16682 --dir /tmp/x
#   infra/rabbitmq.sh stop --dir /tmp/x        (name and port are remembered in <dir>/node.env)
#
# Ports, all derived from the AMQP port P and bound to 127.0.0.1 only:
#   P      AMQP                     P+1    management HTTP API / UI
#   P+2    Erlang distribution      P+3..P+5  rabbitmqctl's own distribution ports
#   (epmd, shared by all Erlang nodes, listens on 127.0.0.1:4369)
# User caseflow / password caseflow (administrator), vhosts "/" and "caseflow" (full permissions).
#
# start: no-op when the node already answers; a half-started or hung node (pid alive, ports not
#        answering) is killed and started again; waits (timeout ${CASEFLOW_RABBITMQ_TIMEOUT:-60} s)
#        with rabbitmqctl wait + await_startup. Installs Debian's rabbitmq-server when missing.
# stop:  graceful (SIGTERM, kill -9 after 30 s; takes ~6 s because the management plugin waits 5 s
#        while shutting down); also cleans up after a kill -9'd node. Stops epmd when no Erlang node
#        is registered with it any more.
# kill:  like stop but kill -9 at once (a crash, ~0.1 s); the node recovers on the next start.
# status: exit 0 when running, 3 when not.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RMQ_BIN=/usr/lib/rabbitmq/bin
RMQ_USER=caseflow
RMQ_PASS=caseflow
RMQ_VHOST=caseflow
RMQ_DEFAULT_DIR="$CF_STATE/rabbitmq"
RMQ_REGISTRY="$CF_STATE/rabbitmq-nodes"   # extra (non-default) state dirs, for "caseflow infra down"
RMQ_TIMEOUT="${CASEFLOW_RABBITMQ_TIMEOUT:-60}"

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# --- arguments --------------------------------------------------------------------------------
CMD=""; NAME=""; PORT=""; DIR=""
while (($#)); do
    case "$1" in
        start|stop|kill|status) [[ -z "$CMD" ]] || usage; CMD="$1" ;;
        --name) (($# >= 2)) || usage; NAME="$2"; shift ;;
        --port) (($# >= 2)) || usage; PORT="$2"; shift ;;
        --dir)  (($# >= 2)) || usage; DIR="$2"; shift ;;
        --name=*) NAME="${1#*=}" ;;
        --port=*) PORT="${1#*=}" ;;
        --dir=*)  DIR="${1#*=}" ;;
        -h|--help|help) usage ;;
        *) echo "caseflow: rabbitmq: unknown argument '$1'" >&2; usage ;;
    esac
    shift
done
[[ -n "$CMD" ]] || usage

DIR="${DIR:-$RMQ_DEFAULT_DIR}"
[[ "$DIR" == /* ]] || DIR="$PWD/$DIR"
DIR="${DIR%/}"
# Precedence: options, then (default dir only) CASEFLOW_RABBITMQ_NAME/PORT, then the settings
# remembered in <dir>/node.env, then caseflow / RABBITMQ_PORT of infra/ports.env.
if [[ "$DIR" == "$RMQ_DEFAULT_DIR" ]]; then
    NAME="${NAME:-${CASEFLOW_RABBITMQ_NAME:-}}"
    PORT="${PORT:-${CASEFLOW_RABBITMQ_PORT:-}}"
fi
if [[ -r "$DIR/node.env" ]]; then
    NAME="${NAME:-$(sed -n 's/^NAME=//p' "$DIR/node.env")}"
    PORT="${PORT:-$(sed -n 's/^PORT=//p' "$DIR/node.env")}"
fi
NAME="${NAME:-caseflow}"
# shellcheck source=infra/ports.env
source "$(dirname "${BASH_SOURCE[0]}")/ports.env"
PORT="${PORT:-$RABBITMQ_PORT}"
[[ "$NAME" =~ ^[A-Za-z0-9_-]+$ ]] || cf_die "rabbitmq: invalid node name '$NAME' (letters, digits, _ and - only)"
[[ "$PORT" =~ ^[0-9]+$ ]] && ((PORT >= 1024 && PORT <= 65530)) || cf_die "rabbitmq: invalid port '$PORT' (1024..65530)"

NODE="$NAME@localhost"
MGMT_PORT=$((PORT + 1))
DIST_PORT=$((PORT + 2))
CTL_MIN=$((PORT + 3))
CTL_MAX=$((PORT + 5))
PID_FILE="$DIR/rabbit.pid"
LAUNCHER_PID_FILE="$DIR/launcher.pid"
LOG_DIR="$DIR/log"
NODE_LOG="$LOG_DIR/$NODE.log"
OUT_LOG="$LOG_DIR/server.out"

rq_say() { cf_say "rabbitmq[$NAME]: $*"; }
rq_die() { cf_die "rabbitmq[$NAME]: $*"; }

# --- environment shared by the server and rabbitmqctl ------------------------------------------
rq_env() {
    unset RABBITMQ_MNESIA_DIR RABBITMQ_FEATURE_FLAGS_FILE RABBITMQ_QUORUM_DIR RABBITMQ_STREAM_DIR \
          RABBITMQ_LOGS RABBITMQ_ENABLED_PLUGINS RABBITMQ_USE_LONGNAME RABBITMQ_ALLOW_INPUT \
          RABBITMQ_SERVER_ERL_ARGS RABBITMQ_SERVER_START_ARGS RABBITMQ_PLUGINS_DIR ERL_LIBS
    export HOME="$DIR/home"
    export RABBITMQ_NODENAME="$NODE"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$PORT"
    export RABBITMQ_DIST_PORT="$DIST_PORT"
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_DIST_PORT_MIN="$CTL_MIN"
    export RABBITMQ_CTL_DIST_PORT_MAX="$CTL_MAX"
    export ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config"
    export RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf"   # not /etc/rabbitmq/rabbitmq-env.conf
    export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins"
    export RABBITMQ_MNESIA_BASE="$DIR/mnesia"
    export RABBITMQ_LOG_BASE="$LOG_DIR"
    export RABBITMQ_PID_FILE="$PID_FILE"
    export ERL_CRASH_DUMP="$LOG_DIR/erl_crash.dump"
}

rq_ctl() { (rq_env; cd "$DIR" && "$RMQ_BIN/rabbitmqctl" "$@"); }

rq_epmd() {
    local e
    e="$(command -v epmd 2>/dev/null || ls -d /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n1)"
    [[ -n "$e" ]] || return 1
    ERL_EPMD_ADDRESS=127.0.0.1 "$e" "$@"
}

rq_write_config() {
    mkdir -p "$DIR/home" "$LOG_DIR" "$DIR/mnesia"
    chmod 700 "$DIR/home"
    if [[ ! -s "$DIR/home/.erlang.cookie" ]]; then
        rm -f "$DIR/home/.erlang.cookie"
        (umask 077; head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 40 >"$DIR/home/.erlang.cookie")
    fi
    chmod 400 "$DIR/home/.erlang.cookie"
    cat >"$DIR/rabbitmq.conf" <<EOF
# Written by infra/rabbitmq.sh on every start; edit the script, not this file.
listeners.tcp.1 = 127.0.0.1:$PORT
default_user = $RMQ_USER
default_pass = $RMQ_PASS
default_user_tags.administrator = true
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
log.console = false
log.file.level = info
EOF
    echo '[rabbitmq_management].' >"$DIR/enabled_plugins"
    echo '# intentionally empty: keeps /etc/rabbitmq/rabbitmq-env.conf out' >"$DIR/rabbitmq-env.conf"
    printf 'NAME=%s\nPORT=%s\n' "$NAME" "$PORT" >"$DIR/node.env"
}

# --- install ----------------------------------------------------------------------------------
rq_ensure_installed() {
    [[ -x "$RMQ_BIN/rabbitmq-server" && -x "$RMQ_BIN/rabbitmqctl" ]] && return 0
    cf_say "rabbitmq: RabbitMQ is not installed"
    cf_apt_install rabbitmq-server
    [[ -x "$RMQ_BIN/rabbitmq-server" ]] || cf_die "rabbitmq: $RMQ_BIN/rabbitmq-server missing after install"
    # Leave no system broker behind (policy-rc.d should have prevented it).
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
        systemctl disable --now rabbitmq-server.service >/dev/null 2>&1 || true
    fi
    local p uid pids=()
    uid="$(id -u rabbitmq 2>/dev/null || true)"
    if [[ -n "$uid" ]]; then
        for p in /proc/[0-9]*; do
            [[ "$(stat -c %u "$p" 2>/dev/null)" == "$uid" ]] && pids+=("${p#/proc/}")
        done
    fi
    if ((${#pids[@]})); then
        cf_say "rabbitmq: the package started a system broker; stopping it (pids ${pids[*]})"
        if command -v service >/dev/null 2>&1; then service rabbitmq-server stop >/dev/null 2>&1 || true; fi
        kill "${pids[@]}" 2>/dev/null || true
        sleep 1
        kill -9 "${pids[@]}" 2>/dev/null || true
    fi
}

# --- state ------------------------------------------------------------------------------------
rq_pid() {   # pid of this dir's beam process (alive), or fail
    local pid
    [[ -r "$PID_FILE" ]] || return 1
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    cf_pid_alive "$pid" || return 1
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "RABBITMQ_PID_FILE=$PID_FILE" || return 1
    echo "$pid"
}

rq_launcher_pid() {   # the rabbitmq-server shell wrapper we started (parent of beam)
    local pid
    [[ -r "$LAUNCHER_PID_FILE" ]] || return 1
    pid="$(tr -dc '0-9' <"$LAUNCHER_PID_FILE")"
    cf_pid_alive "$pid" || return 1
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "RABBITMQ_PID_FILE=$PID_FILE" || return 1
    echo "$pid"
}

rq_answers() {   # AMQP port open and the management API responds (a hung/stopped VM does not)
    cf_port_open "$PORT" && [[ "$(cf_http_status "$MGMT_PORT" /api/whoami "$RMQ_USER:$RMQ_PASS")" == 200 ]]
}

rq_log_tail() {
    local f p taken named=0
    for f in "$NODE_LOG" "$OUT_LOG"; do
        if [[ -s "$f" ]]; then echo "---- tail of $f" >&2; tail -n 25 "$f" >&2; fi
    done
    # A port taken between our check and the node's bind (e.g. by an outgoing connection): say which, and by what.
    if grep -qs eaddrinuse "$NODE_LOG" "$OUT_LOG"; then
        for p in "$PORT" "$MGMT_PORT" "$DIST_PORT"; do
            if taken="$(cf_port_taken "$p")"; then rq_say "port $p is taken $taken"; named=1; fi
        done
        ((named)) || rq_say "a port was taken while the node started (eaddrinuse above) and is free again: start once more"
    fi
}

rq_kill() {   # stop beam + wrapper: TERM, then KILL after <grace> seconds
    local grace="$1" pid lpid
    pid="$(rq_pid || true)"
    lpid="$(rq_launcher_pid || true)"
    if [[ -n "$pid" ]]; then
        if ((grace > 0)); then
            kill -TERM "$pid" 2>/dev/null || true
            if ! cf_wait_pid_gone "$pid" "$grace"; then
                rq_say "did not stop within ${grace}s; killing pid $pid"
                kill -9 "$pid" 2>/dev/null || true
            fi
        else
            kill -9 "$pid" 2>/dev/null || true
        fi
        cf_wait_pid_gone "$pid" 5 || true
    fi
    if [[ -n "$lpid" ]]; then
        kill -TERM "$lpid" 2>/dev/null || true
        cf_wait_pid_gone "$lpid" 3 || kill -9 "$lpid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE" "$LAUNCHER_PID_FILE"
}

rq_epmd_cleanup() {   # epmd outlives nodes: stop it when nothing is registered any more
    local names
    names="$(rq_epmd -names 2>/dev/null)" || return 0
    if ! grep -q '^name ' <<<"$names"; then
        rq_epmd -kill >/dev/null 2>&1 || true
    fi
}

rq_ensure_vhost() {
    local marker="$DIR/mnesia/$NODE/.caseflow-vhost" out
    [[ -e "$marker" ]] && return 0
    if ! out="$(rq_ctl -q add_vhost "$RMQ_VHOST" 2>&1)" && ! grep -qi 'already' <<<"$out"; then
        echo "$out" >&2
        rq_die "could not create vhost $RMQ_VHOST"
    fi
    rq_ctl -q set_permissions -p "$RMQ_VHOST" "$RMQ_USER" '.*' '.*' '.*' >/dev/null \
        || rq_die "could not set permissions on vhost $RMQ_VHOST"
    touch "$marker"
}

rq_register() {     # remember non-default state dirs so "caseflow infra down" / "caseflow test" find them
    [[ "$DIR" == "$RMQ_DEFAULT_DIR" ]] && return 0
    mkdir -p "$CF_STATE" 2>/dev/null || return 0
    (
        flock -w 10 8 || exit 0
        grep -qxF "$DIR" "$RMQ_REGISTRY" 2>/dev/null || echo "$DIR" >>"$RMQ_REGISTRY"
    ) 8>>"$RMQ_REGISTRY.lock" 9>&- 2>/dev/null || true
}

rq_unregister() {   # a stopped node needs no tracking; also drops dirs that are gone
    [[ -f "$RMQ_REGISTRY" ]] || return 0
    (
        flock -w 10 8 || exit 0
        local d keep=""
        while IFS= read -r d; do
            [[ -n "$d" && "$d" != "$DIR" && -d "$d" ]] && keep+="$d"$'\n'
        done <"$RMQ_REGISTRY"
        printf '%s' "$keep" >"$RMQ_REGISTRY.tmp" && mv -f "$RMQ_REGISTRY.tmp" "$RMQ_REGISTRY"
    ) 8>>"$RMQ_REGISTRY.lock" 9>&- 2>/dev/null || true
}

# --- commands ---------------------------------------------------------------------------------
rq_lock() {
    mkdir -p "$DIR"
    exec 9>"$DIR/.lock"
    flock -w 120 9 || rq_die "another start/stop on $DIR is still running"
}

rq_start() {
    local t0=$SECONDS pid lpid p deadline taken
    rq_ensure_installed
    rq_lock
    rq_register
    if pid="$(rq_pid)"; then
        if rq_answers; then
            rq_ensure_vhost
            rq_say "already running (pid $pid), amqp 127.0.0.1:$PORT, management http://127.0.0.1:$MGMT_PORT"
            return 0
        fi
        # Still booting (an earlier start was interrupted)? Its listeners open at the end of the boot;
        # an open listener that does not respond means a hung VM.
        deadline=$((SECONDS + 15))
        while ((SECONDS < deadline)) && cf_pid_alive "$pid"; do
            if cf_port_open "$PORT"; then
                if rq_answers; then
                    rq_ensure_vhost
                    rq_say "already running (pid $pid, finished booting), amqp 127.0.0.1:$PORT, management http://127.0.0.1:$MGMT_PORT"
                    return 0
                fi
                break
            fi
            sleep 0.5
        done
        rq_say "node (pid $pid) is not answering on ports $PORT/$MGMT_PORT: killing it and starting again"
        rq_kill 5
    elif lpid="$(rq_launcher_pid)"; then
        rq_say "a half-started launcher (pid $lpid) is left over: killing it"
        rq_kill 5
    fi
    rm -f "$PID_FILE" "$LAUNCHER_PID_FILE"

    for p in "$PORT" "$MGMT_PORT" "$DIST_PORT"; do
        if taken="$(cf_port_taken "$p")"; then
            rq_die "port $p on 127.0.0.1 is taken $taken (ports used: $PORT..$CTL_MAX; choose another --port)"
        fi
    done
    if rq_epmd -names 2>/dev/null | grep -q "^name $NAME at port "; then
        rq_die "an Erlang node named $NAME is already registered with epmd (running from another --dir?)"
    fi

    rq_write_config
    : >"$OUT_LOG"
    (
        rq_env
        cd "$DIR"
        # setsid: a Ctrl-C in the caller's terminal must not reach the broker; fd 9 (our lock) is closed.
        exec setsid nohup "$RMQ_BIN/rabbitmq-server" >>"$OUT_LOG" 2>&1 </dev/null 9>&-
    ) &
    local launcher=$!
    echo "$launcher" >"$LAUNCHER_PID_FILE"

    deadline=$((SECONDS + RMQ_TIMEOUT))
    until [[ -s "$PID_FILE" ]]; do
        # Our own child, by its pid: rq_launcher_pid's environment check cannot be used here, since a subshell
        # that has not yet exec'd the broker (a busy machine) still shows the parent's environment.
        if ! cf_pid_alive "$launcher"; then
            rq_log_tail
            rm -f "$LAUNCHER_PID_FILE"
            rq_die "broker exited during startup (logs in $LOG_DIR)"
        fi
        if ((SECONDS >= deadline)); then
            rq_log_tail; rq_kill 5
            rq_die "no pid file after ${RMQ_TIMEOUT}s (logs in $LOG_DIR)"
        fi
        sleep 0.2
    done
    if ! rq_ctl -q wait --timeout "$((deadline - SECONDS > 1 ? deadline - SECONDS : 1))" "$PID_FILE" >/dev/null 2>&1 \
        || ! rq_ctl -q await_startup --timeout "$((deadline - SECONDS > 1 ? deadline - SECONDS : 1))" >/dev/null 2>&1; then
        rq_log_tail; rq_kill 5
        rq_die "did not start within ${RMQ_TIMEOUT}s (logs in $LOG_DIR)"
    fi
    rq_answers || { rq_log_tail; rq_kill 5; rq_die "started but ports $PORT/$MGMT_PORT do not answer"; }
    rq_ensure_vhost
    rq_say "started (pid $(rq_pid || echo '?')) in $((SECONDS - t0))s, amqp 127.0.0.1:$PORT, management http://127.0.0.1:$MGMT_PORT"
}

rq_stop() {   # $1: grace seconds before kill -9
    local pid grace="$1"
    if [[ ! -d "$DIR" ]]; then rq_say "not running (no state dir $DIR)"; return 0; fi
    rq_lock
    if pid="$(rq_pid)"; then
        rq_kill "$grace"
        rq_say "$( ((grace == 0)) && echo killed || echo stopped) (was pid $pid)"
    elif rq_launcher_pid >/dev/null; then
        rq_kill 5
        rq_say "stopped a half-started node"
    else
        if [[ -e "$PID_FILE" || -e "$LAUNCHER_PID_FILE" ]]; then
            rm -f "$PID_FILE" "$LAUNCHER_PID_FILE"
            rq_say "not running (removed stale pid file)"
        else
            rq_say "not running"
        fi
    fi
    rq_unregister
    rq_epmd_cleanup
}

rq_status() {
    local pid
    if pid="$(rq_pid)"; then
        if rq_answers; then
            rq_say "running (pid $pid), node $NODE, amqp 127.0.0.1:$PORT, management http://127.0.0.1:$MGMT_PORT, dir $DIR"
            return 0
        fi
        rq_say "pid $pid alive but not answering on $PORT/$MGMT_PORT (starting or hung), dir $DIR"
        return 3
    fi
    if [[ -e "$PID_FILE" ]]; then
        rq_say "stopped (stale pid file: the node died without stopping; dir $DIR)"
    else
        rq_say "stopped (dir $DIR)"
    fi
    return 3
}

case "$CMD" in
    start)  rq_start ;;
    stop)   rq_stop 30 ;;
    kill)   rq_stop 0 ;;
    status) rq_status ;;
esac
