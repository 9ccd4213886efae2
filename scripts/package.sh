#!/usr/bin/env bash
# The npm package of the module, from the release build in www/pkg (make build:
# wasm-pack, then wasm-opt with wasm-pack.toml's flags): no second cargo build.
#
#   scripts/package.sh [OUT]      OUT defaults to target/package
#   REPOSITORY=https://… scripts/package.sh      (make package REPOSITORY=https://…)
#
# Copies wasm-pack's package.json and the files it lists (the .js, the
# optimised .wasm, the typed .d.ts), README.md, LICENSE-MIT and LICENSE-APACHE
# into OUT/careto-viz/, sets package.json's repository to $REPOSITORY
# (default: Cargo.toml's `repository`), and runs `npm pack` there:
# OUT/careto-viz-<version>.tgz. Warns when the repository is the placeholder.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT=${1:-target/package}
OUT_DIR=$(cfg build.out_dir)
OUT_NAME=$(cfg build.out_name)
DEFAULT_REPOSITORY=$(cfg package.repository Cargo.toml)
REPOSITORY=${REPOSITORY:-$DEFAULT_REPOSITORY}
PLACEHOLDER_HOST="example.invalid"

for f in package.json "${OUT_NAME}.js" "${OUT_NAME}_bg.wasm" "${OUT_NAME}.d.ts" README.md LICENSE-MIT LICENSE-APACHE; do
  [ -f "$OUT_DIR/$f" ] || die "$OUT_DIR/$f is missing: run make build first (make package does)"
done
case "$REPOSITORY" in
  https://*) ;;
  *) die "REPOSITORY=$REPOSITORY is not an https:// address" ;;
esac

stage="$OUT/careto-viz"
rm -rf "$stage"
mkdir -p "$stage"
# package.json and the files it lists; npm adds README.md and the LICENSE files itself.
python3 - "$OUT_DIR/package.json" "$stage/package.json" "$REPOSITORY" <<'PY'
import json, sys
src, dst, repository = sys.argv[1:]
pkg = json.load(open(src))
pkg["repository"] = {"type": "git", "url": repository}
# wasm-pack's --target web names the ES module only as "main"; bundlers look for "module".
pkg.setdefault("module", pkg["main"])
# The files, named here: wasm-pack lists the LICENSE-* files only when an
# earlier build had already left them in its out dir (so not on a fresh
# checkout), and npm adds LICENSE-MIT / LICENSE-APACHE only when listed.
main = pkg["main"]
stem = main[:-len(".js")]
pkg["files"] = [stem + "_bg.wasm", main, stem + ".d.ts", "LICENSE-APACHE", "LICENSE-MIT"]
json.dump(pkg, open(dst, "w"), indent=2)
open(dst, "a").write("\n")
PY
mapfile -t listed < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["files"]))' "$stage/package.json")
for f in "${listed[@]}" README.md LICENSE-MIT LICENSE-APACHE; do
  cp "$OUT_DIR/$f" "$stage/$f"
done

tarball=$(cd "$OUT" && npm pack --silent ./careto-viz)
say "wrote $OUT/$tarball ($(stat -c %s "$OUT/$tarball") bytes) from $stage/"
if [[ "$REPOSITORY" == *"$PLACEHOLDER_HOST"* ]]; then
  say "WARNING: package.json's repository is the placeholder $REPOSITORY (Cargo.toml)." >&2
  say "WARNING: do not publish this tarball; give the real address: make package REPOSITORY=https://…" >&2
fi
