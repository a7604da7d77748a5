#!/usr/bin/env bash
# CaseFlow development PostgreSQL: infra/postgres.sh start|stop|status|crash-restart [--dir <dir>] [--port <port>]
#
# - One private cluster, superuser caseflow / password caseflow (scram-sha-256 for socket and TCP),
#   listening on 127.0.0.1:${CASEFLOW_PG_PORT:-16432 (infra/ports.env)} only; unix socket in <data area>/run.
# - Data area: <repo>/.caseflow/postgres (git-ignored). PostgreSQL refuses to run as root, so as root
#   the server runs as OS user "postgres" (runuser); if the repo path is not traversable by that user
#   (e.g. a clone under /root with mode 700) the data area moves to /var/tmp/caseflow-<hash>/postgres.
#   Not root: runs as the current user.
# - Binaries: the version matching an existing cluster, else the newest /usr/lib/postgresql/*/bin;
#   apt-get install postgresql when there are none.
# - start ensures databases caseflow (./caseflow run) and caseflow_test (tests) exist. start when
#   running is a no-op; a crashed server (stale postmaster.pid, orphaned backends) is cleaned up.
# - status exits 0 when running, 3 when stopped.
# - --dir <dir> --port <port>: a private cluster in <dir> (data, socket, log) on its own port, e.g. for the fault
#   suite (tests/CaseFlow.FaultTests), which restarts it under load; <dir> must be traversable by user postgres.
# - crash-restart: pg_ctl restart -m immediate (no checkpoint, clients cut off, crash recovery on start).
# - Loads pg_stat_statements (shared_preload_libraries) when the binaries ship it: the bench reports statements per case.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# shellcheck source=infra/ports.env
source "$(dirname "${BASH_SOURCE[0]}")/ports.env"
PG_PORT="${CASEFLOW_PG_PORT:-$POSTGRES_PORT}"
PG_DIR=""
PG_CMD=""
while (($#)); do
    case "$1" in
        --dir) PG_DIR="${2:?--dir needs a directory}"; shift ;;
        --port) PG_PORT="${2:?--port needs a number}"; shift ;;
        *) PG_CMD="$1" ;;
    esac
    shift
done
PG_USER=caseflow
PG_PASS=caseflow
PG_DBS=(caseflow caseflow_test)
# A client that vanished without closing its connection (a killed pod, a cut network) must not hold its sessions, and
# with them the async daemon's advisory locks, for the kernel's two hours: keepalives find it dead in ~25 s, and a
# query still running for it (the lock's monitoring sleep) is cancelled within 5 s of that (docs/scaling-out.md).
PG_SETTINGS="-c max_connections=500 -c shared_buffers=256MB -c fsync=on -c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3 -c client_connection_check_interval=5s"
# pg_stat_statements (docs/benchmark.md: statements per case) is loaded at every start when the binaries ship it, so a cluster
# made before this line gets it at its next start too; a server started without it needs that restart (nothing reloads it).
pg_preload_settings() {
    if [[ -f "$PG_BIN/../lib/pg_stat_statements.so" ]]; then
        PG_SETTINGS="$PG_SETTINGS -c shared_preload_libraries=pg_stat_statements"
    else
        pg_say "no pg_stat_statements in $(readlink -f "$PG_BIN/../lib") (postgresql-contrib): the bench will say 'not available'"
    fi
}

pg_say() { cf_say "postgres: $*"; }
pg_die() { cf_die "postgres: $*"; }

[[ "$PG_PORT" =~ ^[0-9]+$ ]] || pg_die "CASEFLOW_PG_PORT must be a number (got '$PG_PORT')"

