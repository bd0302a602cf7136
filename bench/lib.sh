# Shared helpers of the benchmarks: a scratch PostgreSQL from the machine's binaries, the application jar against
# it, and a logged-in client. Source it; every function prints what it does to stderr.
set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
BENCH_PASSWORD="${BENCH_PASSWORD:-bench-password}"

say() { echo "[bench] $*" >&2; }

# The application jar, built once (tests skipped: the benchmark measures, the test command checks).
ensure_jar() {
  if [[ ! -f "$BENCH_ROOT/api/target/landbalance.jar" || -n "${BENCH_REBUILD:-}" ]]; then
    say "building the application jar"
    (cd "$BENCH_ROOT" && ./mvnw -B -ntp -q -DskipTests install)
  fi
}

# start_pg DIR PORT [extra server options]: a fresh cluster in DIR listening on 127.0.0.1:PORT, user postgres.
start_pg() {
  local dir="$1" port="$2"; shift 2
  local as=()
  if [[ "$(id -u)" == 0 ]]; then as=(runuser -u postgres --); fi
  rm -rf "$dir"; mkdir -p "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$dir"
  "${as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -w -t 120 -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=1GB -c work_mem=32MB -c maintenance_work_mem=512MB -c max_wal_size=8GB $*" start >/dev/null
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $dir/data)"
}

stop_pg() {
  local dir="$1"
  local as=()
  if [[ "$(id -u)" == 0 ]]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

psql_bench() { # psql_bench PORT [psql args]
  local port="$1"; shift
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# start_app PORT PG_PORT HOME: the jar against the scratch database; waits until /health answers UP.
start_app() {
  local port="$1" pg_port="$2" home="$3"
  mkdir -p "$home"
  say "starting the application on :$port"
  (cd "$BENCH_ROOT" && PORT="$port" DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
     DATABASE_USER=postgres DATABASE_PASSWORD= LANDBALANCE_DEMO=true LANDBALANCE_DEMO_WORK=false LANDBALANCE_HOME="$home" DEMO_PASSWORD="$BENCH_PASSWORD" \
     JWT_SECRET="bench-secret-that-is-long-enough-for-hs256-0123456789" \
     exec java ${BENCH_JAVA_OPTS:--Xmx1g} -jar api/target/landbalance.jar >"$home/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"UP"'; then
      say "application up (pid $APP_PID)"
      return 0
    fi
    sleep 0.5
  done
  say "the application did not start; see $home/app.log"; tail -30 "$home/app.log" >&2; return 1
}

stop_app() {
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
}

# cpu_ms PID... → milliseconds of CPU (user + system) these processes have used, their finished children included.
cpu_ms() {
  local ticks=0 pid
  for pid in "$@"; do
    ticks=$(( ticks + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# pg_cpu_ms DIR → CPU milliseconds of the cluster started by start_pg in DIR: the postmaster, its finished backends
# (pgbench's among them) and the live ones.
pg_cpu_ms() {
  local postmaster; postmaster="$(head -1 "$1/data/postmaster.pid")"
  cpu_ms "$postmaster" $(pgrep -P "$postmaster")
}

# quiesce PG_PORT: waits (up to 120 s) until the application has published its outbox and sealed its audit log, so
# that a phase is not measured against the background work the previous one left behind.
quiesce() {
  local left
  for _ in $(seq 1 240); do
    left="$(psql_bench "$1" -d postgres -tA -c "select (select count(*) from outbox_event where published_at is null)
                                                     + (select count(*) from audit_entry where seq is null)")"
    [[ "$left" == 0 ]] && return 0
    sleep 0.5
  done
  say "background work still pending after 120 s ($left rows)"
}

# login PORT USER → prints the bearer token
login() {
  curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$BENCH_PASSWORD\"}" \
    "http://127.0.0.1:$1/api/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# percentiles FILE → "p50 p95 p99 max" of the numbers in FILE (one per line, milliseconds)
percentiles() {
  sort -n "$1" | awk '{v[NR]=$1} END {
    n=NR; if (n==0) {print "- - - -"; exit}
    i50=int(n*0.50+0.999); i95=int(n*0.95+0.999); i99=int(n*0.99+0.999);
    printf "%.1f %.1f %.1f %.1f\n", v[i50], v[i95], v[i99], v[n] }'
}
