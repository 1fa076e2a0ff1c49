# Shared by config/run and config/test: paths of the build, and starting and stopping the
# processes they need. Everything started here is stopped by stop_started, also after a failure.

: "${root:?set root before sourcing config/lib.sh}"
# Each module's build directory: config/test sets build_dir=target-test before sourcing this, so
# that its build never touches the files config/run's server runs from, nor the other way round.
build_dir=${build_dir:-target}
ear="$root/ear/$build_dir/tablecloud.ear"
devservices_classpath="$root/config/devservices/$build_dir/classes:$root/config/devservices/$build_dir/lib/*"

started_pids=()
pid_files=()

say() { printf 'tablecloud: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops a process left behind by an earlier run that was killed before it could clean up.
stop_leftover() {
    local pid_file=$1
    if [ -f "$pid_file" ]; then
        local pid
        pid=$(cat "$pid_file")
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            say "stopping process $pid left over from an earlier run ($pid_file)"
            stop_pid "$pid"
        fi
        rm -f "$pid_file"
    fi
}

stop_pid() {
    local pid=$1
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
}

# Stops what this run started: the server first, then the services it uses, newest first.
# PIDs are remembered, not re-read from the PID files, so a run never stops what a later run
# wrote there; only WildFly's PID file is read, because the server writes it itself.
stop_started() {
    local pid_file pid i
    for pid_file in "${pid_files[@]}"; do
        if [ -f "$pid_file" ]; then
            pid=$(cat "$pid_file")
            [ -n "$pid" ] && stop_pid "$pid"
            rm -f "$pid_file"
        fi
    done
    for ((i = ${#started_pids[@]} - 1; i >= 0; i--)); do
        stop_pid "${started_pids[i]}"
    done
}

# remember_started PID PID_FILE: stop PID when this run ends; PID_FILE lets a later run find it.
remember_started() {
    started_pids+=("$1")
    echo "$1" >"$2"
}

# start_dev_postgres PORT DATA_DIR LOG: a PostgreSQL of our own, kept in DATA_DIR between runs.
start_dev_postgres() {
    local port=$1 data_dir=$2 log=$3
    local pid_file="$data_dir.pid" ready_file="$data_dir.ready"
    stop_leftover "$pid_file"
    port_in_use "$port" && die "port $port is taken, so the embedded PostgreSQL cannot start there;" \
        "set TABLECLOUD_DEV_DB_PORT to a free port, or TABLECLOUD_DB_URL to use that database"
    [ -d "$root/config/devservices/$build_dir/lib" ] || die "config/devservices is not built: run mvn install first"
    rm -f "$ready_file"
    say "starting PostgreSQL on port $port (data: $data_dir, log: $log)"
    java -cp "$devservices_classpath" dev.tablecloud.devservices.DevPostgres "$port" "$data_dir" "$ready_file" \
        >"$log" 2>&1 &
    local pid=$!
    remember_started "$pid" "$pid_file"
    for _ in $(seq 1 240); do
        [ -s "$ready_file" ] && return 0
        kill -0 "$pid" 2>/dev/null || die "PostgreSQL did not start; see $log"
        sleep 0.5
    done
    die "PostgreSQL did not become ready within 120 s; see $log"
}

# locate_wildfly: sets wildfly_home to the WildFly that the ear build unpacked and configured.
locate_wildfly() {
    wildfly_home=$(ls -d "$root/ear/$build_dir"/wildfly-*/ 2>/dev/null | head -n 1)
    wildfly_home=${wildfly_home%/}
    [ -n "$wildfly_home" ] && [ -x "$wildfly_home/bin/standalone.sh" ] || die "no built WildFly under ear/$build_dir: run mvn install"
}

# own_wildfly_copy DIR: makes DIR a copy of the located WildFly with the EAR deployed, and points
# wildfly_home at it. A server run from the build's own WildFly would lose its files to the next
# build (config/test rebuilds while it runs, or a second config/run). Hard links make the copy
# cheap; standalone/ is copied for real because the server writes there.
own_wildfly_copy() {
    local copy=$1
    rm -rf "$copy"
    mkdir -p "$(dirname "$copy")"
    cp -al "$wildfly_home" "$copy" 2>/dev/null || cp -a "$wildfly_home" "$copy"
    rm -rf "$copy/standalone"
    cp -a "$wildfly_home/standalone" "$copy/standalone"
    rm -rf "$copy"/standalone/{data,tmp,log}
    rm -f "$copy"/standalone/deployments/tablecloud.ear*
    cp "$ear" "$copy/standalone/deployments/"
    wildfly_home=$copy
}

# start_wildfly PID_FILE ARGS...: the located WildFly in the background; sets wildfly_script_pid.
start_wildfly() {
    local pid_file=$1
    shift
    stop_leftover "$pid_file"
    rm -f "$wildfly_home"/standalone/deployments/tablecloud.ear.{deployed,failed,isdeploying,pending,undeployed}
    # Killing standalone.sh would leave the server JVM running: it is stopped by its own PID.
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pid_file" "$wildfly_home/bin/standalone.sh" "$@" &
    wildfly_script_pid=$!
    pid_files+=("$pid_file")
}

# wait_for_deployment SECONDS: true once the EAR is deployed, false if it failed or took too long.
wait_for_deployment() {
    local deployments="$wildfly_home/standalone/deployments"
    for _ in $(seq 1 $(($1 * 2))); do
        [ -f "$deployments/tablecloud.ear.deployed" ] && return 0
        [ -f "$deployments/tablecloud.ear.failed" ] && return 1
        kill -0 "$wildfly_script_pid" 2>/dev/null || return 1
        sleep 0.5
    done
    return 1
}

# ensure_chromium: Debian's Chromium and its driver, for the browser tests.
ensure_chromium() {
    command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
    say "installing chromium and chromium-driver from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "need root to run: $*"
    fi
}

# ensure_moto VENV: a Python virtual environment holding moto[server], the AWS emulator.
ensure_moto() {
    local venv=$1
    [ -x "$venv/bin/moto_server" ] && return 0
    say "installing moto[server] into $venv"
    python3 -m venv "$venv" || { as_root apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"; }
    "$venv/bin/pip" install -q --disable-pip-version-check 'moto[server]'
}

# ensure_schemathesis VENV VERSION: a Python virtual environment holding schemathesis at VERSION, the
# API fuzzer the tests run against the server's OpenAPI document.
ensure_schemathesis() {
    local venv=$1 version=$2
    [ -x "$venv/bin/st" ] && [ "$("$venv/bin/st" --version 2>/dev/null)" = "st, version $version" ] && return 0
    say "installing schemathesis $version into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" || { as_root apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"; }
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$version"
}

# start_moto VENV PORT LOG: one emulated AWS account on 127.0.0.1:PORT.
start_moto() {
    local venv=$1 port=$2 log=$3
    local pid_file="$log.pid"
    stop_leftover "$pid_file"
    port_in_use "$port" && die "port $port is taken, so moto cannot start there"
    "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
    remember_started $! "$pid_file"
    for _ in $(seq 1 120); do
        port_in_use "$port" && return 0
        sleep 0.5
    done
    die "moto did not start on port $port; see $log"
}

# ensure_admin_password FILE: exports TABLECLOUD_ADMIN_PASSWORD (the first admin's), from FILE,
# made once with a random password. The server uses it only while it has no user yet.
ensure_admin_password() {
    local file=$1
    [ -n "${TABLECLOUD_ADMIN_PASSWORD:-}" ] && return 0
    if [ ! -s "$file" ]; then
        (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$file")
        say "generated the first admin's password into $file"
    fi
    TABLECLOUD_ADMIN_PASSWORD=$(cat "$file")
    export TABLECLOUD_ADMIN_PASSWORD
}

# ensure_secret_key FILE: exports TABLECLOUD_SECRET_KEY, from FILE, made once with 32 random bytes.
ensure_secret_key() {
    local file=$1
    [ -n "${TABLECLOUD_SECRET_KEY:-}" ] && return 0
    if [ ! -s "$file" ]; then
        (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
        say "generated the secret key $file (keep it: stored secrets cannot be read without it)"
    fi
    TABLECLOUD_SECRET_KEY=$(cat "$file")
    export TABLECLOUD_SECRET_KEY
}
