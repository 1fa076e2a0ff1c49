# Shared by the benchmarks (sync-bench, commit-bench): their own PostgreSQL, moto and WildFly on
# ports apart from config/run's and config/test's, so that they can run beside those, stopped on
# exit; and the API, called as the first admin. Source after setting root.
#
# Settings (environment):
#   BENCH_SKIP_BUILD=1     reuse the last build instead of running mvn install
#   BENCH_HOME             state and logs (~/.cache/tablecloud-bench)
#   BENCH_DB_PORT (15533), BENCH_MOTO_PORT (15101), BENCH_PORT_OFFSET (300: HTTP 8380, management 10290)
#   BENCH_MOTO_VENV        moto's virtual environment, shared with config/test (~/.cache/tablecloud-test/moto-venv)

# shellcheck source=config/lib.sh
source "$root/config/lib.sh"

state=${BENCH_HOME:-$HOME/.cache/tablecloud-bench}
db_port=${BENCH_DB_PORT:-15533}
moto_port=${BENCH_MOTO_PORT:-15101}
port_offset=${BENCH_PORT_OFFSET:-300}
http_port=$((8080 + port_offset))
management_port=$((9990 + port_offset))
venv=${BENCH_MOTO_VENV:-$HOME/.cache/tablecloud-test/moto-venv}
api_url="http://127.0.0.1:$http_port/api/v1"
moto_url="http://127.0.0.1:$moto_port"

# bench_prepare WORK [PORT...]: builds unless told not to, then starts PostgreSQL and moto, ready
# for the server; WORK keeps the API's answers of this run for a closer look, PORT are ports the
# caller needs besides these. Sets work, py (moto's Python, which has boto3) and wildfly_home.
bench_prepare() {
    work=$1
    shift
    mkdir -p "$state"
    rm -rf "$work"
    mkdir -p "$work"

    # A run killed before its cleanup leaves its processes holding the ports: stop those first, so
    # that a port still taken afterwards really is someone else's.
    stop_leftover "$state/wildfly.pid"
    stop_leftover "$state/postgres.pid"
    stop_leftover "$state/moto.log.pid"
    local port
    for port in "$db_port" "$moto_port" "$http_port" "$management_port" "$@"; do
        port_in_use "$port" && die "port $port is taken; choose others with BENCH_DB_PORT, BENCH_MOTO_PORT," \
            "BENCH_PORT_OFFSET (or this benchmark's own settings)"
    done

    if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
        say "building (mvn install, tests skipped; BENCH_SKIP_BUILD=1 reuses the last build)"
        (cd "$root" && mvn -B -q -DskipTests install) || die "the build failed"
    fi
    [ -f "$ear" ] || die "no EAR at $ear: build first (unset BENCH_SKIP_BUILD)"
    locate_wildfly

    # The server runs from a copy of its own: the WildFly under ear/target is shared with config/run,
    # whose deployment scanner would otherwise act on this run's deployment.
    own_wildfly_copy "$state/wildfly"

    ensure_moto "$venv"
    py="$venv/bin/python"

    trap stop_started EXIT
    trap 'exit 130' INT TERM

    rm -rf "$state/postgres"
    start_dev_postgres "$db_port" "$state/postgres" "$state/postgres.log"
    start_moto "$venv" "$moto_port" "$state/moto.log"

    # A throwaway key and admin password per run, like the database: config/run's "keep it"
    # notices would only mislead here.
    rm -f "$state/secret.key" "$state/admin-password"
    unset TABLECLOUD_SECRET_KEY TABLECLOUD_ADMIN_PASSWORD
    ensure_secret_key "$state/secret.key" 2>/dev/null
    ensure_admin_password "$state/admin-password" 2>/dev/null
    export TABLECLOUD_DB_URL="jdbc:postgresql://localhost:$db_port/tablecloud"
    export TABLECLOUD_DB_USER=tablecloud TABLECLOUD_DB_PASSWORD=tablecloud
}

# bench_start_server: WildFly with the EAR, on the benchmark's ports; returns once it is deployed.
bench_start_server() {
    say "starting WildFly on 127.0.0.1:$http_port (log: $wildfly_home/standalone/log/server.log)"
    start_wildfly "$state/wildfly.pid" -b 127.0.0.1 -Djboss.socket.binding.port-offset="$port_offset" \
        >"$state/wildfly-console.log" 2>&1
    wait_for_deployment 300 || die "the deployment did not come up; see $wildfly_home/standalone/log/server.log"
}

# api METHOD PATH [JSON]: keeps the answer in $work/$answer.json, the caller naming it in $answer;
# sets status, and seconds: the wall time seen by this client, as a user would see it. Signs in as
# the first admin, whom the server made from TABLECLOUD_ADMIN_PASSWORD.
api() {
    local method=$1 path=$2 out
    local data=()
    [ $# -ge 3 ] && data=(--data "$3")
    out=$(curl -sS -X "$method" -u "admin:$TABLECLOUD_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        "${data[@]}" --max-time 1800 -o "$work/$answer.json" -w '%{http_code} %{time_total}' "$api_url$path") \
        || die "$method $path failed: no answer from the server (log: $wildfly_home/standalone/log/server.log)"
    status=${out% *}
    seconds=${out#* }
    if [ "${status:0:1}" != 2 ]; then
        say "$method $path answered HTTP $status:"
        head -c 2000 "$work/$answer.json" >&2
        echo >&2
        die "the benchmark stopped (server log: $wildfly_home/standalone/log/server.log)"
    fi
}

# json FILE EXPRESSION: a value from a JSON answer; the expression sees the document as d.
json() {
    "$py" -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# sql_json SQL: the request body of the SQL endpoint for SQL.
sql_json() {
    "$py" -c 'import json, sys; print(json.dumps({"sql": sys.argv[1]}))' "$1"
}

# revision: what is measured, for the first line of a benchmark's output.
revision() {
    git -C "$root" describe --always --dirty 2>/dev/null || echo 'no git'
}
