# shellcheck shell=bash
# Shared helpers for CaseFlow's infra scripts. Sourced, never executed.
# Defines CF_REPO (absolute repo root) and CF_STATE (<repo>/.caseflow).

if [[ -n "${CF_LIB_LOADED:-}" ]]; then return 0; fi
CF_LIB_LOADED=1

CF_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck disable=SC2034  # used by the scripts that source this file
CF_STATE="$CF_REPO/.caseflow"

# Messages go to stderr so that stdout of commands stays usable.
cf_say()  { printf 'caseflow: %s\n' "$*" >&2; }
cf_warn() { printf 'caseflow: warning: %s\n' "$*" >&2; }
cf_die()  { printf 'caseflow: error: %s\n' "$*" >&2; exit 1; }

cf_is_root() { [[ "$(id -u)" == 0 ]]; }

# True if something accepts TCP connections on 127.0.0.1:<port>. Pure bash (no ss/nc needed).
cf_port_open() {
    local port="$1"
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# HTTP status code of GET http://127.0.0.1:<port><path> [basic-auth user:pass], pure bash, 3 s timeout.
cf_http_status() {
    local auth=""
    [[ -n "${3:-}" ]] && auth="Authorization: Basic $(printf %s "$3" | base64 -w0)"
    timeout 3 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n%bConnection: close\r\n\r\n" "$2" "$1" "${3:+$3\r\n}" >&3
        IFS=" " read -r _ code _ <&3 && echo "$code"' _ "$1" "$2" "$auth" 2>/dev/null
}

# Which process listens on a port, for error messages (best effort; empty if unknown).
cf_port_owner() {
    local port="$1"
    if command -v ss >/dev/null 2>&1; then
        ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*))' | head -1 || true
    fi
}

# Why <port> cannot be bound on 127.0.0.1 (printed), or status 1 when it is free. Taken means a listener, or any
# socket whose local end holds the port (an outgoing connection can, when the port lies in 32768–60999), named with
# its process when ss can tell. TIME-WAIT leftovers do not count: the servers bind with SO_REUSEADDR.
cf_port_taken() {
    local port="$1" line state owner
    if command -v ss >/dev/null 2>&1; then
        # A listener holds the port; so does a live process's connection whose local end it is. Sockets a dead
        # process left closing (FIN-WAIT, TIME-WAIT) do not: a server binds over them (SO_REUSEADDR).
        line="$(ss -Htanp "sport = :$port" 2>/dev/null | awk '$1 == "LISTEN"' | head -1)"
        [[ -n "$line" ]] || line="$(ss -Htanp "sport = :$port" 2>/dev/null | awk '($1 == "ESTAB" || $1 == "SYN-SENT") && /users:/' | head -1)"
        [[ -n "$line" ]] || return 1
        state="${line%% *}"
        owner="$(grep -o 'users:(([^)]*))' <<<"$line" | head -1)"
        if [[ "$state" == LISTEN ]]; then printf 'by a listener'; else printf 'by a %s connection (%s)' "$state" "$(awk '{print $4 " -> " $5}' <<<"$line")"; fi
        printf ' %s' "${owner:-of an unknown process (run as root to see which)}"
        return 0
    fi
    cf_port_open "$port" || return 1
    printf 'by a listener (install iproute2 for ss to name it)'
}

# Is <pid> a live process? Zombies count as dead: on machines whose init does not reap orphans
# (containers, this VM) a kill -9'd server stays a zombie and "kill -0" still succeeds.
cf_pid_alive() {
    local pid="$1" stat
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != Z ]]
}

# Is <pid> alive and does its command line contain <needle>?
cf_pid_matches() {
    local pid="$1" needle="$2"
    cf_pid_alive "$pid" || return 1
    [[ -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$needle"
}

# Wait until pid <pid> has exited, up to <seconds> (fractional ok). Returns 1 on timeout.
cf_wait_pid_gone() {
    local pid="$1" secs="$2" i n
    n=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 10 }')
    for ((i = 0; i < n; i++)); do
        cf_pid_alive "$pid" || return 0
        sleep 0.1
    done
    ! cf_pid_alive "$pid"
}

# apt-get install packages without starting any system service.
# Runs "apt-get update" only when the install fails (e.g. no package lists yet).
cf_apt_install() {
    local sudo=() log created_policy=0 rc=0
    if ! cf_is_root; then
        command -v sudo >/dev/null 2>&1 || cf_die "need root to install: $* (install them, or run as root)"
        sudo=(sudo)
    fi
    command -v apt-get >/dev/null 2>&1 || cf_die "apt-get not found; install manually: $*"
    log="$(mktemp /tmp/caseflow-apt.XXXXXX)"
    # A policy-rc.d returning 101 keeps maintainer scripts from starting services.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        "${sudo[@]}" sh -c 'printf "#!/bin/sh\n# temporary, written by caseflow\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
        created_policy=1
    fi
    cf_say "installing $* with apt-get (log: $log) ..."
    export DEBIAN_FRONTEND=noninteractive
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300
               -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    if ! "${apt[@]}" install --no-install-recommends "$@" >>"$log" 2>&1; then
        cf_say "install failed; running apt-get update and retrying ..."
        if ! "${apt[@]}" update >>"$log" 2>&1 || ! "${apt[@]}" install --no-install-recommends "$@" >>"$log" 2>&1; then
            rc=1
        fi
    fi
    if ((created_policy)); then "${sudo[@]}" rm -f /usr/sbin/policy-rc.d; fi
    if ((rc)); then
        tail -n 20 "$log" >&2
        cf_die "apt-get install $* failed (full log: $log)"
    fi
    rm -f "$log"
}
