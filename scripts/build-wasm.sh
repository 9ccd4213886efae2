#!/usr/bin/env bash
# Release builds of the wasm module, two variants of the one crate
# (wasm-pack.toml [build] and [build.full]):
#   article  <build.out_dir>/<build.out_name>*: The Mask (Careto) compiled in, no
#            campaign reader (what the article's pages load; the byte budget)
#   full     <build.full.out_dir>/<build.full.out_name>*: with the Cargo features
#            <build.full.features> (reads a newsroom's own campaign)
# For each:
#   1. wasm-pack build --release --target <build.target> --mode no-install --out-dir … --out-name … [-- --features …]
#   2. npm binaryen's wasm-opt with <build.wasm_opt_flags> on the .wasm
#   3. raw and gzip -9 sizes of the .wasm and .js
# (and wasm-pack's package.json, README.md, LICENSE-* for scripts/package.sh)
# Settings come from wasm-pack.toml; tools from scripts/setup.sh (`make setup`).
#
#   scripts/build-wasm.sh              both builds
#   BUILDS=article scripts/build-wasm.sh   (or full) only one, for a quick look
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check_pins
TARGET=$(cfg build.target)
mapfile -t WASM_OPT_FLAGS < <(cfg_list build.wasm_opt_flags)
WASM_OPT="$REPO_ROOT/node_modules/.bin/wasm-opt"
BUILDS=${BUILDS:-article full}

command -v wasm-pack >/dev/null || die "wasm-pack not found: run scripts/setup.sh (make setup)"
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found: run scripts/setup.sh (make setup)"

# build_one NAME OUT_DIR OUT_NAME [FEATURE…]: prints the gzip total of .wasm + .js last.
build_one() {
  local name=$1 out_dir=$2 out_name=$3
  shift 3
  local cargo_args=()
  (($# > 0)) && cargo_args=(-- --features "$(IFS=,; echo "$*")")
  local t0=$SECONDS
  say "$name: wasm-pack build --release --target $TARGET --mode no-install --out-dir $out_dir --out-name $out_name ${cargo_args[*]}"
  # Also writes wasm-pack's package.json and copies README.md and the LICENSE
  # files: scripts/package.sh (make package) packs them with the optimised wasm.
  wasm-pack --quiet build . --release --target "$TARGET" --mode no-install \
    --out-dir "$out_dir" --out-name "$out_name" "${cargo_args[@]}"
  local t1=$SECONDS
  local wasm="$out_dir/${out_name}_bg.wasm" js="$out_dir/${out_name}.js"
  [ -f "$wasm" ] && [ -f "$js" ] || die "wasm-pack did not produce $wasm and $js"
  local before
  before=$(stat -c %s "$wasm")
  say "$name: wasm-opt ${WASM_OPT_FLAGS[*]}"
  "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  say "$name: wasm-opt: $before -> $(stat -c %s "$wasm") bytes ($(( SECONDS - t1 ))s)"

  local total_raw=0 total_gz=0 f raw gz
  printf '%-40s %10s %12s\n' "file" "bytes" "gzip -9"
  for f in "$wasm" "$js"; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9c "$f" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
    printf '%-40s %10d %12d\n' "$f" "$raw" "$gz"
  done
  printf '%-40s %10d %12d\n' "total" "$total_raw" "$total_gz"
  say "$name: built in $(( SECONDS - t0 ))s"
  LAST_GZ=$total_gz
}

t0=$SECONDS
for b in $BUILDS; do
  case "$b" in
    article)
      build_one article "$(cfg build.out_dir)" "$(cfg build.out_name)"
      # The budget is the article's: what a reader of the Careto charts downloads.
      budget=$(cfg build.size_budget_gzip)
      if ((LAST_GZ > budget)); then
        say "WARNING: article build: gzip total $LAST_GZ bytes is over the budget of $budget (wasm-pack.toml build.size_budget_gzip)"
      else
        say "article build: gzip total $LAST_GZ bytes, within the budget of $budget"
      fi
      ;;
    full)
      mapfile -t features < <(cfg_list build.full.features)
      build_one full "$(cfg build.full.out_dir)" "$(cfg build.full.out_name)" "${features[@]}"
      ;;
    *) die "BUILDS: unknown build \"$b\" (article, full)" ;;
  esac
done
say "built ($BUILDS) in $(( SECONDS - t0 ))s"
