#!/usr/bin/env bash
# Runs every test: installs what is missing, starts the integration servers on 127.0.0.1,
# runs `swift test`, stops the servers. Exit status is swift test's.
set -euo pipefail
cd "$(dirname "$0")/.."
# Unresolved merge markers break builds in ways that are slow to diagnose: refuse them up front.
if git grep -nE '^(<<<<<<< |>>>>>>> )' -- . ':!*.jsonl' 2>/dev/null; then echo "test: unresolved merge markers (above)"; exit 1; fi
scripts/setup.sh
# The code follows .swift-format; a finding fails the run (fix with `swift format format -i FILE`).
swift format lint --strict -r Sources Tests benchmarks Package.swift
PY=$(scripts/venv.sh)
export MLEXP_TEST_PYTHON=$PY
export MLEXP_REQUIRE_INTEGRATION=1

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for svc in scripts/services/*.sh; do
  [ -f "$svc" ] || continue
  # Each service script starts one server in the background, prints "PID <pid>" then "ENV NAME=value" lines.
  while read -r kind rest; do
    case "$kind" in
      PID) pids+=("$rest") ;;
      ENV) export "${rest?}" ;;
    esac
  done < <("$svc")
done

swift build --build-tests
# Tests that measure time (timeouts, cancellation in < 100 ms, Ctrl-C on a terminal) run in a process of their own: in one process
# with the CPU-bound model tests, those occupy the cooperative thread pool and the timings mean nothing.
timed='HTTPTests|LLMClientTests|ChatTerminalTests'
# The real llama.cpp server's long request (LlamaCompactionTests) joins them: under the model tests' load it
# took minutes and once lost its connection.
timed="$timed|AgentTests\.LlamaCompactionTests"
# The gbdt cancellation test reads the process's CPU time: a process of its own, where no other test adds to it.
alone='MLCoreTests\.CancellationTests'
status=0
swift test --skip-build --filter "$timed" || status=1
MLEXP_TEST_CPU_ALONE=1 swift test --skip-build --filter "$alone" || status=1
swift test --skip-build --skip "$timed|$alone" || status=1
# Every fuzz target for a few seconds from its seed corpus: a build of its own (.build/fuzz, with
# -sanitize=fuzzer,address), so the build above stays free of fuzzer flags. scripts/fuzz.sh TARGET SECONDS
# runs one longer.
if scripts/fuzz.sh --build; then
  for t in $(scripts/fuzz.sh --list); do
    log=.build/fuzz/short-$t.log
    if scripts/fuzz.sh "$t" "${MLEXP_FUZZ_SECONDS:-5}" >"$log" 2>&1; then
      echo "fuzz $t: $(grep -E '^#[0-9]+.*DONE' "$log" | tail -1)"
    else
      echo "fuzz $t: FAILED (see $log; reproduce with scripts/fuzz.sh $t)"; status=1
    fi
  done
else
  echo "fuzz: the fuzzing build failed (scripts/fuzz.sh --build)"; status=1
fi
exit $status
