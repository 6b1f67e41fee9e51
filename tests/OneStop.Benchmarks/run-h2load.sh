#!/usr/bin/env bash
# Unary EmptyCall throughput and server allocations under h2load: the InteropServer (grpc-dotnet) against
# raw-kestrel (the same response bytes written by hand, the ceiling on this machine), and grpc-minimal (bare
# grpc-dotnet without the interop rules) in between. Rounds alternate the servers with identical h2load settings, so the
# ratio compares measurements taken moments apart on the same (noisy) machine. See docs/benchmarks.md.
#
# Settings can be overridden from the environment; the defaults keep the whole script under 5 minutes.
set -euo pipefail

ROUNDS=${ROUNDS:-9}
REQUESTS=${REQUESTS:-200000}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-200000}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-32}
WITH_MINIMAL=${WITH_MINIMAL:-1}
# Optional: another build of the InteropServer (e.g. from before a change) measured in the same rounds as "before".
BEFORE_INTEROP_DLL=${BEFORE_INTEROP_DLL:-}
TARGET_RATIO=0.85
TARGET_BYTES=1024

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
interop_project="$root/tests/OneStop.Grpc.InteropServer/OneStop.Grpc.InteropServer.csproj"
path=/grpc.testing.TestService/EmptyCall
mkdir -p "$here/bin"
work=$(mktemp -d "$here/bin/h2load-run.XXXXXX")
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
[[ -f "$interop_project" ]] || { echo "missing $interop_project" >&2; exit 1; }
dotnet build "$interop_project" -c Release --nologo -v quiet
dotnet build "$here/OneStop.Benchmarks.csproj" -c Release --nologo -v quiet

# The servers run from private copies of the build output, so a rebuild while the rounds run (others use the same
# projects) cannot swap the binaries under them. Only the top level is needed: no satellite or native assets load.
copy_output() { mkdir -p "$2" && find "$1" -maxdepth 1 -type f -exec cp {} "$2" \; ; }
copy_output "$root/tests/OneStop.Grpc.InteropServer/bin/Release/net10.0" "$work/interop"
copy_output "$here/bin/Release/net10.0" "$work/bench"
interop_dll="$work/interop/OneStop.Grpc.InteropServer.dll"
bench_dll="$work/bench/OneStop.Benchmarks.dll"
if [[ -n "$BEFORE_INTEROP_DLL" ]]; then
  copy_output "$(dirname "$BEFORE_INTEROP_DLL")" "$work/before"
  BEFORE_INTEROP_DLL="$work/before/$(basename "$BEFORE_INTEROP_DLL")"
fi

# One empty grpc.testing.Empty request: flag 0, length 0.
printf '\0\0\0\0\0' > "$work/empty-call.bin"

# --- servers ---------------------------------------------------------------------------------------------------
declare -A url probe

# start NAME COMMAND...: runs the server on a free port with the allocation probe (a startup hook, so the servers
# themselves are unchanged) and waits for both ports to be announced.
start() {
  local name=$1; shift
  DOTNET_STARTUP_HOOKS="$bench_dll" ONESTOP_ALLOCATION_PROBE_PORT=0 "$@" --port 0 >"$work/$name.out" 2>"$work/$name.err" &
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

servers=(interop raw)
start interop dotnet "$interop_dll"
start raw dotnet "$bench_dll" raw-kestrel
if [[ "$WITH_MINIMAL" == 1 ]]; then
  servers+=(minimal)
  start minimal dotnet "$bench_dll" grpc-minimal
fi
if [[ -n "$BEFORE_INTEROP_DLL" ]]; then
  servers+=(before)
  start before dotnet "$BEFORE_INTEROP_DLL"
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
  local done_line status_line
  done_line=$(grep -E '^requests:' <<<"$out")
  status_line=$(grep -E '^status codes:' <<<"$out")
  if ! grep -qE "^requests: $n total, $n started, $n done, $n succeeded, 0 failed, 0 errored, 0 timeout" <<<"$done_line" \
     || ! grep -qE "^status codes: $n 2xx, 0 3xx, 0 4xx, 0 5xx" <<<"$status_line"; then
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
printf '\n%-6s %-8s %12s %14s %14s\n' round server 'req/s' 'B alloc/req' 'CPU us/req'
for round in $(seq "$ROUNDS"); do
  declare -A rps_now=()
  for name in "${servers[@]}"; do
    read -r rps bytes cpu < <(run "$name" "$REQUESTS")
    printf '%-6s %-8s %12.0f %14s %14s\n' "$round" "$name" "$rps" "$bytes" "$cpu"
    rps_now[$name]=$rps
    rps_list[$name]+="$rps "; bytes_list[$name]+="$bytes "; cpu_list[$name]+="$cpu "
  done
  for name in "${servers[@]}"; do
    ratio_list[$name]+="$(awk -v a="${rps_now[$name]}" -v b="${rps_now[raw]}" 'BEGIN { printf "%.3f", a / b }') "
  done
done

# The median of whitespace-separated numbers on stdin (the mean of the middle two for an even count).
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
printf '%-8s %14s %16s %16s %18s\n' server 'median req/s' 'median B/req' 'median CPU us/req' 'median ratio to raw'
for name in "${servers[@]}"; do
  printf '%-8s %14.0f %16s %16s %18s\n' "$name" "$(median <<<"${rps_list[$name]}")" "$(median <<<"${bytes_list[$name]}")" \
    "$(median <<<"${cpu_list[$name]}")" "$(median <<<"${ratio_list[$name]}")"
done
ratio=$(median <<<"${ratio_list[interop]}")
interop_bytes=$(median <<<"${bytes_list[interop]}")
raw_bytes=$(median <<<"${bytes_list[raw]}")
echo "load average after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "interop/raw throughput ratio per round: ${ratio_list[interop]}"
echo "median ratio: $ratio (target >= $TARGET_RATIO: $(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? "met" : "MISSED" }'))"
echo "server allocations per call (median): interop $interop_bytes B, raw $raw_bytes B;" \
  "gRPC layer + interop service (difference) $(awk -v a="$interop_bytes" -v b="$raw_bytes" 'BEGIN { printf "%.0f", a - b }') B"
verdict() { awk -v v="$1" -v t="$TARGET_BYTES" 'BEGIN { print (v <= t) ? "met" : "MISSED" }'; }
echo "target <= $TARGET_BYTES B per call: whole InteropServer process $(verdict "$interop_bytes");" \
  "gRPC layer + interop service above raw Kestrel $(verdict "$(awk -v a="$interop_bytes" -v b="$raw_bytes" 'BEGIN { print a - b }')")"
