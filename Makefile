# The two quick-start commands (README): `make demo` runs the main job on a shipped dataset,
# `make test` runs every test. Both install what they need first.
.PHONY: demo test build setup bench clean

build: setup
	swift build -c release --product mlexp

setup:
	@scripts/setup.sh

<<<<<<< HEAD
# The main job: the Autopilot runs a whole session on titanic in a scratch workspace, then the log it wrote.
demo: build
	rm -rf .demo && mkdir -p .demo && cp datasets/titanic.csv .demo/
	cd .demo && ../.build/release/mlexp run titanic.csv --target survived --goal "Which passengers survived, and why?"
	cat .demo/EXPERIMENTS.md
=======
# A whole Autopilot session on titanic in a fresh workspace, demo/ (recreated each time), then its log.
demo: build
	@rm -rf demo && mkdir -p demo && cp datasets/titanic.csv demo/
	cd demo && ../.build/release/mlexp run titanic.csv --target survived --model autopilot
	@printf '\n──── demo/EXPERIMENTS.md ────\n' && cat demo/EXPERIMENTS.md
>>>>>>> main

test:
	scripts/test.sh

bench: build
	benchmarks/run.sh

clean:
	rm -rf .build
