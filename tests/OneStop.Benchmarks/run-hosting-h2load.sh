#!/usr/bin/env bash
# What the services' own hosting costs: unary EmptyCall throughput of the interop TestServiceImpl hosted like a OneStop
# service (`defaults`: AddServiceDefaults + MapDefaultEndpoints, an ExceptionMappingInterceptor, JWT bearer with the
# development key, anonymous calls) against the same service class on bare grpc-dotnet (`bare`: AddGrpc() only), with
# h2load. Rounds alternate the two with identical settings, so the ratio compares measurements taken moments apart
# on the same (noisy) machine; each server's allocated bytes and CPU time per call come from the allocation probe
# (a startup hook). See docs/benchmarks.md, "Service hosting".
#
# Settings can be overridden from the environment; the defaults keep the whole script at about 2-3 minutes.
# VARIANT_ENV="NAME=value ..." and/or VARIANT_ARGS="--switch ...": a third server, `variant`, the defaults server
# under extra environment variables (e.g. "Logging__LogLevel__Default=Warning") or with one part left out
# (--slim-builder, --no-interceptor, --singleton-interceptor,
# --fast-path-interceptor; see Servers/InteropDefaultsServer.cs), measured in the
# same rounds: how much of the difference that part is.
set -euo pipefail

ROUNDS=${ROUNDS:-7}
REQUESTS=${REQUESTS:-100000}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-100000}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-32}
VARIANT_ENV=${VARIANT_ENV:-}
VARIANT_ARGS=${VARIANT_ARGS:-}
TARGET_RATIO=0.90

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
path=/grpc.testing.TestService/EmptyCall
mkdir -p "$here/bin"
work=$(mktemp -d "$here/bin/hosting-run.XXXXXX")
pids=()

stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop_servers EXIT

# --- tools and build -------------------------------------------------------------------------------------------
if ! command -v h2load >/dev/null || ! command -v nghttp >/dev/null; then
  apt-get update && apt-get install -y nghttp2-client
fi
dotnet build "$here/OneStop.Benchmarks.csproj" -c Release --nologo -v quiet

# A private copy of the build output, so a rebuild by someone else while the rounds run cannot swap the binaries.
mkdir -p "$work/bench" && find "$here/bin/Release/net10.0" -maxdepth 1 -type f -exec cp {} "$work/bench" \;
bench_dll="$work/bench/OneStop.Benchmarks.dll"

# One empty grpc.testing.Empty request: flag 0, length 0.
printf '\0\0\0\0\0' > "$work/empty-call.bin"

# --- servers ---------------------------------------------------------------------------------------------------
declare -A url probe

