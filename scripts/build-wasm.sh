#!/usr/bin/env bash
# Release builds of the wasm modules: six builds of the one crate
# (wasm-pack.toml [build], [build.map], [build.profile], [build.details],
# [build.profile_details], [build.full]) and
# the shell's lazily loaded interaction layer ([build.interact]):
#   article  www/pkg/careto_viz.{js,_bg.wasm}: the drawing kernel with The
#            Mask (Careto) compiled in, bundled with the first-paint shell,
#            in English; www/pkg/careto_viz_es.{js,_bg.wasm} the same in
#            Spanish (one language each: build.rs, cfg careto_lang)
#   map      www/pkg/careto_viz_map{,_es}.{js,_bg.wasm}: the same with the
#            map (for map charts only), and its geometry www/pkg/world-110m.bin
#   profile  www/pkg/careto_viz_profile{,_es}.{js,_bg.wasm}: the same with
#            the profile (for profile charts only)
#   details  www/pkg/careto_viz_details_<lang>.{js,_bg.wasm}: the article's
#            details module of each language (the words of the bars', the
#            timeline's and the map's tooltips, table and CSV, written as
#            JSON by careto-details first), loaded after the first frame; and
#            www/pkg/careto_viz_profile_details_<lang>.{js,_bg.wasm}, the
#            profile's ([build.profile_details]), loaded by the profile
#            build's shell only
#   full     www/pkg-full/careto_viz_full.{js,_bg.wasm}: kernel and details in
#            one module, which also reads a newsroom's own campaign and draws
#            the map (www/pkg-full/world-110m.bin)
#   interact careto_viz_interact.js in both out dirs: the interaction layer
# For each wasm build:
#   1. wasm-pack build --release --target web --mode no-install into
#      target/wasm-pack/<build>/, with the pinned toolchain, RUSTFLAGS and
#      cargo arguments of wasm-pack.toml [build] (std built with the module)
#   2. npm binaryen's wasm-opt with [build].wasm_opt_flags into the out dir
#   3. scripts/short-names.mjs and scripts/lean-glue.mjs on the glue, then
#      esbuild: the build's entry (src/web/shell/*.js) bundled with the
#      wasm-bindgen glue and minified into the out dir
# then the hand-written types (src/web/shell/careto_viz.d.ts) next to each
# entry, and the gzip -9 sizes. Settings: wasm-pack.toml; tools:
# scripts/setup.sh (`make setup`).
#
#   scripts/build-wasm.sh                     every build
#   BUILDS="article details" scripts/build-wasm.sh   some, for a quick look
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check_pins
TARGET=$(cfg build.target)
TOOLCHAIN=$(cfg build.toolchain)
mapfile -t WASM_OPT_FLAGS < <(cfg_list build.wasm_opt_flags)
mapfile -t RUST_FLAGS < <(cfg_list build.rustflags)
mapfile -t CARGO_ARGS < <(cfg_list build.cargo_args)
WASM_OPT="$REPO_ROOT/node_modules/.bin/wasm-opt"
ESBUILD="$REPO_ROOT/node_modules/.bin/esbuild"
BUILDS=${BUILDS:-article map profile details full}
STAGE="$REPO_ROOT/target/wasm-pack"

command -v wasm-pack >/dev/null || die "wasm-pack not found: run scripts/setup.sh (make setup)"
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found: run scripts/setup.sh (make setup)"
[ -x "$ESBUILD" ] || die "$ESBUILD not found: run scripts/setup.sh (make setup)"
rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1 || die "toolchain $TOOLCHAIN is not installed: run scripts/setup.sh (make setup)"

# The charts' stylesheets, minified once: the shell and the interaction layer import them as text.
mkdir -p "$STAGE"
"$ESBUILD" src/web/shell/chart.css --minify --log-level=warning --outfile="$STAGE/chart.css"
"$ESBUILD" src/web/shell/interact.css --minify --log-level=warning --outfile="$STAGE/interact.css"
"$ESBUILD" src/web/shell/world.css --minify --log-level=warning --outfile="$STAGE/world.css"

sizes() {
  local f
  for f in "$@"; do
    printf '%-48s %9d %9d\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
  done
}

