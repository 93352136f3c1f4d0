// `mlexp profile FILE [--target COL] [--json]`: reads a CSV, profiles it and prints a table with the
// warnings (or the DataProfile as JSON). Bad input ends with a one-line error and exit status 1.
// Leaves out: the statistics themselves (MLCore's DataProfile).

import ArgumentParser
import Foundation
import MLCore

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Profile a CSV: column types, missing values, target task, suggested metric and validation, warnings."
    )

    @Argument(help: "The CSV file to profile.")
    var file: String

    @Option(name: .long, help: "The column to predict (its task is inferred).")
    var target: String?

    @Option(name: .long, help: "A datetime column to validate along (time-ordered split).")
    var timeColumn: String?

    @Option(name: .long, help: "The field separator (',', ';', 'tab' or '|'); sniffed when left out.")
    var delimiter: String?

    @Flag(name: .long, help: "Print the profile as JSON.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp("Time the loader N times and print JSON timings (benchmarks).", visibility: .hidden))
    var benchLoad: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Load once, time the profile N times and print JSON timings (benchmarks).", visibility: .hidden))
    var benchProfile: Int?

    @Option(name: .long, help: ArgumentHelp("Reader threads (default: every core).", visibility: .hidden))
    var threads: Int?

    func run() throws {
        do {
            var options = CSVOptions()
            if let delimiter { options.delimiter = try Self.delimiterByte(delimiter) }
            options.threads = threads
            if let benchLoad {
                print(try self.benchLoad(repeats: benchLoad, options: options))
                return
            }
            if let benchProfile {
                print(try self.benchProfile(repeats: benchProfile, options: options))
                return
            }
            let start = Date()
            let dataset = try Dataset.load(path: file, options: options)
            let loaded = Date()
            let profile = try DataProfile(dataset: dataset, target: target, timeColumn: timeColumn)
            if json {
                try JSONOutput.print(profile)
            } else {
                for note in dataset.readingNotes { print("Note: \(note)") }
                print(ProfileRenderer.render(profile, loadSeconds: loaded.timeIntervalSince(start)))
            }
        } catch let error as MLError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func delimiterByte(_ text: String) throws(MLError) -> UInt8 {
        switch text {
        case "tab", "\\t", "\t": return 9
        case ",", ";", "|": return text.utf8.first ?? 44
        default: throw MLError(.invalidParameter, "Unknown delimiter '\(text)'; use ',', ';', 'tab' or '|'.")
        }
    }
}
