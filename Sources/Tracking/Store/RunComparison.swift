// Two runs side by side: their parameters and metrics aligned by name, and the per-fold values
// paired when both were validated on the same folds (same dataset, same scheme, same fold count),
// so a paired test can be run on them. Leaves out the statistics (MLCore's evaluation code does that).

/// One named row of a side-by-side comparison.
public struct ComparedValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public var name: String
    public var a: Value?
    public var b: Value?
}

/// Two runs aligned for comparison.
public struct RunComparison: Sendable, Equatable {
    public var a: RunRecord
    public var b: RunRecord
    /// Descriptive fields (model, dataset, features, seed, validation…) and hyper-parameters, by name.
    public var parameters: [ComparedValue<String>]
    /// Aggregate metrics by name.
    public var metrics: [ComparedValue<MetricSummary>]
    /// Per-fold values of each metric both runs have, when the folds are the same; empty otherwise.
    public var pairedFolds: [String: (a: [Double], b: [Double])]
    /// Why the folds are not paired, when they are not.
    public var unpairedReason: String?

    public static func == (l: RunComparison, r: RunComparison) -> Bool {
        l.a == r.a && l.b == r.b && l.parameters == r.parameters && l.metrics == r.metrics
            && l.unpairedReason == r.unpairedReason
            && l.pairedFolds.keys.sorted() == r.pairedFolds.keys.sorted()
            && l.pairedFolds.allSatisfy { key, value in
                r.pairedFolds[key].map { $0.a == value.a && $0.b == value.b } ?? false
            }
    }
}

extension RunStore {
    /// Aligns two stored runs for a side-by-side comparison.
    public func compare(_ idA: String, _ idB: String) throws(TrackingError) -> RunComparison {
        RunComparison(try get(idA), try get(idB))
    }
}

extension RunComparison {
    /// Aligns two runs.
    public init(_ a: RunRecord, _ b: RunRecord) {
        self.a = a
        self.b = b
        func described(_ run: RunRecord) -> [String: String] {
            var fields: [String: String] = [
                "model": run.modelFamily, "dataset": "\(run.dataset.path) (\(run.dataset.fingerprint.prefix(12)))",
                "task": run.task, "seed": String(run.seed), "features": run.features.joined(separator: ","),
                "validation": run.validation.description,
                "training_seconds": String(format: "%.3f", run.trainingSeconds),
            ]
            if let target = run.target { fields["target"] = target }
            if !run.droppedColumns.isEmpty { fields["dropped"] = run.droppedColumns.joined(separator: ",") }
            if let recorded = RunPreprocessing(run.preprocessing) {
                fields["preprocessing"] = recorded.summary
            } else if run.preprocessing != .null {
                fields["preprocessing"] = run.preprocessing.description
            }
            for (key, value) in run.hyperParameters { fields["param." + key] = value.description }
            return fields
        }
        let pa = described(a)
        let pb = described(b)
        parameters = Set(pa.keys).union(pb.keys).sorted().map { ComparedValue(name: $0, a: pa[$0], b: pb[$0]) }
        metrics = Set(a.metrics.keys).union(b.metrics.keys).sorted().map {
            ComparedValue(name: $0, a: a.metrics[$0], b: b.metrics[$0])
        }
        var reason: String?
        if a.foldMetrics.isEmpty || b.foldMetrics.isEmpty {
            reason = "one of the runs has no per-fold metrics"
        } else if a.dataset.fingerprint != b.dataset.fingerprint {
            reason = "the runs used different datasets"
        } else if a.validation != b.validation || a.foldMetrics.count != b.foldMetrics.count {
            reason = "the runs used different validation folds"
        }
        var paired: [String: (a: [Double], b: [Double])] = [:]
        if reason == nil {
            let shared = a.foldMetrics.map { Set($0.keys) }.reduce(Set(a.foldMetrics[0].keys)) { $0.intersection($1) }
                .intersection(
                    b.foldMetrics.map { Set($0.keys) }.reduce(Set(b.foldMetrics[0].keys)) { $0.intersection($1) })
            for name in shared {
                paired[name] = (a.foldMetrics.compactMap { $0[name] }, b.foldMetrics.compactMap { $0[name] })
            }
        }
        pairedFolds = paired
        unpairedReason = reason
    }
}