# --- where things live ------------------------------------------------------------------------
PG_RELOCATED=""
pg_locate() {
    local base="$CF_STATE"
    if [[ -n "$PG_DIR" ]]; then
        [[ "$PG_DIR" == /* ]] || PG_DIR="$PWD/$PG_DIR"
        mkdir -p "$PG_DIR"
        chmod 755 "$PG_DIR"
        PG_BASE="$PG_DIR"
        PG_DATA="$PG_BASE/data"
        PG_SOCK="$PG_BASE/run"
        PG_LOG="$PG_BASE/postgres.log"
        if (( ${#PG_SOCK} + 20 > 107 )); then PG_SOCK="/tmp/caseflow-pg-$(printf %s "$PG_DIR" | sha256sum | cut -c1-10)"; fi
        return 0
    fi
    if cf_is_root; then
        id postgres >/dev/null 2>&1 || pg_die "running as root needs OS user 'postgres' (apt-get install postgresql creates it)"
        if runuser -u postgres -- test -x "$CF_REPO" 2>/dev/null; then
            mkdir -p "$CF_STATE"
            chmod o+x "$CF_STATE"
        else
            base="/var/tmp/caseflow-$(printf %s "$CF_REPO" | sha256sum | cut -c1-10)"
            PG_RELOCATED="repo path $CF_REPO is not traversable by user postgres"
            mkdir -p "$base"
            chmod 755 "$base"
        fi
    else
        mkdir -p "$CF_STATE"
    fi
    PG_BASE="$base/postgres"
    PG_DATA="$PG_BASE/data"
    PG_SOCK="$PG_BASE/run"
    PG_LOG="$PG_BASE/postgres.log"
    # Unix socket paths are limited to 107 bytes.
    if (( ${#PG_SOCK} + 20 > 107 )); then
        PG_SOCK="/tmp/caseflow-pg-$(printf %s "$CF_REPO" | sha256sum | cut -c1-10)"
    fi
}

pg_as() {   # run a command as the server's OS user, from a cwd it can read
    if cf_is_root; then
        (cd / && runuser -u postgres -- "$@") 9>&-
    else
        "$@" 9>&-
    fi
}

pg_mkdir() {
    mkdir -p "$1"
    if cf_is_root; then chown postgres:postgres "$1"; fi
}

pg_find_bindir() {
    local v d
    if [[ -r "$PG_DATA/PG_VERSION" ]]; then
        v="$(cat "$PG_DATA/PG_VERSION")"
        d="/usr/lib/postgresql/$v/bin"
        if [[ -x "$d/postgres" && -x "$d/pg_ctl" ]]; then PG_BIN="$d"; return 0; fi
        pg_die "the cluster in $PG_DATA is PostgreSQL $v but $d is missing (install postgresql-$v or delete $PG_BASE)"
    fi
    PG_BIN=""
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        if [[ -x "$d/postgres" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then PG_BIN="$d"; fi
    done
    [[ -n "$PG_BIN" ]]
}

pg_ensure_installed() {
    if ! pg_find_bindir; then
        pg_say "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin"
        cf_apt_install postgresql
        pg_find_bindir || pg_die "PostgreSQL still not found after installing"
    fi
}

# --- process state ----------------------------------------------------------------------------
pg_pid() {   # pid of our running postmaster, or fail
    local pid
    [[ -r "$PG_DATA/postmaster.pid" ]] || return 1
    pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    cf_pid_matches "$pid" "$PG_DATA" || return 1
    echo "$pid"
}

pg_orphans() {   # server processes still working in our data dir (cwd) although the postmaster is gone
    local p cwd
    for p in /proc/[0-9]*; do
        cwd="$(readlink "$p/cwd" 2>/dev/null)" || continue
        if [[ "$cwd" == "$PG_DATA" ]]; then echo "${p#/proc/}"; fi
    done
}

pg_cleanup_crash() {
    local i pids
    for ((i = 0; i < 50; i++)); do   # backends exit on their own shortly after the postmaster dies
        pids="$(pg_orphans)"
        [[ -z "$pids" ]] && break
        sleep 0.2
    done
    pids="$(pg_orphans)"
    if [[ -n "$pids" ]]; then
        pg_say "killing orphaned server processes of a crashed postmaster: $(tr "\n" " " <<<"$pids")"
        # shellcheck disable=SC2086
        kill -9 $pids 2>/dev/null || true
        sleep 0.5
    fi
    if [[ -e "$PG_DATA/postmaster.pid" ]]; then
        pg_say "removing stale postmaster.pid (server process gone)"
        rm -f "$PG_DATA/postmaster.pid"
    fi
    # The socket lock file names the dead postmaster too; postgres itself would take a zombie for alive.
    local lock="$PG_SOCK/.s.PGSQL.$PG_PORT.lock" lpid
    if [[ -e "$lock" ]]; then
        lpid="$(head -n1 "$lock" 2>/dev/null || true)"
        if ! cf_pid_alive "$lpid"; then rm -f "$lock" "$PG_SOCK/.s.PGSQL.$PG_PORT"; fi
    fi
}

pg_psql() {
    PGPASSWORD="$PG_PASS" PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}

pg_ensure_databases() {
    local have db
    have="$(pg_psql -tAc "select datname from pg_database")" \
        || pg_die "cannot connect to 127.0.0.1:$PG_PORT as $PG_USER (log: $PG_LOG)"
    for db in "${PG_DBS[@]}"; do
        if ! grep -qx "$db" <<<"$have"; then
            pg_psql -c "create database \"$db\"" >/dev/null
            pg_say "created database $db"
        fi
    done
}

# --- commands ---------------------------------------------------------------------------------
pg_initdb() {
    local pwfile locale_args=(--no-locale)
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_args=(--locale=C.UTF-8); fi
    pg_say "initialising a new cluster in $PG_DATA"
    rm -rf "$PG_DATA"
    pg_mkdir "$PG_BASE"
    pwfile="$PG_BASE/.pwfile"
    (umask 077; printf '%s\n' "$PG_PASS" >"$pwfile")
    if cf_is_root; then chown postgres:postgres "$pwfile"; fi
    if ! pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" \
            --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 "${locale_args[@]}" \
            >"$PG_BASE/initdb.log" 2>&1; then
        rm -f "$pwfile"
        tail -n 20 "$PG_BASE/initdb.log" >&2
        rm -rf "$PG_DATA"
        pg_die "initdb failed (log: $PG_BASE/initdb.log)"
    fi
    rm -f "$pwfile"
    touch "$PG_BASE/.initialized"
}

pg_lock() {   # serialise start/stop; fd 9 is closed for the server (pg_as) so it never holds the lock
    mkdir -p "$PG_BASE"
    exec 9>>"$PG_BASE/.lock"
    flock -w 120 9 || pg_die "another start/stop is still running"
}

pg_start() {
    local taken
    pg_ensure_installed
    pg_lock
    if pid="$(pg_pid)"; then
        pg_ensure_databases
        pg_say "already running (pid $pid) on 127.0.0.1:$PG_PORT"
        return 0
    fi
    if [[ ! -f "$PG_BASE/.initialized" || ! -f "$PG_DATA/PG_VERSION" ]]; then
        pg_find_bindir   # PG_VERSION may be gone: pick the newest binaries
        pg_initdb
    fi
    pg_cleanup_crash
    pg_preload_settings
    if taken="$(cf_port_taken "$PG_PORT")"; then
        pg_die "port $PG_PORT on 127.0.0.1 is taken $taken — stop it or set CASEFLOW_PG_PORT"
    fi
    pg_mkdir "$PG_SOCK"
    chmod 755 "$PG_SOCK"
    if cf_is_root; then touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"; fi
    if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_SOCK' $PG_SETTINGS" start >/dev/null; then
        tail -n 20 "$PG_LOG" >&2
        pg_die "server did not start (log: $PG_LOG)"
    fi
    pg_ensure_databases
    pg_say "started (pid $(pg_pid || echo '?')) on 127.0.0.1:$PG_PORT${PG_RELOCATED:+, data in $PG_BASE}"
}

pg_stop() {
    if ! pg_find_bindir; then pg_say "not installed, nothing to stop"; return 0; fi
    if [[ ! -d "$PG_DATA" ]]; then pg_say "not running (no cluster in $PG_DATA yet)"; return 0; fi
    pg_lock
    if pid="$(pg_pid)"; then
        pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null \
            || pg_die "pg_ctl stop failed (log: $PG_LOG)"
        pg_say "stopped (was pid $pid)"
    else
        if [[ -n "$(pg_orphans 2>/dev/null)" || -e "$PG_DATA/postmaster.pid" ]]; then pg_cleanup_crash; fi
        pg_say "not running"
    fi
}

pg_crash_restart() {   # = pg_ctl restart -m immediate, in two steps so the new postmaster names its data dir (pg_pid)
    pg_find_bindir || pg_die "not installed"
    pg_lock
    pg_pid >/dev/null || pg_die "not running, nothing to restart"
    pg_preload_settings
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 60 stop >/dev/null \
        || pg_die "pg_ctl stop -m immediate failed (log: $PG_LOG)"
    if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_SOCK' $PG_SETTINGS" start >/dev/null; then
        tail -n 20 "$PG_LOG" >&2
        pg_die "server did not start again (log: $PG_LOG)"
    fi
    pg_say "restarted immediately (pid $(pg_pid || echo '?')) on 127.0.0.1:$PG_PORT"
}

pg_status() {
    local pid
    if pid="$(pg_pid)"; then
        pg_say "running (pid $pid) on 127.0.0.1:$PG_PORT, PostgreSQL $(cat "$PG_DATA/PG_VERSION"), data $PG_DATA"
    else
        pg_say "stopped (data $PG_DATA)"
    fi
    if [[ -n "$PG_RELOCATED" ]]; then pg_say "note: data lives outside the repo because the $PG_RELOCATED"; fi
    [[ -n "${pid:-}" ]] || return 3
    pg_say "url postgresql://$PG_USER:$PG_PASS@127.0.0.1:$PG_PORT/caseflow (tests: caseflow_test)"
}

main() {
    local cmd="$PG_CMD"
    pg_locate
    case "$cmd" in
        start)  pg_start ;;
        stop)   pg_stop ;;
        status) pg_status ;;
        crash-restart) pg_crash_restart ;;
        *) echo "usage: $0 start|stop|status|crash-restart [--dir <dir>] [--port <port>]   (env CASEFLOW_PG_PORT, default $POSTGRES_PORT from infra/ports.env)" >&2; exit 2 ;;
    esac
}

main
