#!/usr/bin/env bash
# Unary EmptyCall through the OneStop gateway, against the same backend reached directly and through nginx.
#
#   direct   h2load → InteropServer
#   gateway  h2load → OneStop.Gateway (anonymous route, no rate limiter: the forwarder alone) → InteropServer
#   nginx    h2load → nginx (grpc_pass, upstream keepalive) → InteropServer
#   yarp     h2load → stock YARP 2.3.0 (AddReverseProxy/MapReverseProxy, one route, YARP's own forwarder; the
#            ONESTOP_FLOOR_MODE=yarp mode of tests/OneStop.Benchmarks.GatewayFloor) → InteropServer  [WITH_YARP=1, default]
#   edge     h2load → OneStop.Gateway with a JWT-protected route (role check) and the per-client rate limiter
#            (limits raised so it never refuses) → InteropServer            [WITH_EDGE=1, the default]
#
# One backend process serves all of them. Two measurements, both in alternating rounds (the targets take turns, the
# starting one rotating), so every comparison is between figures taken moments apart on the same noisy machine:
#   1. maximum throughput: h2load -c CLIENTS -m STREAMS for DURATION seconds per target and round; medians per target;
#   2. latency at LOAD_FRACTION (default 50 %) of the gateway's median maximum from step 1: h2load --rps at that
#      total rate for every latency target, p50/p90/p99 from h2load's per-request log; medians per target.
# See docs/benchmarks.md, section "Gateway". Settings can be overridden from the environment; the defaults keep the
# whole script under 5 minutes (builds included, when they are up to date).
set -euo pipefail
shopt -s inherit_errexit # a failed check inside $(...) stops the script too

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}                   # seconds measured per target and throughput round
WARMUP_DURATION=${WARMUP_DURATION:-5}     # one unmeasured run per target before the rounds, seconds
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-32}
WITH_EDGE=${WITH_EDGE:-1}
WITH_YARP=${WITH_YARP:-1}
LATENCY_ROUNDS=${LATENCY_ROUNDS:-3}
LATENCY_DURATION=${LATENCY_DURATION:-8}
LOAD_FRACTION=${LOAD_FRACTION:-0.5}
LATENCY_TARGETS=${LATENCY_TARGETS:-direct gateway nginx}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
# Optional: another build of the gateway (e.g. from before a change), measured in the same rounds as "before".
BEFORE_GATEWAY_DLL=${BEFORE_GATEWAY_DLL:-}
# Optional: "VAR=value VAR2=value" for one more gateway like "gateway" but with these environment variables (runtime
# settings, say), measured in the same rounds as "variant".
VARIANT_ENV=${VARIANT_ENV:-}
TARGET_DIRECT_RATIO=0.5     # gateway ≥ 0.5 × direct throughput
TARGET_NGINX_RATIO=2        # gateway ≥ 2 × nginx throughput
TARGET_YARP_RATIO=1.4       # gateway ≥ 1.4 × stock YARP throughput
TARGET_ADDED_P50_MS=0.5     # gateway p50 − direct p50 ≤ 0.5 ms at half of the gateway's maximum

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
interop_project="$root/tests/OneStop.Grpc.InteropServer/OneStop.Grpc.InteropServer.csproj"
gateway_project="$root/gateway/OneStop.Gateway/OneStop.Gateway.csproj"
path=/grpc.testing.TestService/EmptyCall
mkdir -p "$here/bin"
work=$(mktemp -d "$here/bin/gateway-h2load-run.XXXXXX")
pids=()

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop_all EXIT

# --- tools and build -------------------------------------------------------------------------------------------
if ! command -v h2load >/dev/null || ! command -v nghttp >/dev/null; then
  apt-get update && apt-get install -y nghttp2-client
fi
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  apt-get update && apt-get install -y nginx
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
command -v python3 >/dev/null || { echo "python3 is needed (free ports, the JWT, percentiles)" >&2; exit 1; }
dotnet build "$interop_project" -c Release --nologo -v quiet
dotnet build "$gateway_project" -c Release --nologo -v quiet