# start NAME [ENV=value...] -- COMMAND...: runs the server on a free port with the allocation probe and waits for
# both ports to be announced. The working directory is the private copy (no appsettings.json there: the defaults
# server is configured by the environment alone).
start() {
  local name=$1; shift
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  (cd "$work/bench" && exec env DOTNET_STARTUP_HOOKS="$bench_dll" ONESTOP_ALLOCATION_PROBE_PORT=0 "${envs[@]}" "$@") \
    >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  local port="" probe_port=""
  for _ in $(seq 300); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/$name.out")
    probe_port=$(sed -n 's/^allocation probe listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/$name.err")
    [[ -n "$port" && -n "$probe_port" ]] && break
    sleep 0.1
  done
  if [[ -z "$port" || -z "$probe_port" ]]; then
    echo "$name did not start:" >&2; cat "$work/$name.out" "$work/$name.err" >&2; exit 1
  fi
  url[$name]="http://127.0.0.1:$port$path"
  probe[$name]="http://127.0.0.1:$probe_port/"
  echo "$name: ${url[$name]} (probe ${probe[$name]})"
}

# Not the Development environment: a service in production runs with these settings (detailed errors off).
defaults_env=(ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production OneStop__Port=0 OneStop__Auth__UseDevelopmentKey=true)
servers=(defaults bare)
start defaults "${defaults_env[@]}" -- dotnet "$bench_dll" interop-defaults
start bare -- dotnet "$bench_dll" interop-bare --port 0
if [[ -n "$VARIANT_ENV$VARIANT_ARGS" ]]; then
  servers+=(variant)
  read -r -a variant_env <<<"$VARIANT_ENV"
  read -r -a variant_args <<<"$VARIANT_ARGS"
  start variant "${defaults_env[@]}" "${variant_env[@]}" -- dotnet "$bench_dll" interop-defaults "${variant_args[@]}"
  echo "variant: $VARIANT_ENV interop-defaults $VARIANT_ARGS"
fi

# --- correctness: each must answer 200, application/grpc, a 5-byte empty message and grpc-status 0 ----------------
for name in "${servers[@]}"; do
  trace=$(nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/empty-call.bin" "${url[$name]}" 2>&1 | tr -d '\0')
  for expect in ':status: 200' 'content-type: application/grpc' 'recv DATA frame <length=5, ' 'grpc-status: 0'; do
    if ! grep -qF "$expect" <<<"$trace"; then
      echo "$name: response lacks '$expect':" >&2; echo "$trace" >&2; exit 1
    fi
  done
done
echo "responses checked: 200, application/grpc, DATA length 5, grpc-status 0"

# --- load ------------------------------------------------------------------------------------------------------
h2load_args=(-c "$CLIENTS" -m "$STREAMS" -t 1 -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/empty-call.bin")
echo "h2load ${h2load_args[*]} -n $REQUESTS <url>   (warm-up: -n $WARMUP_REQUESTS per server)"

field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2"; }

# run NAME N: one h2load run; prints "req_per_s bytes_per_req cpu_us_per_req" after checking nothing failed.
run() {
  local name=$1 n=$2 before after out
  before=$(curl -sf "${probe[$name]}")
  out=$(h2load "${h2load_args[@]}" -n "$n" "${url[$name]}")
  after=$(curl -sf "${probe[$name]}")
  if ! grep -qE "^requests: $n total, $n started, $n done, $n succeeded, 0 failed, 0 errored, 0 timeout" <<<"$out" \
     || ! grep -qE "^status codes: $n 2xx, 0 3xx, 0 4xx, 0 5xx" <<<"$out"; then
    echo "$name: h2load reported failures:" >&2; echo "$out" >&2; exit 1
  fi
  local rps bytes cpu
  rps=$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' <<<"$out")
  bytes=$(( ($(field allocated_bytes "$after") - $(field allocated_bytes "$before")) / n ))
  cpu=$(awk -v a="$(field cpu_ms "$after")" -v b="$(field cpu_ms "$before")" -v n="$n" 'BEGIN { printf "%.2f", (a - b) * 1000 / n }')
  echo "$rps $bytes $cpu"
}

for name in "${servers[@]}"; do run "$name" "$WARMUP_REQUESTS" >/dev/null; done

# Other work on the machine moves every figure; the load average says how quiet the run was.
echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A rps_list bytes_list cpu_list ratio_list
printf '\n%-6s %-9s %12s %14s %14s\n' round server 'req/s' 'B alloc/req' 'CPU us/req'
for round in $(seq "$ROUNDS"); do
  declare -A rps_now=()
  # The order alternates too, so neither server always runs right after the other's load.
  order=("${servers[@]}")
  (( round % 2 == 0 )) && order=($(printf '%s\n' "${servers[@]}" | tac))
  for name in "${order[@]}"; do
    read -r rps bytes cpu < <(run "$name" "$REQUESTS")
    printf '%-6s %-9s %12.0f %14s %14s\n' "$round" "$name" "$rps" "$bytes" "$cpu"
    rps_now[$name]=$rps
    rps_list[$name]+="$rps "; bytes_list[$name]+="$bytes "; cpu_list[$name]+="$cpu "
  done
  for name in "${servers[@]}"; do
    ratio_list[$name]+="$(awk -v a="${rps_now[$name]}" -v b="${rps_now[bare]}" 'BEGIN { printf "%.3f", a / b }') "
  done
done

# The median of whitespace-separated numbers on stdin (the mean of the middle two for an even count).
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
printf '%-9s %14s %16s %18s %20s\n' server 'median req/s' 'median B/req' 'median CPU us/req' 'median ratio to bare'
for name in "${servers[@]}"; do
  printf '%-9s %14.0f %16s %18s %20s\n' "$name" "$(median <<<"${rps_list[$name]}")" "$(median <<<"${bytes_list[$name]}")" \
    "$(median <<<"${cpu_list[$name]}")" "$(median <<<"${ratio_list[$name]}")"
done
echo "load average after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
ratio=$(median <<<"${ratio_list[defaults]}")
cpu_ratio=$(awk -v b="$(median <<<"${cpu_list[bare]}")" -v d="$(median <<<"${cpu_list[defaults]}")" 'BEGIN { printf "%.3f", b / d }')
echo "defaults/bare throughput ratio per round: ${ratio_list[defaults]}"
[[ -n "$VARIANT_ENV$VARIANT_ARGS" ]] && echo "variant/bare throughput ratio per round: ${ratio_list[variant]}"
echo "CPU per call, bare / defaults (medians): $cpu_ratio"
echo "median ratio: $ratio (target >= $TARGET_RATIO: $(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? "met" : "MISSED" }'))"
