# qcdc — two commands do everything on a fresh Debian 12 machine with Swift:
#   make run    install missing packages, build (release), migrate, seed the demo province, serve on :8080
#   make test   install missing packages, unit + integration + browser tests
SHELL := /bin/bash
.DEFAULT_GOAL := build

HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= var/qcdc.sqlite3
SWIFT_BUILD_FLAGS ?=

RUN_PACKAGES := libsqlite3-dev libqrencode-dev libpng-dev libsodium-dev zlib1g-dev pkg-config
# nginx-light and systemd: scripts/check-deploy runs `nginx -t` and `systemd-analyze verify` on deploy/.
TEST_PACKAGES := $(RUN_PACKAGES) zbar-tools chromium chromium-driver python3-venv nginx-light openssl systemd
# The load generator, row counts and static reference server of the proof scripts (bench, sanitize-serve,
# crash-test, overload).
BENCH_PACKAGES := $(RUN_PACKAGES) wrk sqlite3 curl python3 nginx-light
VENV := .build/venv
# openapi-spec-validator and Schemathesis (Tests/api/requirements.txt), apart from the browser tests' venv.
API_VENV := .build/api-venv

.PHONY: build release run test test-unit test-browser test-api test-deploy test-sanitize fuzz bench embed deps deps-test \
	deps-bench clean lint format install

deps:
	@scripts/ensure-apt-packages $(RUN_PACKAGES)

deps-test:
	@scripts/ensure-apt-packages $(TEST_PACKAGES)

deps-bench:
	@scripts/ensure-apt-packages $(BENCH_PACKAGES)

embed:
	@scripts/embed-resources

build: deps embed
	swift build $(SWIFT_BUILD_FLAGS)

release: deps embed
	swift build -c release $(SWIFT_BUILD_FLAGS)

run: release
	@mkdir -p $(dir $(DB))
	.build/release/qcdc migrate --db $(DB)
	.build/release/qcdc seed-demo --db $(DB) --if-empty
	.build/release/qcdc user bootstrap-demo --db $(DB)
	exec .build/release/qcdc serve --db $(DB) --host $(HOST) --port $(PORT) --static-dir Public

test: deps-test embed test-unit test-deploy test-browser test-api

# The deployment kit (deploy/) checked by the tools that will run it: systemd-analyze verify, nginx -t.
test-deploy:
	swift build $(SWIFT_BUILD_FLAGS)
	scripts/check-deploy

# One test at a time: the socket tests' raw clients block, and on a 2-core machine Swift's cooperative pool has
# two threads, so parallel suites would starve each other and make deadline assertions flaky.
# The venv: the metrics test parses /metrics with prometheus_client's own parser.
test-unit: $(VENV)/.ready
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build --no-parallel $(SWIFT_BUILD_FLAGS)

$(VENV)/.ready: Tests/browser/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/browser/requirements.txt
	@touch $@

test-browser: $(VENV)/.ready
	swift build $(SWIFT_BUILD_FLAGS)
	$(VENV)/bin/python Tests/browser/run.py --binary .build/debug/qcdc

# The API's document (api/openapi.json, served at /api/v1/openapi.json) validated, then Schemathesis against a live
# debug server on a fresh seeded database, once per role's token, every phase and check (schemathesis.toml).
$(API_VENV)/.ready: Tests/api/requirements.txt
	python3 -m venv $(API_VENV)
	$(API_VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/api/requirements.txt
	@touch $@

test-api: $(API_VENV)/.ready
	swift build $(SWIFT_BUILD_FLAGS)
	$(API_VENV)/bin/python scripts/api-test --binary .build/debug/qcdc --python $(API_VENV)/bin/python

# Address and thread sanitizers, each in its own build folder so the normal build stays warm. The suppression
# files cover only toolchain problems (leaks in XCTest and Foundation; TSan not seeing Synchronization.Mutex
# hand a contended lock over in the kernel); each entry says why. print_suppressions=1 lists what matched.
SANITIZER_DIR := $(CURDIR)/scripts/sanitizers
test-sanitize: deps-test deps-bench embed
	LSAN_OPTIONS=suppressions=$(SANITIZER_DIR)/lsan.supp:print_suppressions=1 \
		swift test --no-parallel --scratch-path .build-asan --sanitize=address
	TSAN_OPTIONS=suppressions=$(SANITIZER_DIR)/tsan.supp:print_suppressions=1 \
		swift test --no-parallel --scratch-path .build-tsan --sanitize=thread

# A release build installed for deploy/qcdc.service: the binary in $(PREFIX)/bin, Public/, README.md and deploy/ in
# $(PREFIX)/share/qcdc. Units and the nginx site are copied by hand (deploy/README.md), so an upgrade never
# overwrites a unit an operator edited.
PREFIX ?= /usr/local
install: release
	install -D -m 0755 .build/release/qcdc $(DESTDIR)$(PREFIX)/bin/qcdc
	install -d $(DESTDIR)$(PREFIX)/share/qcdc
	rm -rf $(DESTDIR)$(PREFIX)/share/qcdc/Public
	cp -R Public deploy README.md $(DESTDIR)$(PREFIX)/share/qcdc/

fuzz: deps
	scripts/fuzz

bench: deps-bench
	scripts/bench

# The toolchain's swift format with the checked-in .swift-format (4 spaces, 120 columns). Two rules are off there:
# OnlyOneTrailingClosureArgument (figure declarations and test servers pass a closure and a trailing closure on
# purpose) and DontRepeatTypeInStaticProperties (HTTP status names such as internalServerError). `make format`
# rewrites the files; `make lint` (run by CI) fails on any difference or rule finding.
FORMAT_PATHS := Package.swift Sources Tests Fuzz/Targets
lint:
	swift format lint --strict --recursive --parallel $(FORMAT_PATHS)
	@# A handler closure with a capture list is inferred @concurrent, not nonisolated(nonsending): every request
	@# through it then pays a reabstraction thunk and an executor check (BENCHMARKS.md, issue 18's sixth pass).
	@! grep -rnE '\{ *\[[^]]*\] *\(?(request|_)\)? in' Sources || \
		{ echo "lint: a handler closure above has a capture list; capture implicitly (write self.)" >&2; exit 1; }

format:
	swift format format --in-place --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build .build-asan .build-tsan .build-bench
