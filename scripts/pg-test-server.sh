#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS server on 127.0.0.1 for tests, CI and the store benchmark.
#
#   scripts/pg-test-server.sh start   [DIR] [PORT]   # init if needed, start, print the URL
#   scripts/pg-test-server.sh stop    [DIR]          # fast shutdown (the folder is kept)
#   scripts/pg-test-server.sh restart [DIR]
#   scripts/pg-test-server.sh url     [DIR]          # print the URL of a started server
#   scripts/pg-test-server.sh destroy [DIR]          # stop and delete the folder
#
# DIR defaults to $CONFLICTMAP_PG_DIR or /tmp/conflictmap-pg-test, PORT to $CONFLICTMAP_PG_PORT
# or 55432. Trust authentication, fsync off: this server holds nothing worth keeping.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` OS user.
#
# In CI:  export CONFLICTMAP_TEST_POSTGRES_URL="$(scripts/pg-test-server.sh start)"
# (the test suite starts its own server the same way when that variable is unset).
set -euo pipefail

cmd=${1:-}
dir=${2:-${CONFLICTMAP_PG_DIR:-/tmp/conflictmap-pg-test}}
port=${3:-${CONFLICTMAP_PG_PORT:-55432}}
dbname=conflictmap_test

pgbin=${PGBIN:-}
if [ -z "$pgbin" ]; then
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ]; then pgbin=$candidate; break; fi
    done
fi
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "pg-test-server: PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin);" \
        "install them with: apt-get install postgresql postgresql-15-postgis-3" \
        "(or run: make system-deps), or set PGBIN" >&2
    exit 2
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

user=$( [ "$(id -u)" -eq 0 ] && echo postgres || id -un )

print_url() {
    local p
    p=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$dir/postgresql.auto.conf" 2>/dev/null | tail -1)
    echo "postgresql://$user@127.0.0.1:${p:-$port}/$dbname"
}

running() {
    as_owner "$pgbin/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

case "$cmd" in
start)
    if [ ! -f "$dir/PG_VERSION" ]; then
        mkdir -p "$dir"
        if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
        chmod 700 "$dir"
        as_owner "$pgbin/initdb" -D "$dir" -U "$user" --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || {
            cat "$dir.initdb.log" >&2
            exit 1
        }
        rm -f "$dir.initdb.log"
        # Settings live in the folder so `restart` keeps them.
        as_owner tee -a "$dir/postgresql.auto.conf" >/dev/null <<EOF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
    fi
    if ! running; then
        as_owner "$pgbin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null || {
            tail -n 20 "$dir/server.log" >&2
            exit 1
        }
    fi
    url_port=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$dir/postgresql.auto.conf" | tail -1)
    if ! as_owner "$pgbin/psql" -h "$dir" -p "$url_port" -U "$user" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$dbname'" | grep -q 1; then
        as_owner "$pgbin/createdb" -h "$dir" -p "$url_port" -U "$user" "$dbname"
    fi
    as_owner "$pgbin/psql" -h "$dir" -p "$url_port" -U "$user" -d "$dbname" -q \
        -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
    print_url
    ;;
stop)
    if running; then as_owner "$pgbin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
    ;;
restart)
    as_owner "$pgbin/pg_ctl" -D "$dir" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
    ;;
url)
    print_url
    ;;
destroy)
    if [ -f "$dir/PG_VERSION" ] && running; then
        as_owner "$pgbin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
*)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
