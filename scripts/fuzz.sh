#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target of fuzz/ for FUZZ_MINUTES minutes
# EACH (default 10), one target after the other, and prints per target the
# runs, executions per second, corpus size and crashes. Any crash fails the
# script (after all targets ran) and names the artifact to reproduce it with.
#
#   FUZZ_MINUTES=10    minutes per target (whole or decimal: 0.5 is 30 s)
#   FUZZ_TARGETS="campaign layout"   only these targets (default: all of `cargo fuzz list`)
#   FUZZ_SANITIZER=none  or `address` (see below)
#
# Works with the stable toolchain alone: cargo-fuzz's default sanitizer
# (AddressSanitizer) needs rustc's `-Zsanitizer`, which stable refuses ("the
# option `Z` is only accepted on the nightly compiler"), so the targets are
# built with `--sanitizer none` (plain libFuzzer with coverage, debug
# assertions and overflow checks). The crate forbids `unsafe`, so ASan would
# find little a panic does not, at about half the speed. FUZZ_SANITIZER=address
# sets RUSTC_BOOTSTRAP=1, with which stable rustc accepts `-Z` and builds and
# runs the ASan variant (checked with rustc 1.95.0 and cargo-fuzz 0.13.2); an
# escape hatch, not the default.
#
# cargo-fuzz itself is installed at the version pinned in wasm-pack.toml
# ([tools] cargo_fuzz) if missing. Corpora grow in fuzz/corpus/<target>/
# (ignored by git), starting from the committed seeds in fuzz/seeds/<target>/;
# crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MINUTES=${FUZZ_MINUTES:-10}
[[ $MINUTES =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "FUZZ_MINUTES=$MINUTES is not a number of minutes"
SECS=$(python3 -c "import sys; print(max(1, round(float(sys.argv[1]) * 60)))" "$MINUTES")

# --- cargo-fuzz, exactly the pinned version
WANT=$(cfg tools.cargo_fuzz)
have=$(cargo fuzz --version 2>/dev/null || true)
if [ "$have" = "cargo-fuzz $WANT" ]; then
  say "ok: $have"
else
  [ -n "$have" ] && say "found '$have', want $WANT"
  say "installing cargo-fuzz $WANT with cargo install (takes a few minutes)"
  cargo install --quiet --force --locked cargo-fuzz --version "$WANT" ||
    cargo install --quiet --force cargo-fuzz --version "$WANT"
  have=$(cargo fuzz --version 2>/dev/null || true)
  [ "$have" = "cargo-fuzz $WANT" ] || die "after install, cargo fuzz --version says '$have', want $WANT"
fi

cd "$REPO_ROOT/fuzz"
SANITIZER=${FUZZ_SANITIZER:-none}
case "$SANITIZER" in
  none) ;;
  address) export RUSTC_BOOTSTRAP=1 ;;
  *) die "FUZZ_SANITIZER=$SANITIZER: use none or address" ;;
esac
FLAGS=(--sanitizer "$SANITIZER")
if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a TARGETS <<<"$FUZZ_TARGETS"
else
  mapfile -t TARGETS < <(cargo fuzz list)
fi
((${#TARGETS[@]})) || die "no fuzz targets (cargo fuzz list is empty)"

say "building ${TARGETS[*]} (release, --sanitizer $SANITIZER)"
for t in "${TARGETS[@]}"; do
  cargo fuzz build "${FLAGS[@]}" "$t"
done

mkdir -p target/logs
summary=()
failed=()
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t" "seeds/$t"
  before=$(find "artifacts/$t" -type f | sort)
  log="target/logs/$t.log"
  say "fuzzing $t for $MINUTES min ($SECS s); log: fuzz/$log"
  status=0
  # Corpus first (new inputs are written there), then the committed seeds.
  cargo fuzz run "${FLAGS[@]}" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECS" -timeout=30 -print_final_stats=1 >"$log" 2>&1 || status=$?
  after=$(find "artifacts/$t" -type f | sort)
  new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d' || true)
  crashes=$(printf '%s' "$new" | grep -c . || true)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    tail -n 30 "$log" >&2
    die "cargo fuzz run $t failed (status $status) without leaving an artifact; see fuzz/$log"
  fi
  # libFuzzer's last status line ("#N ... corp: N/size ... exec/s: N") and final stats.
  runs=$(grep -oP '^stat::number_of_executed_units: \K[0-9]+' "$log" | tail -n 1 || true)
  [ -n "$runs" ] || runs=$(grep -oP '^#\K[0-9]+' "$log" | tail -n 1 || echo 0)
  rate=$(grep -oP '^stat::average_exec_per_sec: \K[0-9]+' "$log" | tail -n 1 || true)
  [ -n "$rate" ] || rate=$(grep -oP 'exec/s: \K[0-9]+' "$log" | tail -n 1 || echo 0)
  cov=$(grep -oP '^#[0-9]+.*\bcov: \K[0-9]+' "$log" | tail -n 1 || echo "?")
  corpus=$(find "corpus/$t" -type f | wc -l)
  summary+=("$(printf '%-10s runs %10s   exec/s %6s   cov %6s   corpus %5s files   crashes %s' "$t" "$runs" "$rate" "$cov" "$corpus" "$crashes")")
  if [ "$crashes" -gt 0 ]; then
    grep -m 3 -E 'panicked at|^==[0-9]+== ERROR|deadly signal|timeout after' "$log" >&2 || true
    while read -r artifact; do
      failed+=("$t: fuzz/$artifact   (reproduce: cd fuzz && cargo fuzz run --sanitizer $SANITIZER $t $artifact)")
    done <<<"$new"
  fi
done

say "fuzzing done, $MINUTES min per target:"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]})); then
  say "CRASHES (inputs kept; fix the library, add a tests/*.rs regression test and copy the input into fuzz/seeds/<target>/):"
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
