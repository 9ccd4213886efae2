# careto-viz: build, demo and tests. Every target works on a fresh machine:
# each one that needs tools runs scripts/setup.sh first (quick when all is there).
# Versions and build flags: wasm-pack.toml.
#
#   make setup        install the toolchain pieces (idempotent)
#   make build        release wasm builds (wasm-opt, esbuild): www/pkg (article: kernel, details, interaction layer) and www/pkg-full (full);
#                     the height-reserving stylesheets www/careto-viz.css and www/sample-campaign.css
#   make demo         build, then serve www/ at http://127.0.0.1:$(PORT)/
#   make test         format and lints, native tests, browser (wasm-bindgen-test) tests, release build, page tests
#   make lint         cargo fmt --check (crate and fuzz/), clippy -D warnings (native, and wasm32 for each build and the map feature)
#   make site SITE_URL=https://…/careto   build, then copy the static site into dist/ (SVG fallbacks and PNG social cards in dist/img;
#                     SITE_URL: where dist/ will be served, for the cards' absolute og:image URLs; SITE_URL= for relative ones)
#   make screenshots  build, then refresh docs/img/page.png, docs/img/map.png and docs/img/map-phone.png from the page tests
#   make package      build, then the npm package: target/package/careto-viz-<version>.tgz (REPOSITORY=https://…)
#   make geo          rewrite data/world-110m.bin (the map's geometry) from npm world-atlas (tests/geometry.rs checks it)
#   make bench        build, then benchmark against Chart.js and at scale: bench/results/latest.md (~7 min: 40 cold loads of each page)
#   make fuzz         cargo-fuzz targets (campaign, layout) for FUZZ_MINUTES (10) minutes EACH, in turn; a crash fails it
#   make clean        remove build outputs

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

toml = $(shell python3 -c 'import tomllib,sys; v=tomllib.load(open("wasm-pack.toml","rb")); [v:=v[k] for k in sys.argv[1].split(".")]; print(v)' $(1))
OUT_DIR := $(call toml,build.out_dir)
OUT_NAME := $(call toml,build.out_name)
CHROMEDRIVER := $(call toml,test.chromedriver)
GECKODRIVER := $(HOME)/.cargo/bin/geckodriver
WASM := $(OUT_DIR)/$(OUT_NAME)_bg.wasm
JS := $(OUT_DIR)/$(OUT_NAME).js
# The full build (reads a newsroom's own campaign): wasm-pack.toml [build.full].
FULL_OUT_DIR := $(call toml,build.full.out_dir)
FULL_OUT_NAME := $(call toml,build.full.out_name)
FULL_FEATURES := $(shell python3 -c 'import tomllib; print(",".join(tomllib.load(open("wasm-pack.toml","rb"))["build"]["full"]["features"]))')

.PHONY: help setup build demo test lint test-native test-wasm test-page site site-url screenshots package clean geo

help:
	@sed -n 's/^#   //p' Makefile

setup:
	scripts/setup.sh

build: setup
	scripts/build-wasm.sh
	$(MAKE) --no-print-directory reserve

# The stylesheets that reserve each chart's height before it draws (no layout
# shift), from the layout code (src/bin/careto-reserve.rs): The Mask's, and
# the invented sample campaign's for its placeholders. Committed (the pages of
# www/ link them); tests/reserve_css.rs checks that they are up to date.
.PHONY: reserve
reserve:
	cargo run --release --quiet --bin careto-reserve -- --out www/careto-viz.css
	cargo run --release --quiet --bin careto-reserve -- --map --out www/careto-viz-map.css
	cargo run --release --quiet --bin careto-reserve -- --profile --out www/careto-viz-profile.css
	cargo run --release --quiet --bin careto-reserve -- --campaign www/sample-campaign.json \
	  --for '[data-campaign-src$$="sample-campaign.json"]' --out www/sample-campaign.css

demo: build
	@echo "Demo page: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	PORT=$(PORT) QUIET=1 node scripts/serve.mjs www

test: lint test-native test-wasm test-page

# Format (rustfmt.toml) and lints (Cargo.toml [lints]), warnings as errors:
# native with every target (lib, bin, tests, examples), then the wasm32
# module as each build compiles it (article: no features, in both languages
# and in each alone as scripts/build-wasm.sh builds it, CARETO_LANG, and its details
# module; full: custom-campaign; and with the map feature, which no page
# loads yet but must keep compiling) and tests/web.rs with its test-hooks,
# for both builds.
# fuzz/ is its own workspace: formatted here, linted where tests/fuzz_seeds.rs
# includes its checks.
lint: setup
	cargo fmt --check
	cd fuzz && cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
	CARETO_LANG=en cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
	CARETO_LANG=es cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features details -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features $(FULL_FEATURES) -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features map -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features profile -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --tests --features test-hooks -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --tests --features test-hooks,$(FULL_FEATURES) -- -D warnings

test-native: setup
	cargo test

