// `mlexp predict RUN FILE [--out FILE]`: predictions of a stored run's model on a new CSV with the
// training file's columns (the target may be absent), written as CSV to a file or to stdout:
// `prediction` (class name or value) and, for probabilistic classifiers, `probability_<class>` per
// class; `cluster` for clustering. The run's bytes are MLCore's TrainedModel (pipeline + model).
import ArgumentParser
import Foundation
import MLCore
import Tracking

struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: "Predict with a recorded run's model on a new CSV file.")

    @OptionGroup var options: RunStoreOptions
    @Argument(help: "The run id (see `mlexp runs`).") var run: String
    @Argument(help: "A CSV file with the columns the run was trained on.") var file: String
    @Option(help: "Write the predictions to this CSV file (default: standard output).") var out: String?

    func run() async throws {
        let record = try options.openStore().get(run)
        guard let blob = record.model else {
            throw TrackingError(
                .invalidInput,
                "Run \(run) has no stored model (its training failed or it was recorded without one). "
                    + "Pick another run from `mlexp runs`.")
        }
        let trained = try TrainedModel.load(blob)
        let dataset = try Dataset.load(path: file)
        let prediction = try trained.predict(dataset)
        let table = Self.table(prediction, classNames: trained.target.classNames)
        var text = table.header.map(Self.escape).joined(separator: ",") + "\n"
        for row in table.rows { text += row.map(Self.escape).joined(separator: ",") + "\n" }
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw TrackingError(.io, "Cannot write \(out): \(error.localizedDescription).")
        }
        let note = "\(table.rows.count) predictions of run \(run) (\(record.modelFamily)) written to \(out)\n"
        FileHandle.standardError.write(Data(note.utf8))
    }

    /// The prediction as CSV columns.
    static func table(_ prediction: Prediction, classNames: [String]) -> (header: [String], rows: [[String]]) {
        switch prediction {
        case .values(let values):
            return (["prediction"], values.map { [number($0)] })
        case .clusters(let clusters):
            return (["cluster"], clusters.map { [String($0)] })
        case .classes(let labels, let probabilities, let classCount):
            func name(_ k: Int) -> String { k >= 0 && k < classNames.count ? classNames[k] : String(k) }
            var header = ["prediction"]
            if probabilities != nil { header += (0..<classCount).map { "probability_" + name($0) } }
            let rows = labels.enumerated().map { row, label -> [String] in
                var cells = [name(label)]
                if let p = probabilities { cells += (0..<classCount).map { number(p[row * classCount + $0]) } }
                return cells
            }
            return (header, rows)
        }
    }

    static func number(_ x: Double) -> String { x.isNaN ? "" : String(format: "%.10g", x) }

    static func escape(_ cell: String) -> String {
        cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
