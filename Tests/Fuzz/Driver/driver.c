// SwiftPM links an executable target's entry point as `<module>_main`; the fuzzing executable has no
// Swift main (libFuzzer drives it), so this is that symbol: it hands argc/argv to libFuzzer's driver
// with the Swift LLVMFuzzerTestOneInput (Tests/Fuzz/Sources/FuzzEntry.swift).
#include "CFuzzDriver.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int MLExpFuzz_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }
