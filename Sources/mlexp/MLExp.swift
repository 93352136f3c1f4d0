// The command line: argument parsing and rendering only; every capability lives in the libraries.
import ArgumentParser

@main
struct MLExp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlexp",
        abstract: "ML Experimenter: an assistant that runs ML experiments on your CSV like a senior ML engineer.",
        version: "0.1.0",
        subcommands: [
            RunCommand.self, ChatCommand.self, ProfileCommand.self, TrainCommand.self, ExplainCommand.self,
            RunsCommand.self, LogCommand.self, PredictCommand.self, ReplayCommand.self, EvalCommand.self,
            DoctorCommand.self, ExportCommand.self,
        ])

    /// ArgumentParser's own main, after the heap is set to one arena (HeapArenas) before any thread starts.
    static func main() async {
        HeapArenas.limitToOne()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
