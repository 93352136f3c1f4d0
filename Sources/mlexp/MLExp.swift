// The command line: argument parsing and rendering only; every capability lives in the libraries.
import ArgumentParser

@main
struct MLExp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlexp",
        abstract: "ML Experimenter: an assistant that runs ML experiments on your CSV like a senior ML engineer.",
        version: "0.1.0",
        subcommands: [RunCommand.self, ChatCommand.self, ProfileCommand.self, TrainCommand.self, ExplainCommand.self, RunsCommand.self, LogCommand.self, PredictCommand.self, ReplayCommand.self, EvalCommand.self, DoctorCommand.self, ExportCommand.self])
}