# build_one NAME SECTION [LANG [SUFFIX]]: one wasm build, as wasm-pack.toml's
# SECTION says; LANG names the one language a details module or a drawing
# kernel holds, and its file stem is out_name_LANG (SUFFIX: "" for a drawing
# kernel of the first language, which keeps out_name).
build_one() {
  local name=$1 section=$2 lang=${3:-} t0=$SECONDS
  local suffix=${4-${lang:+_$lang}}
  local out_dir out_name entry features
  out_dir=$(cfg "$section.out_dir")
  out_name=$(cfg "$section.out_name")$suffix
  entry=$(cfg "$section.entry")
  features=$(cfg_list "$section.features" | paste -sd, -)
  # The file stem of the details modules its shell loads (a drawing
  # kernel's section names them: `details_modules`), compiled in as a constant.
  local details_stem="" details_section
  if details_section=$(cfg "$section.details_modules" 2>/dev/null); then details_stem=$(cfg "build.$details_section.out_name"); fi
  local stage="$STAGE/$name${lang:+-$lang}"
  local args=("${CARGO_ARGS[@]}")
  [ -n "$features" ] && args+=(--features "$features")
  local env=()
  if [ "$name" = details ] || [ "$name" = profile-details ]; then
    # The words it compiles in, written by the same Rust code natively:
    # the article's views' (--out) or the profile's (--profile).
    local part=--out
    [ "$name" = profile-details ] && part=--profile
    cargo run --release --quiet --bin careto-details -- --lang "$lang" "$part" "$STAGE/$name-$lang.json"
    env=(CARETO_DETAILS_JSON="$STAGE/$name-$lang.json")
  elif [ -n "$lang" ]; then
    # A drawing kernel of one language (build.rs: cfg careto_lang), with
    # its views' summaries written natively (build.rs: cfg careto_summaries).
    cargo run --release --quiet --bin careto-details -- --lang "$lang" --summaries "$STAGE/summaries-$lang.rs"
    env=(CARETO_LANG="$lang" CARETO_SUMMARIES="$STAGE/summaries-$lang.rs")
  fi
  say "$name: wasm-pack build ($TOOLCHAIN) --out-name $out_name -- ${args[*]}"
  rm -rf "$stage"
  # Also writes wasm-pack's package.json and copies README.md and the
  # LICENSE files: scripts/package.sh packs them with the optimised wasm.
  env "${env[@]}" RUSTUP_TOOLCHAIN="$TOOLCHAIN" RUSTFLAGS="${RUST_FLAGS[*]}" \
    wasm-pack --quiet build . --release --target "$TARGET" --mode no-install \
    --out-dir "$stage" --out-name "$out_name" -- "${args[@]}"
  local wasm="$stage/${out_name}_bg.wasm" glue="$stage/${out_name}.js"
  [ -f "$wasm" ] && [ -f "$glue" ] || die "wasm-pack did not produce $wasm and $glue"
  # No f64 formatting in the builds wasm-pack.toml names (about 10 KB raw,
  # 6 KB gzip): cargo's module, before wasm-bindgen and wasm-opt, still
  # has its symbol names to look in.
  if [ "$(cfg_list build.without_f64_formatting | grep -cx "$name")" = 1 ]; then
    local raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/careto_viz.wasm"
    grep -aq 10careto_viz "$raw" || die "$name: cannot look for f64 formatting: no symbol names in $raw"
    if grep -aq -e 3fmt5float -e 7flt2dec "$raw"; then
      die "$name: the module links f64 formatting (<f64 as Display> or Debug, core::fmt::float), which [build].without_f64_formatting in wasm-pack.toml rules out: format with integers, or let JS print the number (src/web/options.rs, width)"
    fi
  fi
  mkdir -p "$out_dir"
  "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$wasm" -o "$out_dir/${out_name}_bg.wasm"
  say "$name: wasm-opt: $(stat -c %s "$wasm") -> $(stat -c %s "$out_dir/${out_name}_bg.wasm") bytes"
  # Module and glue call each other by one- or two-letter names, not
  # wasm-bindgen's hashed ones (scripts/short-names.mjs: about 1.3 KB gzip
  # less in the wasm, more in the glue).
  node scripts/short-names.mjs "$out_dir/${out_name}_bg.wasm" "$glue" "$out_dir/${out_name}_bg.wasm" "$stage/${out_name}.short.js" >/dev/null
  glue="$stage/${out_name}.short.js"
  # Its loading code without what no caller here uses (scripts/lean-glue.mjs:
  # about 300 B gzip less of every build's script).
  node scripts/lean-glue.mjs "$glue" "$stage/${out_name}.lean.js"
  glue="$stage/${out_name}.lean.js"
  # The entry and the glue in one minified ES module; the lazily loaded
  # parts (./careto_viz_*.js next to it) stay separate files.
  "$ESBUILD" "$entry" --bundle --format=esm --minify --log-level=warning \
    --alias:careto-viz-wasm="$glue" --alias:careto-viz-css="$STAGE/chart.css" \
    --alias:careto-viz-world-css="$STAGE/world.css" --loader:.css=text \
    --external:'./careto_viz*.js' \
    --define:CARETO_LANG="\"${lang:-}\"" \
    --define:CARETO_DETAILS="\"$details_stem\"" \
    --outfile="$out_dir/${out_name}.js"
  # The map's geometry next to a build that draws maps (fetched, never compiled in).
  # (grep reads the whole list: with -q it would stop at the match, and under
  # pipefail the writer's broken pipe would fail the test.)
  if [ "$(cfg_list "$section.features" | grep -cx map)" = 1 ]; then
    cp "$(cfg build.map.geometry)" "$out_dir/world-110m.bin"
  fi
  if [ "$(cfg "$section.types")" = "True" ]; then  # python prints TOML booleans as True/False
    if [ "$(cfg_list "$section.features" | grep -cx custom-campaign)" = 1 ]; then
      sed -e '/\/\/ full build only {/d' -e '/\/\/ } full build only/d' src/web/shell/careto_viz.d.ts > "$out_dir/${out_name}.d.ts"
    else
      # A build without the campaign reader: its types have no `campaign` option.
      sed -e '/\/\/ full build only {/,/\/\/ } full build only/d' src/web/shell/careto_viz.d.ts > "$out_dir/${out_name}.d.ts"
    fi
  fi
  say "$name: built in $(( SECONDS - t0 ))s"
}

