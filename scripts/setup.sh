#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh machine or this one.
# Idempotent: each step checks first and skips when the right version is there,
# so a second run takes seconds. Versions come from wasm-pack.toml.
#
#   rust target wasm32-unknown-unknown   rustup
#   the nightly of [build].toolchain     rustup (rust-src, wasm32): release wasm only
#   rustfmt, clippy (make lint)          rustup components
#   wasm-pack, wasm-bindgen-cli,         cargo install, exact versions
#   geckodriver
#   chromium, chromedriver, fonts,       apt-get (Debian packages)
#   firefox-esr, webkit2gtk-driver, xvfb
#   playwright-core, puppeteer-core,     npm ci (package.json / package-lock.json)
#   wasm-opt, esbuild
#
# wasm-opt comes from npm's binaryen only (Debian's package is too old and
# silently breaks the module); see wasm-pack.toml.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

t0=$SECONDS
step_start=$SECONDS
done_step() { say "  ($(( SECONDS - step_start ))s)"; step_start=$SECONDS; }

say "checking version pins (wasm-pack.toml, Cargo.toml, Cargo.lock, package.json)"
check_pins

WASM_PACK=$(cfg tools.wasm_pack)
WASM_BINDGEN=$(cfg tools.wasm_bindgen_cli)
GECKODRIVER=$(cfg tools.geckodriver)
BINARYEN=$(cfg tools.binaryen_npm)
mapfile -t APT_PACKAGES < <(cfg_list apt.packages)
for pkg in "${APT_PACKAGES[@]}"; do
  [ "$pkg" != binaryen ] || die "wasm-pack.toml lists Debian's binaryen under [apt]: its wasm-opt breaks the module; wasm-opt comes from npm"
done

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || die "$tool not found on PATH (the machine's Rust toolchain and Node.js are assumed)"
done

# --- apt packages: started in the background, since cargo install below is CPU-bound.
apt_pid=""
apt_log="$REPO_ROOT/target/setup-apt.log"
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install these by hand: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || die "apt packages missing (${missing[*]}) and not root; install them by hand"
  mkdir -p "$(dirname "$apt_log")"
  say "installing apt packages in the background: ${missing[*]} (log: target/setup-apt.log)"
  (
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  ) >"$apt_log" 2>&1 &
  apt_pid=$!
  # If a later step fails, still let apt-get finish rather than leave it holding dpkg's lock.
  trap '[ -z "$apt_pid" ] || wait "$apt_pid" 2>/dev/null || true' EXIT
else
  say "ok: apt packages ${APT_PACKAGES[*]}"
fi

