// The one rule that decides which columns `mlexp train` and `mlexp explain` leave out of the
// features before fitting, with the reason for each: every column the data profile says to drop
// (likely leakage, ID-like, constant, nearly empty — the warnings whose action is drop_column, the
// same ones the Autopilot drops), plus free text unique in at least 95 % of its non-missing rows
// (names, ticket numbers), whose TF-IDF terms a model would memorise. `keep` overrides the rule
// per column; columns the user already excluded and the target are not reported.
// Leaves out: the Autopilot, which reads the same profile warnings through load_data but keeps
// free text for its text model.

/// A column left out by the screening rule.
public struct ScreenedColumn: Sendable, Codable, Equatable {
    public var column: String
    /// Why, in a sentence.
    public var reason: String
}

public enum ColumnScreening {
    /// Share of distinct values above which a free-text column counts as an identifier.
    public static let uniqueTextShare = 0.95

    /// The columns to leave out of `dataset` when predicting `target` (when clustering, for nil).
    /// - Complexity: that of `DataProfile` (one pass per column plus the leakage probe).
    public static func screen(
        dataset: Dataset, target: String?, keep: [String] = [], excluding: [String] = []
    ) throws(MLError) -> [ScreenedColumn] {
        for k in keep where !dataset.columns.contains(where: { $0.name == k }) {
            throw MLError(
                .unknownColumn,
                "--keep \(k): no such column. Columns: \(dataset.columns.map(\.name).joined(separator: ", ")).")
        }
        let profile = try DataProfile(dataset: dataset, target: target)
        let skip = Set(keep + excluding + [target].compactMap { $0 })
        var out: [ScreenedColumn] = []
        for w in profile.warnings where w.action == .dropColumn {
            guard let c = w.column, !skip.contains(c), !out.contains(where: { $0.column == c }) else { continue }
            out.append(ScreenedColumn(column: c, reason: w.message))
        }
        for (c, p) in zip(dataset.columns, profile.columns) where c.kind == .text && !skip.contains(c.name) {
            guard !out.contains(where: { $0.column == c.name }) else { continue }
            let present = max(dataset.rowCount - p.missing, 1)
            if Double(p.distinct) >= uniqueTextShare * Double(present) {
                out.append(
                    ScreenedColumn(
                        column: c.name,
                        reason:
                            "'\(c.name)' is free text unique in \(Int((Double(p.distinct) / Double(present) * 100).rounded())) % of rows (names, codes); a model would memorise its words."
                    ))
            }
        }
        return out
    }

    /// One sentence per screened column, saying why and how to keep it.
    public static func describe(_ screened: [ScreenedColumn]) -> [String] {
        screened.map { "Left out \($0.column): \($0.reason) (--keep \($0.column) keeps it.)" }
    }
}
