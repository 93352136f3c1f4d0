// The state of one assistant session that tools share: the datasets loaded (each with its sealed test
// split), the runs trained in this session, its language and goal. Guarded by a mutex because a
// cancelled tool may still be finishing on another task. Leaves out: the runs themselves (the store).

import Foundation
public import Languages
import MLCore
import Synchronization

/// What tools share during one session.
public final class Session: Sendable {
    struct State {
        var datasets: [String: LoadedDataset] = [:]
        var lastDatasetID: String?
        var runIDs: [String] = []
        var artifacts: [String: RunArtifacts] = [:]
        /// Runs whose large predictions left memory, with the archive that holds them.
        var archived: [String: OutOfFoldArchive] = [:]
        var resultNumbers: [Double] = []
        var completedCalls: [String: String] = [:]
    }

    private let state = Mutex(State())
    /// A unique id, recorded with every run of the session.
    public let id: String
    public let language: Language
    /// The user's goal, when given (`mlexp run --goal`).
    public let goal: String?
    /// The column the session was asked to predict (`mlexp run --target`): load_data uses it when a call
    /// names no target, so a model that forgets it does not frame a clustering problem by mistake.
    public let target: String?

    public init(language: Language = .en, goal: String? = nil, id: String? = nil, target: String? = nil) {
        self.id = id ?? "s-" + UUID().uuidString.prefix(8).lowercased()
        self.language = language
        self.goal = goal
        self.target = target
    }

    /// Runs trained in this session, oldest first.
    public var runIDs: [String] { state.withLock { $0.runIDs } }

    /// Records a run trained in this session, with its out-of-fold predictions for paired comparisons.
    /// `archive`: where these (large) predictions were just kept on disk; then they stay there only and
    /// are read back when a tool asks, so a session at millions of rows does not carry every run's
    /// predictions (≈ 100 MB each at 4 million rows) through the fits that follow.
    public func recordRun(_ artifacts: RunArtifacts, archivedIn archive: OutOfFoldArchive? = nil) {
        state.withLock {
            $0.runIDs.append(artifacts.runID)
            if let archive {
                $0.archived[artifacts.runID] = archive
            } else {
                $0.artifacts[artifacts.runID] = artifacts
            }
        }
    }

    /// Keeps the numbers of a tool result: a log entry may state only numbers some tool returned.
    public func noteToolResult(_ result: JSONValue) {
        var numbers: [Double] = []
        NumberClaims.collect(result, into: &numbers)
        state.withLock { $0.resultNumbers += numbers }
    }

    /// The result of a call (tool name and canonical arguments) that already succeeded in this session.
    public func earlierResult(of signature: String) -> String? { state.withLock { $0.completedCalls[signature] } }

    /// Remembers a successful call's result, so that the same call made again is answered from here.
    public func rememberResult(_ result: String, of signature: String) {
        state.withLock { $0.completedCalls[signature] = result }
    }

    /// Every number the session's tools returned so far (and the goal's).
    public var resultNumbers: [Double] {
        state.withLock { $0.resultNumbers } + (goal.map(NumberClaims.numbers(inText:)) ?? [])
    }

    /// The out-of-fold predictions of a run trained in this session, if any (from its archive when they
    /// left memory).
    public func artifacts(_ runID: String) -> RunArtifacts? {
        let (inMemory, archive) = state.withLock { ($0.artifacts[runID], $0.archived[runID]) }
        return inMemory ?? archive?.load(runID)
    }

    public var datasetIDs: [String] { state.withLock { $0.datasets.keys.sorted() } }

    /// Every loaded dataset, by id.
    public var datasets: [LoadedDataset] {
        state.withLock { s in s.datasets.keys.sorted().compactMap { s.datasets[$0] } }
    }

    public func store(_ dataset: LoadedDataset) {
        state.withLock {
            $0.datasets[dataset.id] = dataset
            $0.lastDatasetID = dataset.id
        }
    }

    /// The dataset `id`, or the last loaded when `id` is nil.
    /// - Throws: `ToolError` naming the loaded datasets (or saying to call load_data first).
    public func dataset(_ id: String?) throws(ToolError) -> LoadedDataset {
        let (found, known, last) = state.withLock { s in
            (id.flatMap { s.datasets[$0] }, s.datasets.keys.sorted(), s.lastDatasetID.flatMap { s.datasets[$0] })
        }
        if let id {
            if let found { return found }
            if known.isEmpty { throw ToolError("no dataset '\(id)' is loaded; call load_data first.") }
            throw ToolError(
                "no dataset '\(id)'.\(NameSuggestion.didYouMean(id, among: known)) Loaded: \(known.joined(separator: ", "))."
            )
        }
        guard let last else { throw ToolError("no dataset is loaded yet; call load_data with a CSV path first.") }
        return last
    }
}
