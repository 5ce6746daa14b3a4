#!/usr/bin/env bash
# Unary gRPC throughput and latency on loopback: the gateway's whole gRPC stack (grpc-dotnet over h2c with the
# gateway's middleware and interceptors) against a bare Kestrel HTTP/2 endpoint that writes the same
# response bytes, in the same run, with the same h2load load (64 concurrent streams by default).
#
#   bash tests/Benchmarks/grpc-bench.sh            # build Release, run, print req/s, p50, p99, ratio
#   ROUNDS=5 DURATION=15 bash tests/Benchmarks/grpc-bench.sh
#
# Settings (environment): CONNECTIONS (4) x STREAMS (16) = concurrent streams; DURATION seconds per
# measurement (10) after WARMUP seconds (2); ROUNDS (3) alternating bare/gateway runs, medians reported;
# SKIP_BUILD=1 to use the existing Release build. Only loopback is ever addressed.
set -euo pipefail
cd "$(dirname "$0")/../.."

CONNECTIONS=${CONNECTIONS:-4}
STREAMS=${STREAMS:-16}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
ROUNDS=${ROUNDS:-3}

if ! command -v h2load >/dev/null 2>&1; then
  echo "installing h2load (nghttp2-client)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq nghttp2-client >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build src/Gateway -c Release -v quiet -nologo >/dev/null
fi
dll=src/Gateway/bin/Release/net10.0/OrleansTilsyn.Gateway.dll
[ -f "$dll" ] || { echo "missing $dll" >&2; exit 1; }

work=$(mktemp -d)
gateway_pid=
cleanup() {
  if [ -n "$gateway_pid" ] && kill -0 "$gateway_pid" 2>/dev/null; then
    kill "$gateway_pid"
    wait "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
grpc_port=$(free_port)
http_port=$(free_port)

dotnet "$dll" --Gateway:Bench=true --Auth:Demo=true --Storage:Engine=memory "--Storage:DataDirectory=$work/data" \
  --Gateway:Endpoints:Host=127.0.0.1 "--Gateway:Endpoints:GrpcPort=$grpc_port" "--Gateway:Endpoints:HttpPort=$http_port" \
  --Logging:LogLevel:Default=Warning >"$work/gateway.log" 2>&1 &
gateway_pid=$!

# An empty google.protobuf.BytesValue as one uncompressed gRPC frame: the request of both targets, and
# exactly the response bytes both return.
printf '\x00\x00\x00\x00\x00' >"$work/request.bin"
bare="http://127.0.0.1:$grpc_port/bench.v1.Bare/Fixed"
echo_url="http://127.0.0.1:$grpc_port/bench.v1.Echo/Echo"
headers=(-H 'content-type: application/grpc' -H 'te: trailers')

for _ in $(seq 1 240); do
  if h2load -n 1 -c 1 "${headers[@]}" -d "$work/request.bin" "$echo_url" 2>/dev/null | grep -q '1 succeeded'; then break; fi
  kill -0 "$gateway_pid" 2>/dev/null || { cat "$work/gateway.log" >&2; exit 1; }
  sleep 0.5
done

# Runs one measurement; prints "req/s p50_ms p99_ms succeeded".
measure() {
  local url=$1 log="$work/requests.log"
  rm -f "$log"
  local out
  out=$(h2load -c "$CONNECTIONS" -m "$STREAMS" -t 1 --warm-up-time="$WARMUP" -D "$DURATION" \
    "${headers[@]}" -d "$work/request.bin" --log-file="$log" "$url")
  local rps succeeded
  rps=$(sed -nE 's/^finished in .*, ([0-9.]+) req\/s.*/\1/p' <<<"$out")
  succeeded=$(sed -nE 's/^requests: .* ([0-9]+) succeeded.*/\1/p' <<<"$out")
  # Column 3 of the log: microseconds from request start to the end of the response.
  cut -f3 "$log" | sort -n | awk -v rps="$rps" -v ok="$succeeded" '
    { v[NR] = $1 }
    END {
      p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
      printf "%s %.3f %.3f %s\n", rps, p50 / 1000, p99 / 1000, ok
    }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "h2load: $CONNECTIONS connections x $STREAMS streams = $((CONNECTIONS * STREAMS)) concurrent, ${DURATION}s per run after ${WARMUP}s warm-up, $ROUNDS rounds"
printf '%-6s %-8s %12s %10s %10s %12s\n' round target req/s p50_ms p99_ms succeeded
: >"$work/bare.txt"
: >"$work/gateway.txt"
for round in $(seq 1 "$ROUNDS"); do
  read -r rps p50 p99 ok < <(measure "$bare")
  printf '%-6s %-8s %12s %10s %10s %12s\n' "$round" bare "$rps" "$p50" "$p99" "$ok"
  echo "$rps $p50 $p99" >>"$work/bare.txt"
  read -r rps p50 p99 ok < <(measure "$echo_url")
  printf '%-6s %-8s %12s %10s %10s %12s\n' "$round" gateway "$rps" "$p50" "$p99" "$ok"
  echo "$rps $p50 $p99" >>"$work/gateway.txt"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "medians over $ROUNDS rounds:"
printf '%-8s %12s %10s %10s\n' target req/s p50_ms p99_ms
for target in bare gateway; do
  printf '%-8s %12s %10s %10s\n' "$target" \
    "$(cut -d' ' -f1 "$work/$target.txt" | median)" "$(cut -d' ' -f2 "$work/$target.txt" | median)" "$(cut -d' ' -f3 "$work/$target.txt" | median)"
done
bare_rps=$(cut -d' ' -f1 "$work/bare.txt" | median)
gateway_rps=$(cut -d' ' -f1 "$work/gateway.txt" | median)
awk -v g="$gateway_rps" -v b="$bare_rps" 'BEGIN { printf "throughput ratio gateway/bare: %.2f (target >= 0.6)\n", g / b }'
