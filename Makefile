# The two quick-start commands (README): `make demo` runs the main job on a shipped dataset,
# `make test` runs every test. Both install what they need first.
.PHONY: demo test build setup bench clean

build: setup
	swift build -c release --product mlexp

setup:
	@scripts/setup.sh

# A whole Autopilot session on titanic in a fresh workspace, .demo/ (recreated each time), then its log.
demo: build
	@rm -rf .demo && mkdir -p .demo && cp datasets/titanic.csv .demo/
	cd .demo && ../.build/release/mlexp run titanic.csv --target survived --model autopilot --goal "Which passengers survived, and why?"
	@printf '\n──── .demo/EXPERIMENTS.md ────\n' && cat .demo/EXPERIMENTS.md

test:
	scripts/test.sh

bench: setup
	benchmarks/run.sh

clean:
	rm -rf .build