# build_kernels NAME SECTION: a drawing kernel once per language of
# wasm-pack.toml's [build].langs, each with only its own words compiled in:
# the first under the section's out_name, the others under out_name_<lang>.
build_kernels() {
  local first=1 lang
  for lang in $(cfg_list build.langs); do
    if [ $first = 1 ]; then build_one "$1" "$2" "$lang" ""; else build_one "$1" "$2" "$lang"; fi
    first=0
  done
}

t0=$SECONDS
for b in $BUILDS; do
  case "$b" in
    article) build_kernels article build ;;
    map) build_kernels map build.map ;;
    profile) build_kernels profile build.profile ;;
    details)
      for lang in $(cfg_list build.details.langs); do build_one details build.details "$lang"; done
      for lang in $(cfg_list build.profile_details.langs); do build_one profile-details build.profile_details "$lang"; done ;;
    full) build_one full build.full ;;
    *) die "BUILDS: unknown build \"$b\" (article, map, profile, details, full)" ;;
  esac
done

# The interaction layer, one file for both builds.
interact_name=$(cfg build.interact.out_name)
for dir in "$(cfg build.out_dir)" "$(cfg build.full.out_dir)"; do
  mkdir -p "$dir"
  "$ESBUILD" "$(cfg build.interact.entry)" --bundle --format=esm --minify --log-level=warning \
    --alias:careto-viz-interact-css="$STAGE/interact.css" --loader:.css=text --outfile="$dir/$interact_name.js"
done

a=$(cfg build.out_dir)
printf '%-48s %9s %9s\n' "file" "bytes" "gzip -9"
for f in "$a"/*.js "$a"/*.wasm "$a"/*.bin "$(cfg build.full.out_dir)"/*.js "$(cfg build.full.out_dir)"/*.wasm; do
  [ -f "$f" ] && sizes "$f"
done
say "built ($BUILDS) in $(( SECONDS - t0 ))s"
