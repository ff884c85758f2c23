#!/usr/bin/env bash
# What the gateway costs per request: one backend on loopback, reached directly (the
# baseline), through nginx as a reverse proxy, through a stock Spring Cloud Gateway
# (benchmarks/stock-gateway, one route) and through Meshgate's api-gateway with its whole
# chain (token check against a JWKS, rate limit in a real Redis, access log, ...). The
# same wrk load for each, one after the other; prints requests/s, p50, p99, server CPU
# per request and RSS per variant and the ratios of this one run (docs/gateway.md, "Benchmark", has the last
# results and what each variant includes).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: benchmarks/gateway-overhead.sh [-h|--help]

Runs on 127.0.0.1 only, plain HTTP/1.1, and stops everything it started on exit. Each
variant gets a warm-up, then a measured run, with the same wrk settings; a run ends after
its duration or its request count, whichever comes first. Any response that is not 2xx,
or any socket error, fails the script.

Settings (environment):
  THREADS=2  CONNECTIONS=16     wrk threads and connections
  WARMUP=120s DURATION=30s      warm-up and measured run, per variant
  MAX_REQUESTS=3000000          cap on the responses of one run (warm-up or measured)
  JVM_OPTS='-Xms512m -Xmx512m'  for both gateways' JVMs
  MESHGATE_ARGS=                more api-gateway properties, to see what a part of the
                                chain costs (e.g. --management.tracing.sampling.probability=0)
  JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  BASE_PORT=18080               uses BASE_PORT .. BASE_PORT+5

Needs wrk, nginx, redis-server and curl (Debian: apt-get install wrk nginx redis-server
curl) and a JDK 25. Builds api-gateway's jar and benchmarks/stock-gateway's jar if they
are missing.
EOF
}

case "${1:-}" in
  '') ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"
# api-gateway's chain needs about 100 000 requests before the JIT has compiled it.
warmup="${WARMUP:-120s}"
duration="${DURATION:-30s}"
max_requests="${MAX_REQUESTS:-3000000}"
read -r -a jvm_opts <<<"${JVM_OPTS:--Xms512m -Xmx512m}"
read -r -a meshgate_args <<<"${MESHGATE_ARGS:-}"
base_port="${BASE_PORT:-18080}"

backend_port="$base_port"
nginx_port="$((base_port + 1))"
stock_port="$((base_port + 2))"
meshgate_port="$((base_port + 3))"
management_port="$((base_port + 4))"
redis_port="$((base_port + 5))"

issuer="https://localhost:8443"
audience="meshgate-api"
# What the backend answers on /products/...; every variant must hand it over unchanged.
body='{"id":42,"name":"Benchmark product","price":"9.99"}'
gateway_jar="$root/api-gateway/target/api-gateway.jar"
stock_jar="$root/benchmarks/stock-gateway/target/stock-gateway.jar"

fail() {
  echo "gateway-overhead: $*" >&2
  exit 1
}

# Tools: say what is missing and how to get it; install nothing.
missing=()
for tool in wrk curl; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
# Looked for where Debian puts them too: a non-root PATH there has no /usr/sbin.
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
redis_server="$(command -v redis-server || echo /usr/bin/redis-server)"
[ -x "$nginx" ] || missing+=(nginx)
[ -x "$redis_server" ] || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  fail "missing ${missing[*]}; on Debian: apt-get install ${missing[*]}"
fi
[ -x "$java" ] || fail "no JDK 25 at ${java%/bin/java} (set JAVA25_HOME)"

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for port in "$backend_port" "$nginx_port" "$stock_port" "$meshgate_port" "$management_port" "$redis_port"; do
  ! port_in_use "$port" || fail "port $port is in use (set BASE_PORT)"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/gateway-overhead.XXXXXX")"
mkdir "$work/backend" "$work/nginx"
started=()

