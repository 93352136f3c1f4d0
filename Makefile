# The two quick-start commands (README): `make demo` runs the main job on a shipped dataset,
# `make test` runs every test. Both install what they need first.
.PHONY: demo test build setup bench clean

build: setup
	swift build -c release --product mlexp

setup:
	@scripts/setup.sh

demo: build
	.build/release/mlexp profile datasets/titanic.csv --target survived

test:
	scripts/test.sh

bench: build
	benchmarks/run.sh

clean:
	rm -rf .build
