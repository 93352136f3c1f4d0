// The child-process runner of the CLI tests reads stdout and stderr at once: a child that writes far
// more than a pipe holds (64 KiB on Linux) to stderr before its stdout ends is read to the end
// instead of blocking, as it did when stdout was read to its end first.
import Foundation
import TestSupport
import Testing

@Suite struct ProcessOutputTests {
    // The limit catches the deadlock (a child blocked on a full pipe never ends); it is generous because in
    // the whole suite at load 4–7 this child waited minutes for a core behind the other tests' sessions.
    @Test(.timeLimit(.minutes(4))) func bothPipesAreReadAtOnce() throws {
        // 1 MiB on stderr, then 300 KiB on stdout, then 1 MiB more on stderr.
        let script =
            "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 307200 /dev/zero | tr '\\0' o; head -c 1048576 /dev/zero | tr '\\0' e >&2; exit 3"
        let r = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 3)
        #expect(r.out.count == 307_200 && r.out.allSatisfy { $0 == "o" })
        #expect(r.err.count == 2 * 1_048_576 && r.err.allSatisfy { $0 == "e" })
    }
}
