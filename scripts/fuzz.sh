#!/usr/bin/env bash
# libFuzzer targets for the parsers that read untrusted bytes (Tests/Fuzz): the CSV reader and type
# inference, the SSE parser and stream assembler, tool-call arguments and schema validation, the
# transcript reader, the workspace config. One executable holds every target (built once, with
# -sanitize=fuzzer,address, in .build/fuzz apart from the normal build); MLEXP_FUZZ_TARGET picks one.
#   scripts/fuzz.sh --list             the targets, one a line
#   scripts/fuzz.sh TARGET SECONDS     fuzz TARGET for SECONDS from its seed corpus (Tests/Fuzz/corpus/TARGET);
#                                      new inputs go to .build/fuzz/corpus/TARGET, a crash to .build/fuzz/findings/
#   scripts/fuzz.sh --build            only build the fuzzing executable
# Exit status 0 when no crash, hang (> 1 s for one input) or leak was found.
set -euo pipefail
cd "$(dirname "$0")/.."
targets="config csv sse tool-args transcript"
bin=.build/fuzz/debug/MLExpFuzz

build() {
  MLEXP_FUZZ=1 swift build --scratch-path .build/fuzz --product MLExpFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -v 'ld.gold: warning: Cannot export' >&2
  [ "${PIPESTATUS[0]}" -eq 0 ]
}

case "${1:-}" in
  --list) printf '%s\n' $targets; exit 0 ;;
  --build) build; exit ;;
  ""|-h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
target=$1
seconds=${2:-60}
if ! printf '%s\n' $targets | grep -qx -- "$target"; then
  echo "fuzz: unknown target '$target'; targets: $targets" >&2; exit 2
fi
build
work=.build/fuzz/corpus/$target
findings=.build/fuzz/findings/$target
mkdir -p "$work" "$findings"
export MLEXP_FUZZ_TARGET=$target
# Swift's runtime keeps its type metadata for the process's life; LeakSanitizer reports only what is
# lost while inputs run (libFuzzer's -detect_leaks checks each input that grows memory).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
"$bin" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$findings/" "$work" "Tests/Fuzz/corpus/$target"