# The processes run from private copies of the build output, so a rebuild by someone else during the rounds cannot
# swap the binaries under them. The gateway's copy is whole (runtimes/, appsettings.json, static asset manifests).
cp -r "$root/tests/OneStop.Grpc.InteropServer/bin/Release/net10.0" "$work/interop"
cp -r "$root/gateway/OneStop.Gateway/bin/Release/net10.0" "$work/gateway"
interop_dll="$work/interop/OneStop.Grpc.InteropServer.dll"
gateway_dll="$work/gateway/OneStop.Gateway.dll"
if [[ "$WITH_YARP" == 1 ]]; then
  dotnet build "$root/tests/OneStop.Benchmarks.GatewayFloor" -c Release --nologo -v quiet
  cp -r "$root/tests/OneStop.Benchmarks.GatewayFloor/bin/Release/net10.0" "$work/floor"
fi
if [[ -n "$BEFORE_GATEWAY_DLL" ]]; then
  cp -r "$(dirname "$BEFORE_GATEWAY_DLL")" "$work/gateway-before"
  BEFORE_GATEWAY_DLL="$work/gateway-before/$(basename "$BEFORE_GATEWAY_DLL")"
fi

# One empty grpc.testing.Empty request: flag 0, length 0.
printf '\0\0\0\0\0' > "$work/empty-call.bin"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# wait_for NAME FILE PATTERN: until the process's log shows PATTERN (or it dies).
wait_for() {
  local name=$1 file=$2 pattern=$3 pid=${pids[-1]}
  for _ in $(seq 600); do
    grep -qE "$pattern" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name did not start:" >&2; cat "$work/$name".* >&2; exit 1
}

# --- backend ---------------------------------------------------------------------------------------------------
dotnet "$interop_dll" --port 0 >"$work/backend.out" 2>"$work/backend.err" &
pids+=($!)
backend_pid=$!
wait_for backend "$work/backend.out" '^listening on 127\.0\.0\.1:[0-9]+$'
backend_port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/backend.out")
declare -A url proxy_pids
proxy_pids[direct]=""
url[direct]="http://127.0.0.1:$backend_port$path"
echo "backend (InteropServer): ${url[direct]}"

# --- gateways: configuration from the environment only ---------------------------------------------------------
# start_gateway NAME DLL POLICY RATE_LIMITER [VAR=VALUE...]
start_gateway() {
  local name=$1 dll=$2 policy=$3 limiter=$4; shift 4
  local port web_port
  port=$(free_port); web_port=$(free_port)
  mkdir -p "$work/$name-data"
  # Content root = the working directory: the copy's appsettings.json is read, as in a deployment.
  (cd "$(dirname "$dll")" && exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    OneStop__Port="$port" \
    OneStop__WebPort="$web_port" \
    OneStop__DataDirectory="$work/$name-data" \
    ReverseProxy__Routes__testing__ClusterId=testing \
    ReverseProxy__Routes__testing__Match__Path='/grpc.testing.{service}/{method}' \
    ReverseProxy__Routes__testing__AuthorizationPolicy="$policy" \
    ReverseProxy__Routes__testing__RateLimiterPolicy="$limiter" \
    ReverseProxy__Clusters__testing__Destinations__d0__Address="http://127.0.0.1:$backend_port" \
    ReverseProxy__Clusters__directory__HealthCheck__Active__Enabled=false \
    ReverseProxy__Clusters__appointments__HealthCheck__Active__Enabled=false \
    "$@" dotnet "$dll") >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  wait_for "$name" "$work/$name.out" "listening on .*127\.0\.0\.1:$port"
  proxy_pids[$name]=${pids[-1]}
  url[$name]="http://127.0.0.1:$port$path"
  echo "$name: ${url[$name]}"
}

targets=(direct gateway nginx)
start_gateway gateway "$gateway_dll" anonymous disable

