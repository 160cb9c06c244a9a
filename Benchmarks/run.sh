#!/usr/bin/env bash
# Benchmarks/run.sh — `make bench`: the release build of accueil under the same wrk load as the
# peers of ../shared/bench (Hummingbird 2, FlyingFox, nginx), in one run, one table.
#
#   health   GET /livez (plain "ok", when the app has it; else GET /health) vs the peers' GET /health
#   health-json  GET /health (JSON, one SQLite read) — only measured separately when /livez exists
#   page     GET / (the rendered home page) vs the peers' GET /page (a 9 KB page rendered per request)
#   static   GET /static/page.html: the kit's static/page.html served by accueil (--public TMPDIR)
#            and by an nginx of our own (same file, same nginx settings as the kit's)
#
# How: it starts accueil itself (setsid, fresh temp database, --quiet, --public TMPDIR holding
# Public/ + page.html) and nginx-static, then runs the kit's run-peers.sh with TARGET=accueil's URL and
# TARGET_PID (so the kit measures and checks accueil like a peer, and reports its CPU), then measures the
# extra rows itself with the kit's exact wrk command, and prints one table. One accueil process serves
# every row, so its peak RSS (VmHWM) covers the whole run. Everything it started is stopped on exit,
# error or Ctrl-C (by the setsid session it created for it).
#
# Settings (environment, defaults in brackets):
#   DURATION [10]  WARMUP [3]  CONNECTIONS [64]  THREADS [2]  ROUNDS [1]   the wrk load (as the kit)
#   PEERS ["hummingbird flyingfox flyingfox-nodelay nginx"]   ENDPOINTS ["health page"]  (kit's rows)
#   BENCH_KIT [$(git rev-parse --show-toplevel)/../shared/bench]
#   OUT_DIR [/tmp/accueil-bench-DATE]    raw wrk output, logs, the kit's own output under peers/
#   ACCUEIL_BIN [.build/release/accueil] (built with `swift build -c release` when missing)
#   HEALTH_PATH [auto: /livez if it answers "ok", else /health]
#   BENCH_STRICT [0]   1: exit 1 when a target of the issue is missed (throughput, p99, static)
set -uo pipefail

ROOT=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel 2>/dev/null) \
  || ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$PATH:/opt/swift/usr/bin"

KIT=${BENCH_KIT:-$ROOT/../shared/bench}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-1}
PEERS=${PEERS-hummingbird flyingfox flyingfox-nodelay nginx}
ENDPOINTS=${ENDPOINTS:-health page}
OUT_DIR=${OUT_DIR:-/tmp/accueil-bench-$(date +%Y%m%d-%H%M%S)}
ACCUEIL_BIN=${ACCUEIL_BIN:-$ROOT/.build/release/accueil}
HEALTH_PATH=${HEALTH_PATH:-}
BENCH_STRICT=${BENCH_STRICT:-0}
NAME=accueil
STATIC_PATH=/static/page.html

