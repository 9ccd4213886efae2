#!/usr/bin/env bash
# The npm package of the module, from the release builds in www/pkg-full and
# www/pkg (make build: wasm-pack, wasm-opt with wasm-pack.toml's flags,
# esbuild), with wasm-pack's package.json from target/wasm-pack/full: no
# second cargo build.
#
#   scripts/package.sh [OUT]      OUT defaults to target/package
#   REPOSITORY=https://… scripts/package.sh      (make package REPOSITORY=https://…)
#
# Both builds, with clear names:
#   import … from "careto-viz"             the FULL build (careto_viz_full.*, wasm-pack.toml
#                                          [build.full]): the Careto data, reads your own campaign,
#                                          and draws the map (world-110m.bin next to it)
#   import … from "careto-viz/careto-only" the ARTICLE build (careto_viz.*, [build]): the Careto
#                                          data only, smaller; `campaign` throws
# Starts from the full build's wasm-pack package.json, adds the article
# build's files and an `exports` map, sets repository to $REPOSITORY
# (default: Cargo.toml's `repository`), copies README.md and the licences
# into OUT/careto-viz/, and runs `npm pack` there: OUT/careto-viz-<version>.tgz.
# Warns when the repository is the placeholder.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT=${1:-target/package}
FULL_DIR=$(cfg build.full.out_dir)
FULL_NAME=$(cfg build.full.out_name)
ARTICLE_DIR=$(cfg build.out_dir)
ARTICLE_NAME=$(cfg build.out_name)
DETAILS_NAME=$(cfg build.details.out_name)
INTERACT_NAME=$(cfg build.interact.out_name)
# wasm-pack's own package.json, README.md and licences, from the full build's stage.
WASM_PACK_DIR=target/wasm-pack/full
DEFAULT_REPOSITORY=$(cfg package.repository Cargo.toml)
REPOSITORY=${REPOSITORY:-$DEFAULT_REPOSITORY}
PLACEHOLDER_HOST="example.invalid"

for f in package.json README.md LICENSE-MIT LICENSE-APACHE; do
  [ -f "$WASM_PACK_DIR/$f" ] || die "$WASM_PACK_DIR/$f is missing: run make build first (make package does)"
done
# The full build draws the map too: its geometry, fetched from next to it when a map is mounted.
FULL_FILES=("${FULL_NAME}.js" "${FULL_NAME}_bg.wasm" "${FULL_NAME}.d.ts" "${INTERACT_NAME}.js" "world-110m.bin")
ARTICLE_FILES=("${ARTICLE_NAME}.js" "${ARTICLE_NAME}_bg.wasm" "${ARTICLE_NAME}.d.ts")
for lang in $(cfg_list build.details.langs); do ARTICLE_FILES+=("${DETAILS_NAME}_$lang.js" "${DETAILS_NAME}_${lang}_bg.wasm"); done
# The article kernel of each other language (wasm-pack.toml [build].langs:
# the first is ARTICLE_NAME itself), which the first hands its charts in
# that language to.
for lang in $(cfg_list build.langs | tail -n +2); do ARTICLE_FILES+=("${ARTICLE_NAME}_$lang.js" "${ARTICLE_NAME}_${lang}_bg.wasm"); done
for f in "${FULL_FILES[@]}"; do
  [ -f "$FULL_DIR/$f" ] || die "$FULL_DIR/$f is missing: run make build first (make package does)"
done
for f in "${ARTICLE_FILES[@]}"; do
  [ -f "$ARTICLE_DIR/$f" ] || die "$ARTICLE_DIR/$f is missing: run make build first (make package does)"
done
case "$REPOSITORY" in
  https://*) ;;
  *) die "REPOSITORY=$REPOSITORY is not an https:// address" ;;
esac

stage="$OUT/careto-viz"
rm -rf "$stage"
mkdir -p "$stage"
# package.json and the files it lists; npm adds README.md and the LICENSE files itself.
python3 - "$WASM_PACK_DIR/package.json" "$stage/package.json" "$REPOSITORY" "$ARTICLE_NAME" "$INTERACT_NAME" "${ARTICLE_FILES[@]:3}" <<'PY'
import json, sys
src, dst, repository, article, interact, *details = sys.argv[1:]
pkg = json.load(open(src))
pkg["repository"] = {"type": "git", "url": repository}
# wasm-pack's --target web names the ES module only as "main"; bundlers look for "module".
pkg.setdefault("module", pkg["main"])
main = pkg["main"]
stem = main[:-len(".js")]
# The entry points: "." the full build, "./careto-only" the article build.
# The .wasm files are exported too, for bundlers that import them as assets.
pkg["exports"] = {
    ".": {"types": f"./{stem}.d.ts", "default": f"./{main}"},
    "./careto-only": {"types": f"./{article}.d.ts", "default": f"./{article}.js"},
    f"./{stem}_bg.wasm": f"./{stem}_bg.wasm",
    f"./{article}_bg.wasm": f"./{article}_bg.wasm",
    "./world-110m.bin": "./world-110m.bin",
    "./package.json": "./package.json",
}
# The other languages' article kernels' .wasm, exported as the first's is.
import re
for d in details:
    if re.fullmatch(re.escape(article) + r"_[a-z]{2}_bg\.wasm", d):
        pkg["exports"][f"./{d}"] = f"./{d}"
# The files, named here: wasm-pack lists the LICENSE-* files only when an
# earlier build had already left them in its out dir (so not on a fresh
# checkout), and npm adds LICENSE-MIT / LICENSE-APACHE only when listed.
# Each entry loads its lazily loaded parts from next to itself: the
# interaction layer (both builds) and the article build's details module.
pkg["files"] = [stem + "_bg.wasm", main, stem + ".d.ts",
                article + "_bg.wasm", article + ".js", article + ".d.ts",
                *details, interact + ".js", "world-110m.bin",
                "LICENSE-APACHE", "LICENSE-MIT"]
json.dump(pkg, open(dst, "w"), indent=2)
open(dst, "a").write("\n")
PY
for f in README.md LICENSE-MIT LICENSE-APACHE; do
  cp "$WASM_PACK_DIR/$f" "$stage/$f"
done
for f in "${FULL_FILES[@]}"; do
  cp "$FULL_DIR/$f" "$stage/$f"
done
for f in "${ARTICLE_FILES[@]}"; do
  cp "$ARTICLE_DIR/$f" "$stage/$f"
done

tarball=$(cd "$OUT" && npm pack --silent ./careto-viz)
say "wrote $OUT/$tarball ($(stat -c %s "$OUT/$tarball") bytes) from $stage/"
if [[ "$REPOSITORY" == *"$PLACEHOLDER_HOST"* ]]; then
  say "WARNING: package.json's repository is the placeholder $REPOSITORY (Cargo.toml)." >&2
  say "WARNING: do not publish this tarball; give the real address: make package REPOSITORY=https://…" >&2
fi