# --- nginx: its own process, generated configuration, everything under $work/nginx --------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  # Defaults would close each client connection after 1,000 requests (HTTP/2 GOAWAY), mid-run.
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  upstream backend {
    server 127.0.0.1:$backend_port;
    # Reuse backend connections (nginx sends one gRPC call per upstream connection at a time); without this every
    # call would open a new TCP connection to the backend.
    keepalive 256;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
  }
  server {
    listen 127.0.0.1:$nginx_port http2;
    http2_max_concurrent_streams 256;
    location / { grpc_pass grpc://backend; }
  }
}
EOF
"$nginx_bin" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" >"$work/nginx.out" 2>"$work/nginx.err" &
pids+=($!)
for _ in $(seq 100); do [[ -s "$work/nginx/nginx.pid" ]] && break; sleep 0.1; done
[[ -s "$work/nginx/nginx.pid" ]] || { echo "nginx did not start:" >&2; cat "$work/nginx/error.log" "$work/nginx.err" >&2; exit 1; }
sleep 0.5
proxy_pids[nginx]="${pids[-1]} $(ps -o pid= --ppid "${pids[-1]}" | tr '\n' ' ')"
url[nginx]="http://127.0.0.1:$nginx_port$path"
echo "nginx ($("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), worker_processes $NGINX_WORKERS): ${url[nginx]}"

declare -A auth
if [[ "$WITH_EDGE" == 1 ]]; then
  targets+=(edge)
  # The per-client token bucket runs (partitioned by the token's org/sub), with limits no run can reach.
  start_gateway edge "$gateway_dll" agency-system per-client \
    OneStop__Gateway__RateLimits__PermitsPerSecond=100000000 OneStop__Gateway__RateLimits__Burst=100000000
  # A development token (HS256 with the public development key of OneStop.ServiceDefaults' DevelopmentTokens,
  # which the gateway accepts in the Development environment), as `./onestop token` will issue.
  key=$(grep -A1 'SigningKeyBase64 =' "$root/services/OneStop.ServiceDefaults/Identity/DevelopmentTokens.cs" \
    | grep -o '"[A-Za-z0-9+/=]*"' | tr -d '"' | head -1)
  [[ -n "$key" ]] || { echo "development signing key not found in DevelopmentTokens.cs" >&2; exit 1; }
  token=$(python3 - "$key" <<'PY'
import base64, hashlib, hmac, json, sys, time
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
now = int(time.time())
header = {"alg": "HS256", "typ": "JWT"}
payload = {"sub": "bench-client", "org": "bench-org", "region": "00000000", "role": ["agency-system"],
           "iss": "https://onestop.local/dev", "aud": "onestop", "iat": now, "nbf": now, "exp": now + 3600}
signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(payload).encode())
signature = hmac.new(base64.b64decode(sys.argv[1]), signing_input.encode(), hashlib.sha256).digest()
print(signing_input + "." + b64(signature))
PY
)
  auth[edge]="authorization: Bearer $token"
fi
if [[ "$WITH_YARP" == 1 ]]; then
  targets+=(yarp)
  start_gateway yarp "$work/floor/OneStop.Benchmarks.GatewayFloor.dll" anonymous disable ONESTOP_FLOOR_MODE=yarp
fi
if [[ -n "$BEFORE_GATEWAY_DLL" ]]; then
  targets+=(before)
  start_gateway before "$BEFORE_GATEWAY_DLL" anonymous disable
fi
if [[ -n "$VARIANT_ENV" ]]; then
  targets+=(variant)
  read -r -a variant_env <<<"$VARIANT_ENV"
  start_gateway variant "$gateway_dll" anonymous disable "${variant_env[@]}"
fi

# h2load/nghttp header arguments of a target (the bearer token for the edge variant).
extra_headers() { if [[ -n "${auth[$1]:-}" ]]; then printf '%s\0' -H "${auth[$1]}"; fi; }

