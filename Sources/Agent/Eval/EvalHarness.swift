// Runs a whole suite: every scenario, `repeats` times (for a model that is not deterministic), each in
// a fresh workspace, with a model made for it by the caller (the CLI picks the Autopilot or an
// endpoint); writes the scorecard as scorecard.json and scorecard.md, and each session's transcript,
// into the output folder. Leaves out: the command line (EvalCommand).

public import Foundation
public import LLMClient
public import Languages

/// Runs suites and writes scorecards.
public enum EvalHarness {
    /// Makes the model for one scenario: (scenario, the data file's name in the workspace, language).
    public typealias ModelFactory = @Sendable (EvalScenario, String, Language) throws -> any ChatModel

    /// Runs the suite.
    /// - Parameters:
    ///   - out: folder for scorecard.json, scorecard.md and transcripts/ (created); nil writes nothing.
    ///   - progress: called with each finished run.
    public static func run(
        _ suite: EvalSuite, repeats: Int, makeModel: ModelFactory, out: URL?,
        cwd: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), mlexpVersion: String = "unknown",
        setup: EvalSessionSetup = EvalSessionSetup(), progress: @Sendable (ScenarioRun) -> Void = { _ in }
    ) async throws(EvalError) -> Scorecard {
        var runs: [ScenarioRun] = []
        var modelName = "?"
        let transcripts = out?.appendingPathComponent("transcripts")
        for scenario in suite.scenarios {
            let dataset = try suite.datasetURL(scenario, cwd: cwd)
            let language = Language(rawValue: scenario.language ?? "en") ?? .en
            for attempt in 1...max(1, repeats) {
                let model: any ChatModel
                do { model = try makeModel(scenario, dataset.lastPathComponent, language) } catch {
                    throw EvalError("scenario \(scenario.name): cannot make the model: \(error)")
                }
                modelName = model.displayName
                let run = try await EvalRunner.run(
                    scenario, dataset: dataset, attempt: attempt, model: model, transcripts: transcripts,
                    mlexpVersion: mlexpVersion, setup: setup)
                progress(run)
                runs.append(run)
            }
        }
        let card = Scorecard(suite: suite, model: modelName, repeats: max(1, repeats), runs: runs)
        if let out { try write(card, to: out) }
        return card
    }

    /// Writes scorecard.json and scorecard.md into `folder`.
    public static func write(_ card: Scorecard, to folder: URL) throws(EvalError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try card.json().write(to: folder.appendingPathComponent("scorecard.json"), options: .atomic)
            try Data(card.markdown.utf8).write(to: folder.appendingPathComponent("scorecard.md"), options: .atomic)
        } catch {
            throw EvalError("cannot write the scorecard into \(folder.path): \(error.localizedDescription)")
        }
    }
}
