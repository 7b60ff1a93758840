# Email Troubleshooter: build, demo and test.
#
#   make demo    install what is missing, build, serve the demo at http://127.0.0.1:8080
#   make test    install what is missing, run every suite (native, browser, end-to-end, engines, package, size budget)
#   make bench   load time, answer time and memory on a 4x slower CPU, beside the plain page
#   make dist    the release bundle in dist/
#   make package the npm package in pkg/, from dist/ (scripts/package.mjs)
#   make size    sizes (raw, gzip -9, brotli) of what a first visit downloads, and of the rest
#   make lint    cargo fmt --check and clippy (warnings denied), native and wasm
#
# Every install step checks first and does nothing when the right version is there.
# Nothing is downloaded except by cargo, npm and apt-get, by package name; Trunk runs --offline.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# npm's binaryen (wasm-opt) and terser come first: Debian's wasm-opt is too old for rustc's output.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_PORT ?= 8080

.PHONY: help setup setup-rust setup-trunk setup-wasm-bindgen setup-node setup-browser setup-engines \
	dist dist-test package demo test test-native test-doc test-browser test-example test-e2e test-engines test-package test-size \
	bench size screenshot lint clean

help:
	@sed -n 's/^#   \(make .*\)/\1/p' Makefile

setup: setup-rust setup-trunk setup-wasm-bindgen setup-node setup-browser setup-engines

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown

setup-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
		echo "installing trunk $(TRUNK_VERSION) (takes about 9 minutes)"; \
		cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi

# Without --locked: one of the CLI's locked dependencies is missing from the registry.
setup-wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no wasm-bindgen in Cargo.lock"; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

setup-node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		$(SUDO) apt-get update; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

# Firefox and WebKit for tests/engines/: Debian's firefox-esr (driven over WebDriver BiDi), and
# WebKitGTK's WebDriver, whose MiniBrowser comes with libwebkit2gtk-4.1-0 and, having no headless
# mode, runs under Xvfb. About 150 MB to download, 17 s to install on a machine without them.
setup-engines:
	@if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then \
		$(SUDO) apt-get update; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends firefox-esr webkit2gtk-driver xvfb; \
	fi

dist: setup-rust setup-trunk setup-wasm-bindgen setup-node
	trunk build --release --offline

# The npm package: the release bundle with its types, manifest and README (package/), versioned
# from Cargo.toml.
package: dist
	node scripts/package.mjs dist pkg

demo: dist
	node scripts/serve.mjs dist $(DEMO_PORT)

test: setup test-native test-doc test-browser test-example test-e2e test-engines test-package test-size

# The widget's tests, the model crate's own unit tests and the content export's.
test-native:
	cargo test -p email_troubleshooter -p email_troubleshooter_model -p email_troubleshooter_export

# Every crate with wasm tests: the library's components, and the embed bundle's exports.
# The library's API documentation, with no warning (a broken link, an undocumented item).
test-doc:
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p email_troubleshooter

test-browser: setup-rust setup-wasm-bindgen setup-browser
	cargo test --target wasm32-unknown-unknown -p email_troubleshooter -p email_troubleshooter_embed

# The example Yew app (examples/yew-app/) built for the browser as a library user builds it,
# into target/example/ with its page; tests/e2e/yew-app.test.mjs drives it.
test-example: setup-rust setup-wasm-bindgen
	cargo build -p email_troubleshooter_example --target wasm32-unknown-unknown
	wasm-bindgen --target web --no-typescript --out-dir target/example \
		target/wasm32-unknown-unknown/debug/email_troubleshooter_example.wasm
	cp examples/yew-app/index.html examples/yew-app/start.js target/example/

test-e2e: dist dist-test test-example setup-browser
	node --test tests/e2e/

# The release bundle in Firefox and WebKit: a user's first steps, a load cut off by a reload or a
# link, a wasm that can't load, and a half-typed date (tests/engines/).
test-engines: dist setup-engines
	node --test tests/engines/

# A quick debug build with the test-only panic export (--features test-hooks), for the e2e
# test that proves a panic leaves a message in the element and the host page working.
dist-test: setup-rust setup-wasm-bindgen
	cargo build -p email_troubleshooter_embed --lib --target wasm32-unknown-unknown --features test-hooks
	wasm-bindgen --target web --no-typescript --out-dir target/dist-test --out-name email_troubleshooter_embed \
		target/wasm32-unknown-unknown/debug/email_troubleshooter_embed.wasm
	cp embed/email-troubleshooter.js target/dist-test/
	cargo run --quiet -p email_troubleshooter_export -- target/dist-test

# The package as a consumer sees it: its types compiled by TypeScript, its manifest against the
# schema and the README, and the files npm would pack (tests/package/).
test-package: package
	node --test tests/package/

# Fails when the release bundle outgrows its budget (tests/size/budget.test.mjs).
test-size: dist
	node --test tests/size/

bench: dist setup-browser
	node scripts/bench.mjs

size: dist
	@node scripts/sizes.mjs dist

screenshot: dist setup-browser
	node scripts/screenshot.mjs

lint: setup-rust
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cargo clippy --workspace --exclude email_troubleshooter_export --all-targets --all-features --target wasm32-unknown-unknown -- -D warnings

clean:
	cargo clean
	rm -rf dist pkg node_modules
