#!/usr/bin/env bash
# Fuzz the HTTP request parser with libFuzzer: Fuzz/run.sh [SECONDS]   (make fuzz; FUZZ_SECONDS=600 by default)
#
# Builds Fuzz/bin/parser-fuzzer (HTTPCore sources + Fuzz/ParserFuzzer.swift, one module, ASan + libFuzzer),
# seeds Fuzz/corpus from Fuzz/corpus-seed when empty, fuzzes for SECONDS, then prints a summary.
# Crashing inputs land in Fuzz/artifacts/; replay one with:  Fuzz/bin/parser-fuzzer Fuzz/artifacts/crash-…
# Exit status: 0 when this run found nothing, 1 when it wrote a crash/timeout/oom/leak artifact.
# Extra environment: FUZZ_JOBS=N runs N workers (default 1); FUZZ_STRICT_ERRORS=1 also demands the same status
# whatever the read split; FUZZ_FLAGS adds libFuzzer flags.
set -euo pipefail

seconds=${1:-600}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"
export PATH="$PATH:/opt/swift/usr/bin"

bin=Fuzz/bin/parser-fuzzer
sources=(Sources/HTTPCore/*.swift Fuzz/ParserFuzzer.swift)
mkdir -p Fuzz/bin Fuzz/corpus Fuzz/artifacts

# Rebuild only when a source is newer than the binary.
rebuild=0
if [[ ! -x $bin ]]; then rebuild=1; else
  for f in "${sources[@]}"; do [[ $f -nt $bin ]] && rebuild=1; done
fi
if (( rebuild )); then
  echo "Building $bin …"
  linker=()
  command -v ld.lld >/dev/null 2>&1 && linker=(-use-ld=lld)   # gold prints a page of harmless ASan warnings
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -module-name HTTPCoreFuzz \
    "${linker[@]}" "${sources[@]}" -o "$bin"
fi

if [[ -z $(ls -A Fuzz/corpus) ]]; then cp Fuzz/corpus-seed/* Fuzz/corpus/; fi

before=$(ls -A Fuzz/artifacts | sort)
log=Fuzz/bin/last-run.log
echo "Fuzzing for ${seconds}s (log: $log) …"
status=0
SWIFT_BACKTRACE=enable=no "$bin" -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 -timeout=10 \
  -dict=Fuzz/http.dict -artifact_prefix=Fuzz/artifacts/ ${FUZZ_JOBS:+-fork=$FUZZ_JOBS} ${FUZZ_FLAGS:-} \
  Fuzz/corpus Fuzz/corpus-seed 2>&1 | tee "$log" || status=$?

# Summary from libFuzzer's last status line and final stats.
last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
stat() { grep -oE "stat::$1:[[:space:]]+[0-9]+" "$log" | grep -oE '[0-9]+$' | tail -n 1 || true; }
execs=$(stat number_of_executed_units)
rate=$(stat average_exec_per_sec)
rss=$(stat peak_rss_mb)
cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
corpus=$(ls -A Fuzz/corpus | wc -l)
new=$(comm -13 <(echo "$before") <(ls -A Fuzz/artifacts | sort) | sed '/^$/d' || true)
found=$(sed '/^$/d' <<<"$new" | wc -l)
total=$(ls -A Fuzz/artifacts | wc -l)

echo
echo "Fuzz summary: libFuzzer (budget ${seconds}s) on RequestParser/FormData/Cookies ran ${execs:-?} executions" \
  "(${rate:-?} exec/s, peak RSS ${rss:-?} MB); coverage ${cov:-?} edges, ${ft:-?} features; corpus Fuzz/corpus" \
  "holds ${corpus} inputs; this run found ${found} crash/timeout/oom artifact(s) in Fuzz/artifacts/" \
  "(${total} there in all)${new:+: $(tr '\n' ' ' <<<"$new")}."
git check-ignore -q Fuzz/artifacts/x 2>/dev/null || echo "(Keep Fuzz/artifacts/ out of git: add '/Fuzz/artifacts/' to .gitignore.)"

if (( found > 0 )); then exit 1; fi
if (( status != 0 )); then echo "libFuzzer exited with status $status" >&2; exit "$status"; fi
