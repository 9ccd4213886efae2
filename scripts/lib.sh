# Shared helpers for scripts/*.sh. Source it; do not run it.
#
#   . "$(dirname "$0")/lib.sh"
#   cfg tools.wasm_pack            # prints one value from wasm-pack.toml
#   cfg_list build.wasm_opt_flags  # prints a list, one item per line
#
# Sets REPO_ROOT and cds there, puts cargo's bin dir and node_modules/.bin on PATH.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 (3.11+, for tomllib) is needed to read wasm-pack.toml"
python3 -c 'import tomllib' 2>/dev/null || die "python3 has no tomllib: Python 3.11+ is needed to read wasm-pack.toml"

# toml_get scalar|list KEY.PATH [FILE]: one value of a TOML file (default
# wasm-pack.toml): a scalar, or an array printed one item per line.
toml_get() {
  python3 - "$1" "$2" "${3:-wasm-pack.toml}" <<'PY'
import sys, tomllib
kind, key, path = sys.argv[1], sys.argv[2], sys.argv[3]
value = tomllib.load(open(path, "rb"))
for part in key.split("."):
    if not isinstance(value, dict) or part not in value:
        sys.exit(f"{path}: missing key {key}")
    value = value[part]
if kind == "list":
    if not isinstance(value, list):
        sys.exit(f"{path}: {key} is not an array")
    print("\n".join(str(v) for v in value))
else:
    if isinstance(value, (list, dict)):
        sys.exit(f"{path}: {key} is not a scalar")
    print(value)
PY
}

# cfg KEY.PATH [FILE]: one scalar. cfg_list KEY.PATH [FILE]: an array, one item per line.
cfg() { toml_get scalar "$@"; }
cfg_list() { toml_get list "$@"; }

# check_pins: the versions in wasm-pack.toml must agree with Cargo.toml's `=` pin
# of wasm-bindgen, with Cargo.lock (when present) and with package.json. Fails loudly.
check_pins() {
  python3 - <<'PY' || die "version pins disagree (see above); wasm-pack.toml is the one place to change them"
import json, os, sys, tomllib
tools = tomllib.load(open("wasm-pack.toml", "rb"))["tools"]
bad = []
want = tools["wasm_bindgen_cli"]

# Cargo.toml: every wasm-bindgen dependency, wherever it is declared, must be `=want`.
cargo = tomllib.load(open("Cargo.toml", "rb"))
tables = [cargo.get("dependencies", {})]
tables += [t.get("dependencies", {}) for t in cargo.get("target", {}).values()]
found = []
for deps in tables:
    spec = deps.get("wasm-bindgen")
    if spec is None:
        continue
    version = spec if isinstance(spec, str) else spec.get("version", "")
    found.append(version)
    if version.replace(" ", "") != "=" + want:
        bad.append(f'Cargo.toml pins wasm-bindgen = "{version}" but wasm-pack.toml wants wasm_bindgen_cli = "{want}" '
                   f'(Cargo.toml must say "={want}")')
if not found:
    bad.append("Cargo.toml declares no wasm-bindgen dependency")

# Cargo.lock, when it exists, must have resolved exactly that version.
if os.path.exists("Cargo.lock"):
    lock = tomllib.load(open("Cargo.lock", "rb"))
    locked = [p["version"] for p in lock.get("package", []) if p["name"] == "wasm-bindgen"]
    if locked and locked != [want]:
        bad.append(f"Cargo.lock has wasm-bindgen {', '.join(locked)} but wasm-pack.toml wants {want}")

# package.json devDependencies: exact versions, equal to wasm-pack.toml.
pkg = json.load(open("package.json"))
dev = pkg.get("devDependencies", {})
for name, key in (("binaryen", "binaryen_npm"), ("playwright-core", "playwright_core"), ("puppeteer-core", "puppeteer_core")):
    if dev.get(name) != tools[key]:
        bad.append(f'package.json devDependencies["{name}"] is {dev.get(name)!r}, wasm-pack.toml {key} is "{tools[key]}"')
for name, version in dev.items():
    if not version[:1].isdigit():
        bad.append(f'package.json devDependencies["{name}"] = "{version}" is not an exact version')

for line in bad:
    print("  PIN MISMATCH: " + line, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
