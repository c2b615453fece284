# Shortcuts; the scripts are the source of truth (CI runs .ci/run -> scripts/test).
.PHONY: help setup run test check core ui-build app e2e bundle install-check

help:
	@echo "make setup   install what is missing (Debian packages, npm packages, tauri-driver)"
	@echo "make run     build and start the app (release), data in the per-user data directory"
	@echo "make test    every check, as CI runs it (scripts/test)"
	@echo "make check   quick: rustfmt, clippy, core tests, UI type check"
	@echo "make core    cargo test -p loadline-core"
	@echo "make e2e     build the UI and the debug app, then the end-to-end tests"
	@echo "make bundle  release .deb and AppImage (AppImage skipped, with the reason, if its tools cannot be had)"
	@echo "make install-check  debug .deb, installed with dpkg, started under Xvfb, removed (tests/install/run)"

setup:
	bash scripts/setup

run:
	bash scripts/run

test:
	bash scripts/test

# The UI is built first: compiling src-tauri (clippy too) embeds ui/dist.
check: ui-build
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test -p loadline-core
	npm --prefix ui run check

core:
	cargo test -p loadline-core

ui-build:
	npm --prefix ui run build

app: ui-build
	cargo build -p loadline-app
	bash scripts/build-cli

e2e: app
	bash tests/e2e/run

bundle:
	bash scripts/bundle

install-check:
	bash scripts/bundle --debug
	bash tests/install/run
