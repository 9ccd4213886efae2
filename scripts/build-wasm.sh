#!/usr/bin/env bash
# Release build of the wasm module for the page:
#   1. wasm-pack build --release --target <build.target> --mode no-install --out-dir <build.out_dir>
#   2. npm binaryen's wasm-opt with <build.wasm_opt_flags> on the .wasm
#   3. raw and gzip -9 sizes of the .wasm and .js
# (and wasm-pack's package.json, README.md, LICENSE-* for scripts/package.sh)
# Settings come from wasm-pack.toml; tools from scripts/setup.sh (`make setup`).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check_pins
TARGET=$(cfg build.target)
OUT_DIR=$(cfg build.out_dir)
OUT_NAME=$(cfg build.out_name)
mapfile -t WASM_OPT_FLAGS < <(cfg_list build.wasm_opt_flags)
WASM_OPT="$REPO_ROOT/node_modules/.bin/wasm-opt"

command -v wasm-pack >/dev/null || die "wasm-pack not found: run scripts/setup.sh (make setup)"
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found: run scripts/setup.sh (make setup)"

t0=$SECONDS
say "wasm-pack build --release --target $TARGET --mode no-install --out-dir $OUT_DIR"
# Also writes wasm-pack's package.json and copies README.md and the LICENSE
# files: scripts/package.sh (make package) packs them with the optimised wasm.
wasm-pack --quiet build . --release --target "$TARGET" --mode no-install \
  --out-dir "$OUT_DIR" --out-name "$OUT_NAME"
t1=$SECONDS

wasm="$OUT_DIR/${OUT_NAME}_bg.wasm"
js="$OUT_DIR/${OUT_NAME}.js"
[ -f "$wasm" ] && [ -f "$js" ] || die "wasm-pack did not produce $wasm and $js"
before=$(stat -c %s "$wasm")
say "wasm-opt ${WASM_OPT_FLAGS[*]}"
"$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
say "wasm-opt: $before -> $(stat -c %s "$wasm") bytes ($(( SECONDS - t1 ))s)"

total_raw=0 total_gz=0
printf '%-40s %10s %12s\n' "file" "bytes" "gzip -9"
for f in "$wasm" "$js"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-40s %10d %12d\n' "$f" "$raw" "$gz"
done
printf '%-40s %10d %12d\n' "total" "$total_raw" "$total_gz"
budget=$(cfg build.size_budget_gzip)
if ((total_gz > budget)); then
  say "WARNING: gzip total $total_gz bytes is over the budget of $budget (wasm-pack.toml build.size_budget_gzip)"
else
  say "gzip total $total_gz bytes, within the budget of $budget"
fi
say "built in $(( SECONDS - t0 ))s"