stop() {
  local pid="$1" waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  # The gateways shut down gracefully; nothing is in flight by then, so this is quick.
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  local pid
  for pid in "${started[@]}"; do
    stop "$pid"
  done
  if [ "$status" -eq 0 ]; then
    rm -rf "$work"
  else
    echo "gateway-overhead: failed; logs are in $work" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME COMMAND...: runs COMMAND in the background with its output in
# $work/NAME.log; its process id is left in $pid.
start() {
  local name="$1"
  shift
  "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  started+=("$pid")
}

# stop_started PID: stops a process started above before the script ends.
stop_started() {
  local kept=() other
  stop "$1"
  for other in "${started[@]}"; do
    [ "$other" = "$1" ] || kept+=("$other")
  done
  started=("${kept[@]}")
}

# wait_until NAME PID SECONDS COMMAND...: until COMMAND succeeds, while PID lives.
wait_until() {
  local name="$1" process="$2" deadline=$((SECONDS + $3))
  shift 3
  until "$@" >/dev/null 2>&1; do
    kill -0 "$process" 2>/dev/null || { tail -n 20 "$work/$name.log" >&2; fail "$name exited"; }
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$work/$name.log" >&2; fail "$name not ready in time"; }
    sleep 0.5
  done
}

# expect_body URL [CURL ARGS...]: one request answers 200 with the backend's body.
expect_body() {
  local url="$1" answer
  shift
  answer="$(curl -sS --max-time 5 -w ' %{http_code}' "$@" "$url")" || answer="no answer"
  [ "$answer" = "$body 200" ] || fail "$url answered '$answer', expected '$body 200'"
}

# rss_mb PID: resident memory of a process and its children (nginx's workers), in MB.
rss_mb() {
  local total=0 process
  for process in "$1" $(ps -o pid= --ppid "$1"); do
    total=$((total + $(awk '/^VmRSS:/ { print $2 }' "/proc/$process/status")))
  done
  echo $((total / 1024))
}

# cpu_ticks PID: CPU time used so far by a process and its children, in clock ticks.
cpu_ticks() {
  local total=0 process
  for process in "$1" $(ps -o pid= --ppid "$1"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$process/stat")))
  done
  echo "$total"
}

# load NAME PID URL [WRK ARGS...]: warm-up, then the measured run against the server
# process PID; leaves the measured run's RESULT line, with the server's CPU time during
# the run and its RSS after it, in $work/NAME.result. Fails on any response that is not
# 2xx and on any socket error.
load() {
  local name="$1" server="$2" url="$3" phase run_duration result ticks
  shift 3
  for phase in warmup measured; do
    if [ "$phase" = warmup ]; then run_duration="$warmup"; else run_duration="$duration"; fi
    echo "  $phase: $run_duration (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    ticks="$(cpu_ticks "$server")"
    wrk --threads "$threads" --connections "$connections" --duration "$run_duration" --timeout 5s \
      --latency --script "$root/benchmarks/gateway-overhead.lua" "$@" "$url" \
      -- "$((max_requests / threads))" >"$work/$name-$phase.wrk"
    ticks="$(($(cpu_ticks "$server") - ticks))"
    result="$(grep '^RESULT ' "$work/$name-$phase.wrk")" || fail "no result from wrk for $name"
    case "$result" in
      *' non2xx=0 socket_errors=0') ;;
      *) cat "$work/$name-$phase.wrk" >&2; fail "$name $phase: responses other than 2xx or socket errors" ;;
    esac
  done
  echo "$result cpu_ticks=$ticks rss_mb=$(rss_mb "$server")" >"$work/$name.result"
}

# nginx_config NAME WORKERS: the start of an nginx configuration kept in $work/NAME.
nginx_config() {
  local name="$1"
  cat <<EOF
daemon off;
worker_processes $2;
pid $work/$name/nginx.pid;
events {
  worker_connections 4096;
}
http {
  client_body_temp_path $work/$name/client_body;
  proxy_temp_path $work/$name/proxy;
  fastcgi_temp_path $work/$name/fastcgi;
  uwsgi_temp_path $work/$name/uwsgi;
  scgi_temp_path $work/$name/scgi;
  # wrk and the proxies keep their connections for the whole run.
  keepalive_requests 100000000;
EOF
}

start_nginx() {
  local name="$1"
  start "$name" "$nginx" -e "$work/$name/error.log" -p "$work/$name" -c "$work/$name/nginx.conf"
}

echo "gateway-overhead: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "wrk -t$threads -c$connections, warm-up $warmup, measured $duration, at most $max_requests responses a run;" \
  "JVMs: $("$java" -version 2>&1 | head -n 1) ${jvm_opts[*]}${meshgate_args[*]:+; api-gateway also: ${meshgate_args[*]}}"

cd "$root"
if [ ! -f "$gateway_jar" ]; then
  echo "building api-gateway"
  ./mvnw -B -q -pl api-gateway -am package -DskipTests
fi
if [ ! -f "$stock_jar" ]; then
  echo "building benchmarks/stock-gateway"
  ./mvnw -B -q -f benchmarks/stock-gateway/pom.xml package -DskipTests
fi

# The signing side: a fresh key, its JWKS (served by the backend, as auth-service serves
# its own) and a token for a signed-in user, valid 15 minutes, minted now.
"$java" "$root/benchmarks/BenchmarkToken.java" "$work" "$issuer" "$audience"
token="$(cat "$work/token")"

# The backend: one nginx worker answering /products/... with a small JSON body, and the
# JWKS; anything else is 404, so a proxy that rewrites the path wrongly fails the run.
{
  nginx_config backend 1
  cat <<EOF
  access_log off;
  server {
    listen 127.0.0.1:$backend_port;
    default_type application/json;
    location /products/ {
      return 200 '$body';
    }
    location = /oauth2/jwks {
      return 200 '$(cat "$work/jwks.json")';
    }
    location / {
      return 404;
    }
  }
}
EOF
} >"$work/backend/nginx.conf"
start_nginx backend
backend_pid="$pid"
wait_until backend "$backend_pid" 10 curl -fsS "http://127.0.0.1:$backend_port/oauth2/jwks"

