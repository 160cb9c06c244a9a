#!/usr/bin/env bash
# Tests/scan/run.sh — hostile-input scanners against a fresh local instance, signed in:
#   wapiti (sql, xss, exec, file, redirect, permanentxss, cookieflags, csp, http_headers, csrf)
#   sqlmap (every GET parameter of the search, audit and data-protection pages; POST forms crawled)
# Findings go to test-output/scan/; record them in docs/security.md. Loopback only, bounded in time.
# The scanners live in their own venv (SCAN_VENV, default /tmp/venv-scan: wapiti pins versions that
# clash with the browser tests' venv): python3 -m venv /tmp/venv-scan && /tmp/venv-scan/bin/pip install wapiti3 sqlmap
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
VENV=${SCAN_VENV:-/tmp/venv-scan}
BIN=${ACCUEIL_BIN:-$ROOT/.build/debug/accueil}
OUT="$ROOT/test-output/scan"
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/accueil-scan.XXXXXX)
"$BIN" serve --port 0 --quiet --db "$WORK/scan.sqlite" --resources Resources --public Public 2> "$WORK/server.log" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q "http://" "$WORK/server.log" && break; sleep 0.1; done
PORT=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/server.log" | head -1 | cut -d: -f3)
BASE="http://127.0.0.1:$PORT"
echo "server on $BASE"

# A signed-in session cookie for LOGIN (the login form needs its double-submit CSRF cookie first).
cookie() {
  local jar="$WORK/$1.jar"
  local csrf
  csrf=$(curl -s -c "$jar" "$BASE/connexion" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "identifiant=$1" --data-urlencode "mot_de_passe=$2" --data-urlencode "_csrf=$csrf" "$BASE/connexion"
  awk '$6 ~ /accueil_session|__Host-accueil_session/ {print $6"="$7}' "$jar" | head -1
}
AGENT=$(cookie agent demo-agent-accueil)
ADMIN=$(cookie admin demo-administrateur-comptes)
[ -n "$AGENT" ] && [ -n "$ADMIN" ] || { echo "login failed"; cat "$WORK"/*.jar; exit 1; }

# Some data to look at: one intake through the form.
CSRF=$(curl -s -H "Cookie: $AGENT" "$BASE/accueils/nouveau" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -H "Cookie: $AGENT" --data "_csrf=$CSRF&date=$(date +%F)&heure=10:30&site=ccas-cite-municipale&canal=sur_place&niveau=1&nom=Durand&prenom=Elodie&adultes=1&secteur=bastide&motifs=logement&consentement_orientation=1" "$BASE/accueils"

# Order matters: sqlmap --forms submits the logout form (ends the agent's session) and wapiti,
# fuzzing the admin forms, disables accounts (the agent's included). So: wapiti agent, sqlmap, wapiti admin.
echo "== wapiti (agent session)"
HOME="$WORK/home" timeout 600 "$VENV/bin/wapiti" -u "$BASE/" --scope folder \
  -m sql,xss,exec,file,redirect,permanentxss,cookieflags,csp,http_headers,csrf \
  -C "$AGENT" -x "$BASE/deconnexion" -x "$BASE/mon-compte/mot-de-passe" --flush-session --max-scan-time 240 -f txt -o "$OUT/wapiti-agent.txt" > "$OUT/wapiti-agent.log" 2>&1 || true
echo "== sqlmap"
: > "$OUT/sqlmap.txt"
CSRF_AGENT=$(curl -s -H "Cookie: $AGENT" "$BASE/accueils/nouveau" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
HOME="$WORK/home" TERM=dumb timeout 300 "$VENV/bin/sqlmap" -u "$BASE/personnes/suggestions" --data "nom=dur&prenom=e&_csrf=$CSRF_AGENT" -p nom,prenom \
  --cookie "$AGENT" --batch --dbms=sqlite --level 2 --output-dir="$WORK/sqlmap" 2>&1 \
  | grep -E "might be injectable|is vulnerable|not injectable|all tested parameters|WARNING|CRITICAL" >> "$OUT/sqlmap.txt" || true
for target in "$BASE/admin/journal?personne=1&compte=agent&action=x|$ADMIN" \
              "$BASE/admin/donnees/droits?dossier=1|$ADMIN" "$BASE/personnes/1|$AGENT"; do
  url=${target%%|*}; sess=${target##*|}
  HOME="$WORK/home" TERM=dumb timeout 300 "$VENV/bin/sqlmap" -u "$url" --cookie "$sess" --batch --dbms=sqlite --level 2 --risk 1 \
    --output-dir="$WORK/sqlmap" 2>&1 | grep -E "might be injectable|is vulnerable|not injectable|all tested parameters|WARNING|CRITICAL" >> "$OUT/sqlmap.txt" || true
done
HOME="$WORK/home" TERM=dumb timeout 400 "$VENV/bin/sqlmap" -u "$BASE/accueils/nouveau" --cookie "$AGENT" --forms --batch --dbms=sqlite \
  --output-dir="$WORK/sqlmap" 2>&1 | grep -E "might be injectable|is vulnerable|not injectable|all tested parameters|WARNING|CRITICAL" >> "$OUT/sqlmap.txt" || true
echo "== wapiti (admin session)"
HOME="$WORK/home" timeout 600 "$VENV/bin/wapiti" -u "$BASE/" --scope folder \
  -m sql,xss,exec,file,redirect,permanentxss,csrf \
  -C "$ADMIN" -x "$BASE/deconnexion" -x "$BASE/mon-compte/mot-de-passe" --flush-session --max-scan-time 180 -f txt -o "$OUT/wapiti-admin.txt" > "$OUT/wapiti-admin.log" 2>&1 || true

echo "== results in $OUT"
grep -hE "^(Vulnerability|Anomaly|Additional)|found|Content Security|cookie" "$OUT"/wapiti-*.txt | sort | uniq -c | head -40 || true
cat "$OUT/sqlmap.txt"
