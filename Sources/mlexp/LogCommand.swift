// `mlexp log`: prints the workspace's EXPERIMENTS.md (re-rendered from its sidecar first, so a
// Markdown file a crash left stale is repaired). `--verify` also checks every number against the store.
import ArgumentParser
import Foundation
import Tracking

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Print the experiment log (EXPERIMENTS.md).")

    @OptionGroup var options: RunStoreOptions
    @Flag(help: "Check that every number in the log is a stored value of the run it cites; exit 1 if not.")
    var verify = false

    func run() async throws {
        let log = ExperimentLog(workspace: options.workspaceURL)
        if FileManager.default.fileExists(atPath: log.sidecarPath) {
            try log.render()
        } else if !FileManager.default.fileExists(atPath: log.markdownPath) {
            throw TrackingError(
                .invalidInput,
                "No experiment log in \(options.workspaceURL.path) yet. Start a session with `mlexp run FILE --target COL` or `mlexp chat`."
            )
        }
        print(try String(contentsOfFile: log.markdownPath, encoding: .utf8), terminator: "")
        if verify {
            let issues = try log.verify(against: options.openStore())
            if issues.isEmpty {
                print("\nEvery number in the log matches its run in the store.")
            } else {
                print("\n\(issues.count) number(s) in the log are not backed by the store:")
                for issue in issues { print("  - \(issue)") }
                throw ExitCode(1)
            }
        }
    }
}