# (a) direct
echo "direct: wrk -> backend"
expect_body "http://127.0.0.1:$backend_port/products/42"
load direct "$backend_pid" "http://127.0.0.1:$backend_port/products/42"

# (b) nginx: a worker per CPU, keep-alive to the backend, an access log like the gateway's.
{
  nginx_config nginx auto
  cat <<EOF
  access_log $work/nginx/access.log;
  upstream backend {
    server 127.0.0.1:$backend_port;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location /api/products/ {
      proxy_pass http://backend/products/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
} >"$work/nginx/nginx.conf"
echo "nginx: wrk -> nginx -> backend"
start_nginx nginx
nginx_pid="$pid"
wait_until nginx "$nginx_pid" 10 curl -fsS "http://127.0.0.1:$nginx_port/api/products/42"
expect_body "http://127.0.0.1:$nginx_port/api/products/42"
load nginx "$nginx_pid" "http://127.0.0.1:$nginx_port/api/products/42"
stop_started "$nginx_pid"

# (c) stock Spring Cloud Gateway
echo "stock-scg: wrk -> stock Spring Cloud Gateway -> backend"
start stock-scg "$java" "${jvm_opts[@]}" -jar "$stock_jar" --server.address=127.0.0.1 \
  --server.port="$stock_port" --benchmark.backend-uri="http://127.0.0.1:$backend_port"
stock_pid="$pid"
wait_until stock-scg "$stock_pid" 120 curl -fsS "http://127.0.0.1:$stock_port/api/products/42"
expect_body "http://127.0.0.1:$stock_port/api/products/42"
load stock-scg "$stock_pid" "http://127.0.0.1:$stock_port/api/products/42"
stop_started "$stock_pid"

# (d) Meshgate: its own application.yaml (default profile: plain HTTP, as behind Istio),
# product-service found through simple discovery, the JWKS on the backend, a real Redis
# with a password, and a bucket no run can empty.
echo "meshgate: wrk -> api-gateway (token check, Redis rate limit, access log, ...) -> backend"
redis_password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
cat >"$work/redis.conf" <<EOF
bind 127.0.0.1
port $redis_port
requirepass $redis_password
save ""
appendonly no
dir $work
EOF
chmod 600 "$work/redis.conf"
start redis "$redis_server" "$work/redis.conf"
redis_pid="$pid"
wait_until redis "$redis_pid" 10 port_in_use "$redis_port"
SPRING_DATA_REDIS_PASSWORD="$redis_password" start meshgate "$java" "${jvm_opts[@]}" -jar "$gateway_jar" \
  --server.address=127.0.0.1 --server.port="$meshgate_port" \
  --management.server.address=127.0.0.1 --management.server.port="$management_port" \
  --spring.data.redis.port="$redis_port" \
  --meshgate.gateway.security.issuer="$issuer" \
  --meshgate.gateway.security.jwk-set-uri="http://127.0.0.1:$backend_port/oauth2/jwks" \
  --meshgate.gateway.rate-limit.replenish-rate=1000000 \
  --meshgate.gateway.rate-limit.burst-capacity=1000000 \
  "--spring.cloud.discovery.client.simple.instances.product-service[0].uri=http://127.0.0.1:$backend_port" \
  "${meshgate_args[@]}"
meshgate_pid="$pid"
wait_until meshgate "$meshgate_pid" 120 \
  curl -fsS "http://127.0.0.1:$management_port/actuator/health/readiness"
meshgate_url="http://127.0.0.1:$meshgate_port/api/products/42"
expect_body "$meshgate_url" -H "Authorization: Bearer $token"
# The chain really runs: the token is checked (a broken signature is refused although the
# path is public) and the limiter answered from Redis (it writes RateLimit-* only then).
signature="${token##*.}"
tampered="${token%.*}.$([ "${signature:0:1}" = A ] && echo B || echo A)${signature:1}"
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tampered" "$meshgate_url")"
[ "$status" = 401 ] || fail "a token with a broken signature got $status, expected 401"
curl -sS -o /dev/null -D "$work/meshgate-headers" -H "Authorization: Bearer $token" "$meshgate_url"
grep -qi '^RateLimit-Remaining:' "$work/meshgate-headers" || fail "no RateLimit-* headers: is Redis reachable?"
load meshgate "$meshgate_pid" "$meshgate_url" --header "Authorization: Bearer $token"
redis_rss="$(rss_mb "$redis_pid")"
unavailable="$(curl -fsS "http://127.0.0.1:$management_port/actuator/prometheus" |
  awk '/^meshgate_gateway_ratelimit_unavailable_total/ { print $2 }')" ||
  fail "no metrics on the management port"
[ "$unavailable" = 0.0 ] || fail "requests let through unlimited, Redis not answering: '$unavailable'"
access_lines="$(grep -c '"logger":"meshgate.access"' "$work/meshgate.log" || true)"
stop_started "$meshgate_pid"
stop_started "$redis_pid"

# The table and the ratios, from the RESULT lines. CPU is the server process's own time
# (nginx: master and workers) during the measured run, per response.
{
  echo "direct $(cat "$work/direct.result")"
  echo "nginx $(cat "$work/nginx.result")"
  echo "stock $(cat "$work/stock-scg.result")"
  echo "meshgate $(cat "$work/meshgate.result")"
} | awk -v clock_ticks="$(getconf CLK_TCK)" -v redis_rss="$redis_rss" -v access_lines="$access_lines" '
  {
    for (i = 3; i <= NF; i++) { split($i, kv, "="); value[kv[1]] = kv[2] }
    key = $1; order[NR] = key
    requests[key] = value["requests"]; rss[key] = value["rss_mb"]
    rps[key] = value["requests"] / (value["duration_us"] / 1e6)
    p50[key] = value["p50_us"] / 1000; p99[key] = value["p99_us"] / 1000
    cpu[key] = value["cpu_ticks"] * 1e6 / clock_ticks / value["requests"]
  }
  END {
    label["direct"] = "direct (baseline)"; label["nginx"] = "nginx"
    label["stock"] = "stock Spring Cloud Gateway"; label["meshgate"] = "Meshgate api-gateway"
    print ""
    print "| variant | requests/s | p50 ms | p99 ms | server CPU µs/request | RSS MB | requests |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    for (n = 1; n <= NR; n++) {
      k = order[n]
      printf "| %s | %.0f | %.2f | %.2f | %.0f | %d | %d |\n", label[k], rps[k], p50[k], p99[k], cpu[k], rss[k], requests[k]
    }
    printf "\nMeshgate also used Redis (rate limits): RSS %d MB; access-log lines written: %d\n", redis_rss, access_lines
    print ""
    print "| ratio (this run) | throughput | p99 | server CPU per request |"
    print "|---|---:|---:|---:|"
    printf "| Meshgate / nginx | %.2f | %.2f | %.1f |\n", rps["meshgate"] / rps["nginx"], p99["meshgate"] / p99["nginx"], cpu["meshgate"] / cpu["nginx"]
    printf "| Meshgate / stock SCG | %.2f | %.2f | %.1f |\n", rps["meshgate"] / rps["stock"], p99["meshgate"] / p99["stock"], cpu["meshgate"] / cpu["stock"]
    print ""
    print "| added over direct | p50 ms | p99 ms |"
    print "|---|---:|---:|"
    split("nginx stock meshgate", proxies, " ")
    for (n = 1; n <= 3; n++) {
      k = proxies[n]
      printf "| %s | %+.2f | %+.2f |\n", label[k], p50[k] - p50["direct"], p99[k] - p99["direct"]
    }
  }'