# Only tests/web.rs runs in the browser: the other test targets are native
# (they may read files, which wasm32 cannot). It runs twice in Chromium, once per build:
# the article build (no features: refuses `campaign`, clearly) and the full
# build (the campaign catalogue of good and bad input); the tests common to
# both run in both; then the full build (all of the tests) once more in
# Firefox ESR through geckodriver. All enable the test-hooks feature (Chart::fail_next_draw),
# which Cargo.toml requires for tests/web.rs and no shipped build has.
test-wasm: setup
	@if [ -f tests/web.rs ]; then \
	  set -x; \
	  wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) --mode no-install -- --test web --features test-hooks; \
	  wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) --mode no-install -- --test web --features test-hooks,$(FULL_FEATURES); \
	  wasm-pack test --headless --firefox --geckodriver $(GECKODRIVER) --mode no-install -- --test web --features test-hooks,$(FULL_FEATURES); \
	else \
	  echo "test-wasm: no tests/web.rs yet, nothing to run in the browser"; \
	fi

# The embed and guest tests (tests/page/embed.test.mjs, guest.test.mjs) load the pages of dist/,
# so they need `make site`; leaks.test.mjs runs 10,000 redraws and 1,000 mounts (~40-60 s).
# The address `make test` builds dist/ for: the cards' URLs are made from it
# (nothing is fetched from it; tests/page/cards.test.mjs checks them).
TEST_SITE_URL := http://127.0.0.1:8080/careto-viz
test-page: SITE_URL = $(TEST_SITE_URL)
# heavy.test.mjs counts the main thread's long tasks (over 50 ms) of the
# largest campaign: run alone after the others, not beside a dozen browsers
# that share the machine's cores with it (issue 13.3).
TIMED_PAGE_TESTS := tests/page/heavy.test.mjs
test-page: site
	SITE_URL='$(SITE_URL)' node --test $(filter-out $(TIMED_PAGE_TESTS),$(wildcard tests/page/*.test.mjs))
	SITE_URL='$(SITE_URL)' node --test $(TIMED_PAGE_TESTS)

# The static images (noscript fallbacks, feeds, social cards): every view x language x theme.
SITE_VIEWS := bars timeline profile map
SITE_LANGS := en es
SITE_THEMES := light dark

# Social cards: og:image must be an absolute URL (Facebook, LinkedIn, X and
# Slack ignore relative ones), so `make site` needs the address dist/ will be
# served from: SITE_URL, an http(s) address without query or fragment (a
# trailing / is dropped). Checked before anything is built. Given but empty
# (`make site SITE_URL=`), the pages keep relative card URLs: for looking at
# dist/ locally, not for publishing. `make test` passes TEST_SITE_URL.
SITE_URL_CLEAN = $(patsubst %/,%,$(SITE_URL))

site-url:
	@if [ '$(origin SITE_URL)' = undefined ]; then \
	  echo "make site: SITE_URL is required: the address dist/ will be served from, for the social cards' absolute URLs" >&2; \
	  echo "  (og:image), e.g. make site SITE_URL=https://graphics.example.org/careto ; SITE_URL= writes relative URLs," >&2; \
	  echo "  which social networks ignore" >&2; \
	  exit 2; \
	fi
	@url='$(subst ','"'"',$(SITE_URL_CLEAN))'; \
	if [ -z "$$url" ]; then \
	  echo "make site: SITE_URL is empty: the pages' card URLs stay relative (social networks ignore them)" >&2; \
	elif ! [[ "$$url" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/-]*)?$$ ]]; then \
	  echo "make site: SITE_URL=\"$$url\" is not an http(s) address of a folder (like https://graphics.example.org/careto: no query, fragment, space or quote)" >&2; \
	  exit 2; \
	fi

site: site-url build
	rm -rf dist
	mkdir -p dist/pkg dist/pkg-full dist/img dist/embed
	cp www/*.html www/*.json www/*.svg dist/
	# Stylesheets and scripts as a server would send them, minified.
	for f in www/*.css; do esbuild "$$f" --minify --log-level=warning --outfile="dist/$$(basename "$$f")"; done
	# The pages' scripts as a server would send them: each with the loader it
	# imports (careto-viz-loader.js) bundled in, minified (pkg/ is already);
	# careto-viz-frame.js is a classic script, minified only.
	for f in main sample embed careto-viz-embed; do \
	  esbuild "www/$$f.js" --bundle --format=esm --minify --log-level=warning --outfile="dist/$$f.js"; done
	esbuild www/careto-viz-frame.js --minify --log-level=warning --outfile=dist/careto-viz-frame.js
	cp www/embed/*.html www/embed/*.css dist/embed/
	# A page to share each view by, with its own title and social card
	# (chart-<view>-<lang>.html: embed.html with that view as its default).
	cargo build --release --quiet --bin careto-render
	for view in $(SITE_VIEWS); do for lang in $(SITE_LANGS); do \
	  target/release/careto-render --page www/embed.html --view $$view --lang $$lang --out dist/chart-$$view-$$lang.html; \
	  target/release/careto-render --oembed '$(SITE_URL_CLEAN)' --view $$view --lang $$lang --out dist/oembed-$$view-$$lang.json; \
	done; done
	# The pages without their comments and indentation (scripts/minify-html.mjs).
	node scripts/minify-html.mjs dist/*.html dist/embed/*.html
	cp campaign.schema.json dist/
	cp $(OUT_DIR)/*.js $(OUT_DIR)/*.wasm $(OUT_DIR)/*.bin dist/pkg/
	cp $(FULL_OUT_DIR)/*.js $(FULL_OUT_DIR)/*.wasm $(FULL_OUT_DIR)/*.bin dist/pkg-full/
	# Static images for pages without scripts: 640 px wide, and 375 px for
	# phones (-375.svg: a 640 px picture in a phone's column has 7 px text).
	for view in $(SITE_VIEWS); do for lang in $(SITE_LANGS); do for theme in $(SITE_THEMES); do \
	  target/release/careto-render --view $$view --lang $$lang --theme $$theme \
	    --width 640 --out dist/img/$$view-$$lang-$$theme.svg; \
	  target/release/careto-render --view $$view --lang $$lang --theme $$theme \
	    --width 375 --out dist/img/$$view-$$lang-$$theme-375.svg; \
	done; done; done
	# Social cards (1200 x 630 PNG, light theme): one per view and language,
	# and the pages' og:image made absolute (see SITE_URL above).
	for view in $(SITE_VIEWS); do for lang in $(SITE_LANGS); do \
	  cargo run --release --quiet --bin careto-render -- --card --view $$view --lang $$lang --out dist/img/card-$$view-$$lang.png; \
	done; done
	@if [ -n '$(SITE_URL_CLEAN)' ]; then \
	  sed -i 's#content="img/card-#content="$(SITE_URL_CLEAN)/img/card-#g' dist/index.html dist/embed.html dist/chart-*.html; fi
	@if grep -nE '<(script|link|img|source|iframe)[^>]*(src|href|srcset)="(/|https?:)' dist/*.html dist/embed/*.html; then \
	  echo "site: the pages in dist/ must load their files by relative paths" >&2; exit 1; fi
	# The share pages' oEmbed links made absolute too (a CMS reads them from
	# elsewhere; they load nothing, hence after the check above).
	@if [ -n '$(SITE_URL_CLEAN)' ]; then \
	  sed -i 's#type="application/json+oembed" href="oembed-#type="application/json+oembed" href="$(SITE_URL_CLEAN)/oembed-#' dist/chart-*.html; fi
	@echo "dist/ (open it from any path on any static server):"
	@cd dist && find . -type f -printf '  %-28p %8s bytes\n' | sort

screenshots: build
	UPDATE_SCREENSHOTS=1 node --test --test-name-pattern='screenshot' tests/page/page.test.mjs
	$(MAKE) --no-print-directory -o build site
	UPDATE_SCREENSHOTS=1 node --test --test-name-pattern='hover, tap, keyboard|Western Europe drawn again' tests/page/map.test.mjs
	@echo "wrote docs/img/page.png, docs/img/map.png and docs/img/map-phone.png"

# The npm package, from www/pkg-full (main export) and www/pkg ("careto-viz/careto-only") as `make build` leaves them:
# package.json's repository is $(REPOSITORY), Cargo.toml's by default (a placeholder
# until the project has a public home: the script warns).
REPOSITORY ?= $(shell python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml","rb"))["package"]["repository"])')
package: build
	REPOSITORY='$(REPOSITORY)' scripts/package.sh target/package

# The map's geometry: Natural Earth 1:110m (and 1:10m points) from npm
# world-atlas, converted by build/world_geo.rs. The output is committed;
# tests/geometry.rs converts again and fails if the bytes differ.
geo: setup
	cargo run --quiet --example careto-geo -- node_modules/world-atlas data/world-110m.bin

clean:
	rm -rf $(OUT_DIR) $(FULL_OUT_DIR) dist target/page-test target/package
	cargo clean

# Issue #5: headless Chromium, our module against Chart.js (bench/*.html), and
# examples/scaling.rs natively; writes bench/results/latest.{md,json}.
# The download rows measure index.html as the site serves it: dist/, made
# here with relative URLs (SITE_URL=), as tests/page/budget.test.mjs does.
# BENCH_RUNS=5 BENCH_MEMORY_RUNS=1 BENCH_SCALING=0 make bench for a quick look.
.PHONY: bench
bench: build
	$(MAKE) -o build site SITE_URL=
	node bench/run.mjs

# Issue #6: the cargo-fuzz targets of fuzz/ (campaign validation; layout, SVG
# and hit testing at arbitrary sizes), each for FUZZ_MINUTES minutes, one
# after the other, on the stable toolchain (--sanitizer none). Installs the
# cargo-fuzz of wasm-pack.toml if missing; not part of `make test` or CI.
# Prints runs, exec/s, corpus size and crashes per target; a crash fails.
# FUZZ_TARGETS=layout FUZZ_MINUTES=1 make fuzz for one quick target.
FUZZ_MINUTES ?= 10
.PHONY: fuzz
fuzz:
	FUZZ_MINUTES=$(FUZZ_MINUTES) scripts/fuzz.sh