# --- correctness: each must answer 200, application/grpc, a 5-byte empty message and grpc-status 0 ----------------
# (the gateway reports its own failures as HTTP 200 with a grpc-status, so the status code alone proves nothing)
for name in "${targets[@]}"; do
  mapfile -d '' extra < <(extra_headers "$name")
  trace=$(nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' "${extra[@]}" -d "$work/empty-call.bin" "${url[$name]}" 2>&1 | tr -d '\0')
  for expect in ':status: 200' 'content-type: application/grpc' 'recv DATA frame <length=5, ' 'grpc-status: 0'; do
    if ! grep -qF "$expect" <<<"$trace"; then
      echo "$name: response lacks '$expect':" >&2; echo "$trace" >&2; exit 1
    fi
  done
done
if [[ "$WITH_EDGE" == 1 ]]; then
  # ... and the edge variant must refuse a call without the token.
  trace=$(nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/empty-call.bin" "${url[edge]}" 2>&1 | tr -d '\0')
  grep -qF 'grpc-status: 16' <<<"$trace" || { echo "edge: a call without a token was not refused with UNAUTHENTICATED:" >&2; echo "$trace" >&2; exit 1; }
fi
echo "responses checked: 200, application/grpc, DATA length 5, grpc-status 0$([[ "$WITH_EDGE" == 1 ]] && echo '; edge without token: grpc-status 16')"

# --- load ------------------------------------------------------------------------------------------------------
base_args=(-t 1 -c "$CLIENTS" -m "$STREAMS" -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/empty-call.bin")

# h2load_run NAME ARGS...: one h2load run against NAME; prints its output after checking that nothing failed and
# that every response carried the 5-byte message (an error from a proxy would be a Trailers-Only 200 without it).
# No --warm-up-time: h2load's data count would include the warm-up's responses; each target gets one unmeasured
# run before the rounds instead. When a timed run stops, a stream or two may have its 2xx headers (and its message)
# but not its end yet: counted in "status codes" and "data", not in "succeeded".
h2load_run() {
  local name=$1; shift
  local out extra
  mapfile -d '' extra < <(extra_headers "$name")
  out=$(h2load "${base_args[@]}" "${extra[@]}" "$@" "${url[$name]}")
  local line done_n ok data s2xx
  line=$(grep -E '^requests:' <<<"$out")
  done_n=$(sed -n 's/.* \([0-9]*\) done.*/\1/p' <<<"$line")
  ok=$(sed -n 's/.* \([0-9]*\) succeeded.*/\1/p' <<<"$line")
  s2xx=$(sed -n 's/^status codes: \([0-9]*\) 2xx, 0 3xx, 0 4xx, 0 5xx$/\1/p' <<<"$out")
  data=$(sed -n 's/^traffic:.*, [^(]*(\([0-9]*\)) data.*/\1/p' <<<"$out")
  if ! grep -qE ' 0 failed, 0 errored, 0 timeout' <<<"$line" || [[ "$done_n" != "$ok" || "$ok" -eq 0 || -z "$s2xx" ]] \
     || (( s2xx < ok || s2xx > ok + CLIENTS * STREAMS || data < ok * 5 || data > s2xx * 5 )); then
    echo "$name: h2load reported failures (or responses without the message):" >&2; echo "$out" >&2; exit 1
  fi
  echo "$out"
}

rps_of() { sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p'; }

# CPU time (user + system, clock ticks) of processes, from /proc; per request it shows what each hop costs, which
# other load on the machine disturbs less than it disturbs req/s (but idle spinning of a waiting process counts).
tick_us=$((1000000 / $(getconf CLK_TCK)))
cpu_ticks() { local t=0 p f; for p in "$@"; do read -r -a f <"/proc/$p/stat"; t=$((t + f[13] + f[14])); done; echo "$t"; }
per_request() { if [[ -z "$1" ]]; then echo -; else awk -v a="$1" -v b="$2" -v n="$3" -v u="$tick_us" 'BEGIN { printf "%.1f", (b - a) * u / n }'; fi; }

# measure NAME ARGS...: "req/s proxy_cpu_us_per_req backend_cpu_us_per_req" of one checked h2load run.
measure() {
  local name=$1; shift
  local proxy=${proxy_pids[$name]} out p0="" p1="" b0 b1 n
  # shellcheck disable=SC2086
  [[ -n "$proxy" ]] && p0=$(cpu_ticks $proxy)
  b0=$(cpu_ticks "$backend_pid")
  out=$(h2load_run "$name" "$@")
  b1=$(cpu_ticks "$backend_pid")
  # shellcheck disable=SC2086
  [[ -n "$proxy" ]] && p1=$(cpu_ticks $proxy)
  n=$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' <<<"$out")
  echo "$(rps_of <<<"$out") $(per_request "$p0" "$p1" "$n") $(per_request "$b0" "$b1" "$n")"
}

# The median of whitespace-separated numbers on stdin (the mean of the middle two for an even count).
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
# rotate N: the targets starting with the (N mod count)th, so no target always runs first (or right after another).
rotate() { local n=$(( $1 % ${#targets[@]} )); echo "${targets[@]:n}" "${targets[@]:0:n}"; }

echo
echo "h2load ${base_args[*]} -D $DURATION [-H 'authorization: Bearer …' for edge] <url>"
for name in "${targets[@]}"; do h2load_run "$name" -D "$WARMUP_DURATION" >/dev/null; done
echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

ratio_before_list="" ratio_variant_list="" ratio_yarp_list=""
declare -A rps_list ratio_direct_list ratio_nginx_list proxy_cpu_list backend_cpu_list
printf '\n%-6s %-8s %12s %20s %22s\n' round target 'req/s' 'proxy CPU us/req' 'backend CPU us/req'
for round in $(seq "$ROUNDS"); do
  declare -A now=()
  for name in $(rotate "$round"); do
    result=$(measure "$name" -D "$DURATION")
    read -r rps proxy_cpu backend_cpu <<<"$result"
    printf '%-6s %-8s %12.0f %20s %22s\n' "$round" "$name" "$rps" "$proxy_cpu" "$backend_cpu"
    now[$name]=$rps
    rps_list[$name]+="$rps "; proxy_cpu_list[$name]+="$proxy_cpu "; backend_cpu_list[$name]+="$backend_cpu "
  done
  for name in "${targets[@]}"; do
    ratio_direct_list[$name]+="$(ratio "${now[$name]}" "${now[direct]}") "
    ratio_nginx_list[$name]+="$(ratio "${now[$name]}" "${now[nginx]}") "
  done
  [[ "$WITH_YARP" == 1 ]] && ratio_yarp_list+="$(ratio "${now[gateway]}" "${now[yarp]}") "
  [[ -n "$BEFORE_GATEWAY_DLL" ]] && ratio_before_list+="$(ratio "${now[gateway]}" "${now[before]}") "
  [[ -n "$VARIANT_ENV" ]] && ratio_variant_list+="$(ratio "${now[variant]}" "${now[gateway]}") "
done

echo
printf '%-8s %13s %13s %13s %17s %19s   %s\n' target 'median req/s' 'ratio/direct' 'ratio/nginx' 'proxy CPU us/req' 'backend CPU us/req' \
  'ratio to direct per round'
for name in "${targets[@]}"; do
  proxy_cpu=-; [[ -n "${proxy_pids[$name]}" ]] && proxy_cpu=$(median <<<"${proxy_cpu_list[$name]}")
  printf '%-8s %13.0f %13s %13s %17s %19s   %s\n' "$name" "$(median <<<"${rps_list[$name]}")" "$(median <<<"${ratio_direct_list[$name]}")" \
    "$(median <<<"${ratio_nginx_list[$name]}")" "$proxy_cpu" "$(median <<<"${backend_cpu_list[$name]}")" "${ratio_direct_list[$name]}"
done
echo "(ratios: medians of the per-round ratios; CPU: medians, proxy = the gateway process or nginx master + workers)"
echo "load average after the throughput rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- latency at a fraction of the gateway's maximum ----------------------------------------------------------------
gateway_max=$(median <<<"${rps_list[gateway]}")
per_client=$(awk -v m="$gateway_max" -v f="$LOAD_FRACTION" -v c="$CLIENTS" 'BEGIN { r = int(m * f / c + 0.5); print (r < 1) ? 1 : r }')
echo
echo "latency at $LOAD_FRACTION × the gateway's median maximum ($gateway_max req/s): --rps $per_client per client" \
  "× $CLIENTS = $((per_client * CLIENTS)) req/s, -D $LATENCY_DURATION, per-request times from h2load --log-file"

# percentiles LOG: "achieved_rps p50 p90 p99" in ms, from h2load's log (start µs, status, µs to end of response),
# without the requests of the first second (connection set-up, rate ramp).
percentiles() {
  python3 - "$1" <<'PY'
import sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
first = min(int(r[0]) for r in rows)
rows = [r for r in rows if int(r[0]) >= first + 1_000_000]
t = sorted(int(r[2]) for r in rows)
starts = [int(r[0]) for r in rows]
span = (max(starts) - min(starts)) / 1e6 or 1
pick = lambda q: t[min(len(t) - 1, max(0, int(round(q * len(t) + 0.5)) - 1))] / 1000  # nearest rank
print(f"{len(t) / span:.0f} {pick(0.50):.3f} {pick(0.90):.3f} {pick(0.99):.3f}")
PY
}

read -r -a lat_targets <<<"$LATENCY_TARGETS"
declare -A p50_list p90_list p99_list
printf '%-6s %-8s %12s %10s %10s %10s\n' round target 'req/s' 'p50 ms' 'p90 ms' 'p99 ms'
for round in $(seq "$LATENCY_ROUNDS"); do
  n=${#lat_targets[@]}; s=$(( round % n ))
  for name in "${lat_targets[@]:s}" "${lat_targets[@]:0:s}"; do
    log="$work/latency-$name.log"; rm -f "$log"
    h2load_run "$name" --rps "$per_client" -D "$LATENCY_DURATION" --log-file "$log" >/dev/null
    read -r achieved p50 p90 p99 < <(percentiles "$log")
    printf '%-6s %-8s %12s %10s %10s %10s\n' "$round" "$name" "$achieved" "$p50" "$p90" "$p99"
    p50_list[$name]+="$p50 "; p90_list[$name]+="$p90 "; p99_list[$name]+="$p99 "
  done
done
echo
printf '%-8s %14s %14s %14s\n' target 'median p50 ms' 'median p90 ms' 'median p99 ms'
for name in "${lat_targets[@]}"; do
  printf '%-8s %14s %14s %14s\n' "$name" "$(median <<<"${p50_list[$name]}")" "$(median <<<"${p90_list[$name]}")" "$(median <<<"${p99_list[$name]}")"
done
echo "load average after the latency rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- verdicts --------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "met" : "NOT MET" }'; }
r_direct=$(median <<<"${ratio_direct_list[gateway]}")
r_nginx=$(median <<<"${ratio_nginx_list[gateway]}")
echo
echo "gateway/direct throughput, median of per-round ratios: $r_direct (target >= $TARGET_DIRECT_RATIO: $(verdict "$r_direct" "$TARGET_DIRECT_RATIO" '>='))"
echo "gateway/nginx throughput, median of per-round ratios: $r_nginx (target >= $TARGET_NGINX_RATIO: $(verdict "$r_nginx" "$TARGET_NGINX_RATIO" '>='))"
if [[ -n "${p50_list[gateway]:-}" && -n "${p50_list[direct]:-}" ]]; then
  added=$(awk -v g="$(median <<<"${p50_list[gateway]}")" -v d="$(median <<<"${p50_list[direct]}")" 'BEGIN { printf "%.3f", g - d }')
  echo "added p50 at $LOAD_FRACTION × the gateway's maximum (gateway − direct, medians): $added ms" \
    "(target <= $TARGET_ADDED_P50_MS ms at 0.5: $(verdict "$added" "$TARGET_ADDED_P50_MS" '<=')$(awk -v f="$LOAD_FRACTION" 'BEGIN { if (f != 0.5) print "; this run is not at 0.5, so for reference only" }'))"
fi
if [[ "$WITH_YARP" == 1 ]]; then
  r_yarp=$(median <<<"$ratio_yarp_list")
  echo "gateway/stock YARP throughput per round: $ratio_yarp_list(median $r_yarp; target >= $TARGET_YARP_RATIO: $(verdict "$r_yarp" "$TARGET_YARP_RATIO" '>='))"
fi
if [[ -n "$BEFORE_GATEWAY_DLL" ]]; then
  echo "gateway/before throughput per round: $ratio_before_list(median $(median <<<"$ratio_before_list"))"
fi
if [[ -n "$VARIANT_ENV" ]]; then
  echo "variant ($VARIANT_ENV)/gateway throughput per round: $ratio_variant_list(median $(median <<<"$ratio_variant_list"))"
fi
if [[ "$WITH_EDGE" == 1 ]]; then
  echo "edge (JWT + role policy + per-client limiter) / gateway (anonymous, no limiter), median req/s:" \
    "$(ratio "$(median <<<"${rps_list[edge]}")" "$gateway_max")"
fi