# --- rustfmt and clippy (make lint)
missing_components=()
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || missing_components+=("$component")
done
if ((${#missing_components[@]})); then
  say "installing rust components: ${missing_components[*]}"
  rustup component add "${missing_components[@]}"
  done_step
else
  say "ok: rust components rustfmt, clippy"
fi

# --- rust target
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "ok: rust target wasm32-unknown-unknown"
else
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
  done_step
fi

# --- the date-pinned nightly for the release wasm builds (std built with the module)
NIGHTLY=$(cfg build.toolchain)
if rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 &&
   rustup +"$NIGHTLY" target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown &&
   rustup +"$NIGHTLY" component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "ok: toolchain $NIGHTLY with rust-src and wasm32-unknown-unknown"
else
  say "installing toolchain $NIGHTLY (minimal, rust-src, wasm32-unknown-unknown)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown
  done_step
fi

# cargo_install CRATE VERSION: exact version; --locked first, then without it
# (the registry here lacks a version that wasm-bindgen-cli 0.2.130's own lock
# file names, so its --locked install fails at once).
cargo_install() {
  local crate=$1 version=$2 err
  err=$(mktemp)
  say "installing $crate $version with cargo install (takes minutes)"
  if ! cargo install --quiet --force --locked "$crate" --version "$version" 2>"$err"; then
    say "cargo install --locked $crate failed ($(grep -m1 '^error' "$err" || tail -n 1 "$err")); retrying without --locked"
    cargo install --quiet --force "$crate" --version "$version"
  fi
  rm -f "$err"
  done_step
}

# --- wasm-pack
have=$(wasm-pack --version 2>/dev/null || true)
if [ "$have" = "wasm-pack $WASM_PACK" ]; then
  say "ok: $have"
else
  [ -n "$have" ] && say "found '$have', want $WASM_PACK"
  cargo_install wasm-pack "$WASM_PACK"
fi

# --- wasm-bindgen-cli (wasm-bindgen and wasm-bindgen-test-runner), exactly the pinned version
have=$(wasm-bindgen --version 2>/dev/null || true)
if [ "$have" = "wasm-bindgen $WASM_BINDGEN" ] && command -v wasm-bindgen-test-runner >/dev/null; then
  say "ok: $have"
else
  [ -n "$have" ] && say "found '$have', want $WASM_BINDGEN"
  cargo_install wasm-bindgen-cli "$WASM_BINDGEN"
fi
have=$(wasm-bindgen --version 2>/dev/null || true)
[ "$have" = "wasm-bindgen $WASM_BINDGEN" ] || die "after install, wasm-bindgen --version says '$have', want $WASM_BINDGEN"

# --- geckodriver (tests/web.rs in Firefox), exactly the pinned version
have=$(geckodriver --version 2>/dev/null | head -n 1 || true)
case "$have" in
  "geckodriver $GECKODRIVER"|"geckodriver $GECKODRIVER "*) say "ok: $have" ;;
  *)
    [ -n "$have" ] && say "found '$have', want geckodriver $GECKODRIVER"
    cargo_install geckodriver "$GECKODRIVER"
    ;;
esac

# --- npm packages (playwright-core, binaryen's wasm-opt). npm ci only when the lock changed.
stamp=node_modules/.careto-setup-stamp
want_stamp="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ] && [ -x node_modules/.bin/wasm-opt ]; then
  say "ok: node_modules matches package-lock.json"
else
  say "installing npm packages: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want_stamp" >"$stamp"
  done_step
fi
have=$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)
case "$have" in
  "wasm-opt version ${BINARYEN%%.*} "*) say "ok: $have (npm binaryen $BINARYEN)" ;;
  *) die "node_modules/.bin/wasm-opt --version says '$have', want binaryen ${BINARYEN%%.*}" ;;
esac
if other=$(type -P -a wasm-opt | grep -v "^$REPO_ROOT/node_modules/" | head -n 1) && [ -n "$other" ]; then
  say "note: another wasm-opt is installed at $other ($("$other" --version 2>/dev/null || true)); the scripts never use it"
fi

# --- wait for apt, then check the browser and its driver agree
if [ -n "$apt_pid" ]; then
  say "waiting for apt-get ..."
  if ! wait "$apt_pid"; then
    tail -n 40 "$apt_log" >&2
    die "apt-get install ${missing[*]} failed (full log: target/setup-apt.log)"
  fi
  say "installed apt packages: ${missing[*]}"
  done_step
fi
CHROMIUM=$(cfg test.chromium)
CHROMEDRIVER=$(cfg test.chromedriver)
[ -x "$CHROMIUM" ] || die "$CHROMIUM not found after installing ${APT_PACKAGES[*]}"
[ -x "$CHROMEDRIVER" ] || die "$CHROMEDRIVER not found after installing ${APT_PACKAGES[*]}"
chromium_version=$("$CHROMIUM" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+){3}' | head -n 1 || true)
driver_version=$("$CHROMEDRIVER" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+){3}' | head -n 1 || true)
[ -n "$chromium_version" ] && [ "$chromium_version" = "$driver_version" ] ||
  die "chromium ($chromium_version) and chromedriver ($driver_version) differ; reinstall both from apt"
say "ok: chromium and chromedriver $chromium_version"
for key in firefox webkit_driver minibrowser; do
  bin=$(cfg "test.$key")
  [ -x "$bin" ] || die "$bin (wasm-pack.toml test.$key) not found after installing ${APT_PACKAGES[*]}"
done
command -v Xvfb >/dev/null || die "Xvfb not found after installing ${APT_PACKAGES[*]}"
say "ok: $("$(cfg test.firefox)" --version 2>/dev/null), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null), Xvfb"

say "setup complete in $(( SECONDS - t0 ))s"
