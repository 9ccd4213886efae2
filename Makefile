# careto-viz: build, demo and tests. Every target works on a fresh machine:
# each one that needs tools runs scripts/setup.sh first (quick when all is there).
# Versions and build flags: wasm-pack.toml.
#
#   make setup        install the toolchain pieces (idempotent)
#   make build        release wasm build + wasm-opt into www/pkg
#   make demo         build, then serve www/ at http://127.0.0.1:$(PORT)/
#   make test         native tests, browser (wasm-bindgen-test) tests, release build, page tests
#   make site         build, then copy the static site into dist/
#   make screenshots  build, then refresh docs/img/page.png from the page test
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
WASM := $(OUT_DIR)/$(OUT_NAME)_bg.wasm
JS := $(OUT_DIR)/$(OUT_NAME).js

.PHONY: help setup build demo test test-native test-wasm test-page site screenshots clean

help:
	@sed -n 's/^#   //p' Makefile

setup:
	scripts/setup.sh

build: setup
	scripts/build-wasm.sh

demo: build
	@echo "Demo page: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	PORT=$(PORT) QUIET=1 node scripts/serve.mjs www

test: test-native test-wasm test-page

test-native: setup
	cargo test

# Only tests/web.rs runs in the browser: the other test targets are native
# (they may read files, which wasm32 cannot).
test-wasm: setup
	@if [ -f tests/web.rs ]; then \
	  set -x; wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) --mode no-install -- --test web; \
	else \
	  echo "test-wasm: no tests/web.rs yet, nothing to run in the browser"; \
	fi

test-page: build
	node --test tests/page/

site: build
	rm -rf dist
	mkdir -p dist/pkg
	cp www/index.html www/*.css www/*.js www/*.svg dist/
	cp $(JS) $(WASM) dist/pkg/
	@if grep -nE '<(script|link|img)[^>]*(src|href)="(/|https?:)' dist/index.html; then \
	  echo "site: dist/index.html must load its files by relative paths" >&2; exit 1; fi
	@echo "dist/ (open it from any path on any static server):"
	@cd dist && find . -type f -printf '  %-28p %8s bytes\n' | sort

screenshots: build
	UPDATE_SCREENSHOTS=1 node --test --test-name-pattern='screenshot' tests/page/page.test.mjs
	@echo "wrote docs/img/page.png"

clean:
	rm -rf $(OUT_DIR) dist target/page-test
	cargo clean
