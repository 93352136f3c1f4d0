// The search's k-nearest-neighbours move: on a table whose features are all numbers (no categorical, text
// or date column left in the plan) and small enough for exact neighbour search, a tune_model of knn over
// the neighbour count, the weighting, and the scaling of the columns. Distances depend on the scaling: on
// columns of one unit (pixels, counts on one scale) the raw values keep the weights the data give them
// (scikit-learn on digits: macro F1 0.994 raw against 0.983 standardised), on columns of different units
// standardising is essential (wine: 0.79 raw, 0.97 standardised); the search tries both on the same folds,
// so no rule guesses which. Every configuration is scored on all the rows (random search over the whole
// grid): successive halving's small first rounds would favour few neighbours.
// Leaves out: the words (Messages/SearchMoveMessage+English.swift, +French.swift); approximate search for larger
// tables.

import LLMClient
import MLCore

extension AutopilotSearch {
    /// Training rows above which k-NN is not tried: exact search costs rows² × features per fold.
    static let neighboursMaxRows = 20_000

    /// The grid the move searches: neighbour counts, weightings and scalings.
    static let neighbourCounts = [1, 3, 5, 10, 20]
    static let neighbourGrid = neighbourCounts.count * 2 * 2

    /// The features the plan keeps (load_data's columns, without the target, dropped and text columns).
    var keptColumnTypes: [String] {
        let skip = Set(framing.dropList + framing.textColumns + [framing.target])
        return (loadResult?["columns"]?.arrayValue ?? []).compactMap { c in
            guard let name = c["name"]?.stringValue, !skip.contains(name) else { return nil }
            return c["type"]?.stringValue ?? ""
        }
    }

    /// Every kept feature is a number (integer, float or boolean), and the rows are few enough.
    var neighboursApply: Bool {
        let types = keptColumnTypes
        return !types.isEmpty && types.allSatisfy { ["integer", "float", "boolean"].contains($0) }
            && framing.trainRows <= Self.neighboursMaxRows
    }

    /// The move's estimated seconds: the grid's exact searches (about a nanosecond per multiply-add, each
    /// fold's validation rows against its training rows) and the refit, at least a second.
    var neighboursCost: Double {
        let n = Double(max(framing.trainRows, 1)), d = Double(max(keptColumnTypes.count, 1))
        let perTrial = n * n * d * Double(folds - 1) / Double(folds) * 1e-9
        return max(1, 2 * perTrial * Double(Self.neighbourGrid + 1))
    }

    /// tune_model's arguments of the move (besides the dataset, hypothesis, seed and drop).
    var neighboursArguments: [String: JSONValue] {
        [
            "model": "knn",
            "space": [
                "n_neighbors": .array(Self.neighbourCounts.map { .int($0) }), "weights": ["uniform", "distance"],
                "scaling": ["standard", "none"],
            ],
            "strategy": "random", "candidates": .int(Self.neighbourGrid),
            "time_budget_seconds": .rounded(max(2, neighboursCost), digits: 0),
        ]
    }
}