T0=$(date +%s)
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
log()  { printf '[bench %s +%4ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - T0 ))" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }
WARNINGS=()
warn() { log "WARNING: $*"; WARNINGS+=("$*"); }

[ -f "$KIT/run-peers.sh" ] || die "benchmark kit not found at $KIT (set BENCH_KIT)"
KIT=$(cd "$KIT" && pwd)
[ -f "$KIT/static/page.html" ] && [ -f "$KIT/wrk/report.lua" ] || die "$KIT lacks static/page.html or wrk/report.lua"

mkdir -p "$OUT_DIR/logs" "$OUT_DIR/wrk" "$OUT_DIR/checks"
chmod a+rx "$OUT_DIR"
WORK=$(mktemp -d /tmp/accueil-bench-work.XXXXXX)
chmod 755 "$WORK"

# ---------------------------------------------------------------- processes (one setsid session each)
SESSIONS=()
start_session() {  # start_session LOGFILE cmd... ; sets STARTED_PID (= its session id)
  local logfile=$1; shift
  setsid "$@" >"$logfile" 2>&1 </dev/null &
  STARTED_PID=$!
  SESSIONS+=("$STARTED_PID")
}
session_pids() { pgrep -s "$1" 2>/dev/null; }
stop_session() {
  local sid=$1 pids i
  pids=$(session_pids "$sid")
  if [ -n "$pids" ]; then
    kill -TERM $pids 2>/dev/null
    for i in $(seq 100); do [ -n "$(session_pids "$sid")" ] || break; sleep 0.1; done
    pids=$(session_pids "$sid")
    [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  fi
  wait "$sid" 2>/dev/null
  return 0
}
run_bounded() {  # run_bounded SECS LOGFILE cmd... : in its own session (stopped by cleanup too), returns its rc
  local secs=$1 logfile=$2 pid rc p keep=(); shift 2
  start_session "$logfile" timeout -k 5 "$secs" "$@"
  pid=$STARTED_PID
  wait "$pid"; rc=$?
  stop_session "$pid"
  for p in "${SESSIONS[@]}"; do [ "$p" != "$pid" ] && keep+=("$p"); done
  SESSIONS=("${keep[@]}")
  return "$rc"
}
KIT_PID=""
CLEANED=0
cleanup() {
  [ "$CLEANED" = 1 ] && return; CLEANED=1
  local sid i
  if [ -n "$KIT_PID" ] && kill -0 "$KIT_PID" 2>/dev/null; then
    # the kit stops its own servers and builds on TERM
    kill -TERM "$KIT_PID" 2>/dev/null
    for i in $(seq 150); do kill -0 "$KIT_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  for sid in "${SESSIONS[@]}"; do stop_session "$sid"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'log "interrupted: stopping everything"; exit 130' INT
trap 'log "TERM: stopping everything"; exit 143' TERM

# ---------------------------------------------------------------- tools and binary
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v pgrep >/dev/null || need+=(procps)
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}
[ -x "$NGINX_BIN" ] || need+=(nginx-light)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
    >"$OUT_DIR/logs/apt.log" 2>&1 || die "apt-get failed, see $OUT_DIR/logs/apt.log"
  NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
fi
if [ ! -x "$ACCUEIL_BIN" ]; then
  log "$ACCUEIL_BIN missing: swift build -c release --product accueil"
  swift build -c release --product accueil || die "release build failed"
fi

# ---------------------------------------------------------------- free ports (not the kit's 18080+)
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while port_busy "$p"; do p=$((p + 1)); done; echo "$p"; }

wait_http() {  # wait_http URL SID LOG : until URL answers (any status), 30 s
  local i code
  for i in $(seq 150); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" 2>/dev/null)
    [ -n "$code" ] && [ "$code" != 000 ] && return 0
    kill -0 "$2" 2>/dev/null || { tail -n 20 "$3" >&2; return 1; }
    sleep 0.2
  done
  tail -n 20 "$3" >&2; return 1
}

# ---------------------------------------------------------------- accueil (release) with the static file
PUBLIC="$WORK/public"
mkdir -p "$PUBLIC"
cp -R "$ROOT/Public/." "$PUBLIC/" 2>/dev/null || true
cp "$KIT/static/page.html" "$PUBLIC/page.html"
chmod -R a+rX "$PUBLIC"

start_session "$OUT_DIR/logs/server-$NAME.log" "$ACCUEIL_BIN" serve --quiet --host 127.0.0.1 --port 0 \
  --db "$WORK/bench.sqlite" --public "$PUBLIC" --resources "$ROOT/Resources"
ACCUEIL_PID=$STARTED_PID
ACCUEIL_URL=""
for _ in $(seq 300); do
  ACCUEIL_URL=$(grep -o -m1 'http://127\.0\.0\.1:[0-9]*' "$OUT_DIR/logs/server-$NAME.log" 2>/dev/null)
  [ -n "$ACCUEIL_URL" ] && break
  kill -0 "$ACCUEIL_PID" 2>/dev/null || { cat "$OUT_DIR/logs/server-$NAME.log" >&2; die "accueil exited at start"; }
  sleep 0.1
done
[ -n "$ACCUEIL_URL" ] || die "accueil printed no address (see $OUT_DIR/logs/server-$NAME.log)"
wait_http "$ACCUEIL_URL/health" "$ACCUEIL_PID" "$OUT_DIR/logs/server-$NAME.log" || die "accueil does not answer"
log "accueil: pid $ACCUEIL_PID on $ACCUEIL_URL ($ACCUEIL_BIN, built $(stat -c %y "$ACCUEIL_BIN" | cut -d. -f1))"

if [ -z "$HEALTH_PATH" ]; then
  if [ "$(curl -s --max-time 2 "$ACCUEIL_URL/livez")" = ok ]; then HEALTH_PATH=/livez
  else HEALTH_PATH=/health; warn "no GET /livez answering 'ok': the health row measures GET /health (JSON), so the kit's check of it fails on the body"
  fi
fi
MEASURE_HEALTH_JSON=0; [ "$HEALTH_PATH" != /health ] && MEASURE_HEALTH_JSON=1

# ---------------------------------------------------------------- nginx serving the same file
NGINX_PREFIX="$WORK/nginx"
mkdir -p "$NGINX_PREFIX/tmp"
NGINX_PORT=$(free_port 18380)
cat >"$NGINX_PREFIX/nginx.conf" <<EOF
# as the kit's nginx/nginx.conf (same workers, keep-alive, sendfile), serving $PUBLIC under /static/
worker_processes $NCPU;
daemon off;
pid nginx.pid;
error_log error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/html html; text/css css; image/svg+xml svg; text/plain txt; }
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    server_tokens off;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /static/ { alias $PUBLIC/; }
    }
}
EOF
chmod -R a+rX "$NGINX_PREFIX"
"$NGINX_BIN" -t -q -p "$NGINX_PREFIX/" -c "$NGINX_PREFIX/nginx.conf" -e "$NGINX_PREFIX/error.log" \
  >"$OUT_DIR/logs/nginx-static-test.log" 2>&1 || { cat "$OUT_DIR/logs/nginx-static-test.log" >&2; die "nginx config test failed"; }
