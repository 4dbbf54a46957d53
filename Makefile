# newsgraph: `make demo` builds kg and shows who met whom in testdata/;
# `make test` runs every test (the command .ci/run runs).
GO      ?= go
DEMO_DB ?= demo.db

.PHONY: all build demo test test-short vet fmt-check bench clean

all: build

build:
	$(GO) build -o kg ./cmd/kg

# Ingest the articles in testdata/ into a fresh embedded store and print
# every meeting, then everyone Putin met.
demo: build
	rm -rf $(DEMO_DB) $(DEMO_DB).lock
	./kg ingest --db $(DEMO_DB) testdata/
	./kg who-met --db $(DEMO_DB)
	./kg who-met --db $(DEMO_DB) Putin

# Every test, with the race detector, plus formatting and vet.
test: fmt-check vet
	$(GO) test -race -count=1 -timeout 30m ./...

test-short:
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# The ingest table of the README (whole BBC corpus into every backend, kg
# ingest against Cayley's own batch writer; PostgreSQL when
# $$KG_TEST_POSTGRES is set, e.g. eval "$$(.ci/postgres.sh)"), then the Go
# benchmarks (who-met on a million quads builds its graph once, minutes).
bench: build
	$(GO) build -o kgbench ./cmd/kgbench
	./kgbench -kg ./kg
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf kg kgbench $(DEMO_DB) $(DEMO_DB).lock

# make model / make model-check: retrain the embedded NLP models (nlp/Makefile.inc)
include nlp/Makefile.inc
