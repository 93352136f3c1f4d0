// `mlexp train FILE --model kmeans [--set nClusters=3] [--reference COL] [--seed N] [--json]`: clustering
// without a target. Every row is fitted (a clustering has no held-out score), the features screened
// as for prediction (IDs, constants, unique free text left out, --keep overrides) and standardised;
// prints inertia, silhouette and, with --reference, the adjusted Rand index against that label column
// (never a feature), with the cluster sizes. Leaves out: recording the run (the agent's train_model).

import ArgumentParser
import Foundation
import MLCore

extension TrainCommand {
    func cluster(overrides: [String: String], validationChosen: Bool) throws {
        guard !validationChosen else {
            throw MLError(
                .invalidParameter,
                "Without --target, k-means fits and scores every row (a clustering has no held-out score); leave out --holdout, --cv and --test."
            )
        }
        let family = try ModelFamily.named(model)
        let parameters = try family.parse(overrides)
        let dataset = try Dataset.load(path: file)
        var excluding = exclude.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        if let reference, dataset.index(of: reference) == nil {
            throw MLError(.unknownColumn, Dataset.unknownColumnMessage(reference, among: dataset.columnNames))
        }
        let screened = try ColumnScreening.screen(
            dataset: dataset, target: nil, keep: keep, excluding: excluding + (reference.map { [$0] } ?? []))
        excluding += screened.map(\.column)
        let spec = ClusteringSpec(
            family: family, parameters: parameters, seed: seed, threads: threads, excluding: excluding,
            reference: reference)
        let result = try ClusteringRunner.run(dataset: dataset, spec: spec)
        print(
            json
                ? try Self.json(result, screened: screened)
                : ([Self.text(result)] + ColumnScreening.describe(screened)).joined(separator: "\n"))
    }

    static func json(_ r: ClusteringResult, screened: [ScreenedColumn]) throws(MLError) -> String {
        var object: [String: Any] = [
            "model": r.model, "task": "clustering", "params": r.parameters,
            "metrics": r.metrics.filter { $0.value.isFinite },
            "fit_seconds": r.fitSeconds, "rows": r.rows, "features": r.features, "columns": r.columns,
            "cluster_sizes": r.sizes,
            "scaler": "standard", "excluded": screened.map { ["column": $0.column, "reason": $0.reason] },
        ]
        if let reference = r.reference { object["reference"] = reference.column }
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw MLError(.io, "Could not write the result as JSON: \(error).")
        }
    }

    static func text(_ r: ClusteringResult) -> String {
        var lines = [
            "\(r.model) on \(r.rows) rows × \(r.features) features (numeric columns standardised), fit in \(String(format: "%.3f", r.fitSeconds)) s",
            "clusters: \(r.sizes.count), sizes \(r.sizes.map(String.init).joined(separator: ", "))",
            "scored on the fitted rows (a clustering has no held-out score)"
                + (r.reference.map {
                    "; adjusted_rand against '\($0.column)' on \(r.referenceRows) rows, not a feature"
                } ?? ""),
        ]
        for key in r.metrics.keys.sorted() {
            guard let v = r.metrics[key] else { continue }
            lines.append("  \(key.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%.4f", v))")
        }
        lines.append(
            "params: " + r.parameters.keys.sorted().map { "\($0)=\(r.parameters[$0] ?? "")" }.joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}