start_session "$OUT_DIR/logs/server-nginx-static.log" "$NGINX_BIN" -p "$NGINX_PREFIX/" -c "$NGINX_PREFIX/nginx.conf" -e "$NGINX_PREFIX/error.log"
NGINX_SID=$STARTED_PID
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
wait_http "$NGINX_URL$STATIC_PATH" "$NGINX_SID" "$NGINX_PREFIX/error.log" || die "nginx-static did not start"
log "nginx-static: master pid $NGINX_SID on $NGINX_URL"

# both must serve the kit's file byte for byte
for srv in "$NAME|$ACCUEIL_URL" "nginx-static|$NGINX_URL"; do
  s=${srv%%|*}; u=${srv#*|}
  code=$(curl -s --max-time 5 -o "$OUT_DIR/checks/$s-static.body" -D "$OUT_DIR/checks/$s-static.headers" -w '%{http_code}' "$u$STATIC_PATH")
  [ "$code" = 200 ] && cmp -s "$OUT_DIR/checks/$s-static.body" "$KIT/static/page.html" \
    || die "$s: GET $STATIC_PATH gave $code or a body other than the kit's static/page.html"
done
curl -s --max-time 5 -o "$OUT_DIR/checks/$NAME-health-json.body" "$ACCUEIL_URL/health"

RSS_IDLE_KB=$(awk '$1=="VmRSS:" {print $2}' "/proc/$ACCUEIL_PID/status")

# ---------------------------------------------------------------- the kit's run (peers + accueil)
log "kit: $KIT/run-peers.sh (PEERS='$PEERS' ENDPOINTS='$ENDPOINTS', accueil health=$HEALTH_PATH page=/)"
# in the background + wait, so that INT/TERM reach our trap at once (which then sends TERM to the kit)
env DURATION="$DURATION" WARMUP="$WARMUP" CONNECTIONS="$CONNECTIONS" THREADS="$THREADS" ROUNDS="$ROUNDS" \
    PEERS="$PEERS" ENDPOINTS="$ENDPOINTS" BASELINE=hummingbird OUT_DIR="$OUT_DIR/peers" \
    TARGET="$ACCUEIL_URL" TARGET_PID="$ACCUEIL_PID" TARGET_NAME="$NAME" \
    TARGET_HEALTH_PATH="$HEALTH_PATH" TARGET_PAGE_PATH=/ TARGET_FORM_PATH= \
    bash "$KIT/run-peers.sh" </dev/null > >(tee "$OUT_DIR/kit-output.txt") 2>&1 &
KIT_PID=$!
wait "$KIT_PID"; KIT_RC=$?
KIT_PID=""
sleep 0.3   # let tee print the kit's last lines
[ "$KIT_RC" = 0 ] || warn "run-peers.sh exited $KIT_RC (see $OUT_DIR/kit-output.txt); the table has what was measured"
kill -0 "$ACCUEIL_PID" 2>/dev/null || die "accueil died during the kit's run (see $OUT_DIR/logs/server-$NAME.log)"

# ---------------------------------------------------------------- extra rows, same wrk command
EXTRA="$OUT_DIR/extra.tsv"; : >"$EXTRA"
cpu_ticks() {  # over the processes of session/pid $1
  local total=0 p f
  for p in $(session_pids "$1"); do
    f=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    f=${f##*) }; set -- $f
    total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}
measure() {  # measure ROUND SERVER ENDPOINT URL SID
  local r=$1 s=$2 e=$3 url=$4 sid=$5 raw="$OUT_DIR/wrk/r$1-$2-$3.txt" c0 c1 t0 t1 line cpu
  run_bounded $((WARMUP + 20)) "$raw.warmup" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s \
    -s "$KIT/wrk/report.lua" "$url" || warn "$s $e: warm-up wrk failed"
  c0=$(cpu_ticks "$sid"); t0=$(date +%s.%N)
  run_bounded $((DURATION + 30)) "$raw" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$KIT/wrk/report.lua" "$url" || warn "$s $e: wrk failed (see $raw)"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$sid")
  line=$(grep -m1 '^BENCHSTATS' "$raw") || { warn "$s $e: no wrk result (see $raw)"; return 0; }
  local requests=0 rps=0 p50_us=0 p90_us=0 p99_us=0 max_us=0 connect_err=0 read_err=0 write_err=0 timeouts=0 non2xx3xx=0 bytes=0 duration_us=0
  eval "$(echo "${line#BENCHSTATS }" | tr ' ' '\n' | grep -E '^[a-z0-9_]+=[0-9.]+$')"
  cpu=$(awk -v a="$c0" -v b="$c1" -v hz="$CLK_TCK" -v t0="$t0" -v t1="$t1" 'BEGIN{printf "%.0f", (b-a)/hz/(t1-t0)*100}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$s" "$e" "$rps" "$p50_us" "$p90_us" "$p99_us" \
    "$((connect_err + read_err + write_err + timeouts + non2xx3xx))" "$cpu" "$bytes" >>"$EXTRA"
  log "  $(printf '%-13s %-11s %10s req/s  p50 %6.2f ms  p99 %7.2f ms  errors %s  server CPU %s%%' "$s" "$e" "$rps" \
    "$(awk -v x="$p50_us" 'BEGIN{print x/1000}')" "$(awk -v x="$p99_us" 'BEGIN{print x/1000}')" \
    "$((connect_err + read_err + write_err + timeouts + non2xx3xx))" "$cpu")"
}
log "extra rows: static file (nginx-static, accueil)$([ "$MEASURE_HEALTH_JSON" = 1 ] && echo ', GET /health JSON (accueil)')"
for r in $(seq "$ROUNDS"); do
  [ "$MEASURE_HEALTH_JSON" = 1 ] && measure "$r" "$NAME" health-json "$ACCUEIL_URL/health" "$ACCUEIL_PID"
  measure "$r" nginx-static static "$NGINX_URL$STATIC_PATH" "$NGINX_SID"
  measure "$r" "$NAME" static "$ACCUEIL_URL$STATIC_PATH" "$ACCUEIL_PID"
done

kill -0 "$ACCUEIL_PID" 2>/dev/null || die "accueil died during the run (see $OUT_DIR/logs/server-$NAME.log)"
RSS_PEAK_KB=$(awk '$1=="VmHWM:" {print $2}' "/proc/$ACCUEIL_PID/status")
RSS_END_KB=$(awk '$1=="VmRSS:" {print $2}' "/proc/$ACCUEIL_PID/status")

# ---------------------------------------------------------------- one table
WARN_FILE="$OUT_DIR/.warnings"; printf '%s\n' "${WARNINGS[@]}" >"$WARN_FILE"
python3 - "$OUT_DIR" "$NAME" "$HEALTH_PATH" "$RSS_IDLE_KB" "$RSS_PEAK_KB" "$RSS_END_KB" "$KIT/static/page.html" \
  "$DURATION" "$WARMUP" "$CONNECTIONS" "$THREADS" "$ROUNDS" "$BENCH_STRICT" <<'PY' | tee "$OUT_DIR/table.txt"
import os, re, statistics, sys
(out, name, health_path, rss_idle, rss_peak, rss_end, page_html,
 duration, warmup, connections, threads, rounds, strict) = sys.argv[1:14]
rows = {}  # (server, endpoint) -> lists
for path in (f"{out}/peers/results.tsv", f"{out}/extra.tsv"):
    if not os.path.exists(path):
        continue
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if len(f) < 10:
            continue
        r = rows.setdefault((f[1], f[2]), {"rps": [], "p50": [], "p99": [], "err": 0, "cpu": []})
        r["rps"].append(float(f[3])); r["p50"].append(float(f[4]) / 1000); r["p99"].append(float(f[6]) / 1000)
        r["err"] += int(f[7])
        if f[8] not in ("-", ""):
            r["cpu"].append(float(f[8]))
med = lambda xs: statistics.median(xs) if xs else None

def body_size(server, endpoint):
    for p in (f"{out}/peers/checks/{server}-{endpoint}.body", f"{out}/checks/{server}-{endpoint}.body"):
        if os.path.exists(p):
            return os.path.getsize(p)
    return None

base_of = {"health": ("hummingbird", "health"), "health-json": ("hummingbird", "health"),
           "page": ("hummingbird", "page"), "form": ("hummingbird", "form"), "static": ("nginx-static", "static")}
paths = {("health", name): health_path, ("health-json", name): "/health", ("page", name): "/",
         ("static", name): "/static/page.html", ("static", "nginx-static"): "/static/page.html"}
order = ["health", "health-json", "page", "form", "static"]
servers = ["hummingbird", "flyingfox", "flyingfox-nodelay", "nginx", "nginx-static", name]

print(f"accueil vs ../shared/bench peers, one run: wrk -t{threads} -c{connections} -d{duration}s (+{warmup}s warm-up), "
      f"keep-alive, loopback" + (f", median of {rounds} rounds" if int(rounds) > 1 else ""))
print(f"host: {os.cpu_count()} cores, wrk and the servers share them; load avg now: {open('/proc/loadavg').read().split()[:3]}")
print()
hdr = f"{'endpoint':<12} {'server':<18} {'path':<18} {'req/s':>9} {'ratio':>6} {'vs':<12} {'p50 ms':>7} {'p99 ms':>8} {'errors':>6} {'CPU':>5} {'body B':>7}"
print(hdr); print("-" * len(hdr))
summary, printed = {}, None
for e in order:
    for s in servers:
        r = rows.get((s, e))
        if not r:
            continue
        rps, p50, p99 = med(r["rps"]), med(r["p50"]), med(r["p99"])
        bs, be = base_of[e]
        base = rows.get((bs, be))
        ratio = f"{rps / med(base['rps']):.2f}" if base and med(base["rps"]) else "-"
        cpu = f"{med(r['cpu']):.0f}%" if r["cpu"] else "-"
        size = body_size(s, e)
        path = paths.get((e, s), {"health": "/health", "page": "/page", "form": "POST /form"}.get(e, ""))
        print(f"{e:<12} {s:<18} {path:<18} {rps:>9.0f} {ratio:>6} {bs:<12} {p50:>7.2f} {p99:>8.2f} {r['err']:>6} {cpu:>5} "
              f"{size if size is not None else '-':>7}")
        summary[(s, e)] = (rps, p99, r["err"])
        printed = e
    if printed == e:
        print()

mb = lambda kb: f"{int(kb) / 1024:.1f} MB" if kb.isdigit() else "?"
peer_rss = {}
kit_table = f"{out}/peers/table.txt"
if os.path.exists(kit_table):
    # the kit prints "%-Ws %-14s %11s %11s  %s" (name, build, idle MB, peak MB, notes); the build text can
    # overflow its 14 columns, so match the two "%.1f" values (or "-") followed by two spaces and the notes
    rss_line = re.compile(r"^(\S+)\s+.*?\s((?:\d+\.\d)|-)\s+((?:\d+\.\d)|-)  (?:\S|$)")
    for line in open(kit_table):
        m = rss_line.match(line.rstrip("\n"))
        if m and m.group(1) in ("hummingbird", "flyingfox", "flyingfox-nodelay", "nginx", name):
            peer_rss[m.group(1)] = (m.group(2), m.group(3))
print(f"{name} memory: idle RSS {mb(rss_idle)}, peak RSS (VmHWM, after every run above) {mb(rss_peak)}, RSS at the end {mb(rss_end)}")
others = ", ".join(f"{s} {v[1]} MB" for s, v in peer_rss.items() if s != name and v[1] != "-")
if others:
    print(f"peers' peak RSS (kit's reading): {others}")
print()

verdicts, missed = [], 0
def check(label, ok, detail):
    global missed
    verdicts.append(f"  [{'ok' if ok else 'MISSED'}] {label}: {detail}")
    missed += 0 if ok else 1
for e in ("health", "page"):
    a, b = summary.get((name, e)), summary.get(("hummingbird", e))
    if a and b:
        check(f"{e}: req/s >= Hummingbird", a[0] >= b[0], f"{a[0]:.0f} vs {b[0]:.0f} ({a[0] / b[0]:.2f}x)")
        check(f"{e}: p99 <= Hummingbird", a[1] <= b[1], f"{a[1]:.2f} ms vs {b[1]:.2f} ms")
a, b = summary.get((name, "static")), summary.get(("nginx-static", "static"))
if a and b:
    check("static: req/s >= 0.5 x nginx", a[0] >= 0.5 * b[0], f"{a[0]:.0f} vs {b[0]:.0f} ({a[0] / b[0]:.2f}x)")
errs = sum(v[2] for (s, _), v in summary.items() if s == name)
check("no errors on accueil", errs == 0, f"{errs} socket errors, timeouts or non-2xx/3xx")
print("targets of the issue (within this run):")
print("\n".join(verdicts))
print()
page_size = os.path.getsize(page_html)
home = body_size(name, "page")
print(f"notes: the 'page' row of {name} is its home page GET / ({home if home is not None else '?'} B), not the kit's "
      f"{page_size} B table page: same route work (render per request), different bytes per response.")
if health_path == "/health":
    print(f"       the 'health' row of {name} is GET /health (JSON + one SQLite read): no plain-text /livez yet.")
else:
    print(f"       'health' = GET {health_path} (plain text, like the peers' /health); 'health-json' = GET /health (JSON + one SQLite read).")
print("       static: the kit's static/page.html, served at /static/page.html by accueil (--public) and by nginx-static "
      "(same settings as the kit's nginx); its ratio is vs nginx-static.")
print("       compare ratios within one run; absolute numbers move by 10-30% between runs on this shared 2-core machine.")
warnings = [w for w in open(f"{out}/.warnings").read().splitlines() if w.strip()]
if warnings:
    print("warnings:"); print("\n".join(f"  - {w}" for w in warnings))
sys.exit(1 if (strict == "1" and missed) else 0)
PY
TABLE_RC=${PIPESTATUS[0]}
log "done in $(( $(date +%s) - T0 ))s; raw output in $OUT_DIR (table.txt, kit-output.txt, peers/, wrk/, logs/)"
[ "$KIT_RC" = 0 ] || exit "$KIT_RC"
exit "$TABLE_RC"
