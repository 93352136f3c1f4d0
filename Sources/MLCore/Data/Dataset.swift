// A table held by column: what the CSV reader produces and everything downstream reads.
// Leaves out: parsing (CSVReader), statistics (DataProfile), features for models (Pipeline).

/// A columnar table: named, typed columns of equal length.
public struct Dataset: Sendable, Equatable {
    public var columns: [Column]
    public let rowCount: Int
    /// Where the data came from (a file path), when it was read from a file.
    public var source: String?
    /// Content hash of the file's bytes, when it was read from a file (see `Fingerprint`).
    public var fileFingerprint: String?
    /// What the reader had to decide about the file that its author should know (an encoding other
    /// than UTF-8, numbers written with a decimal comma), one sentence each.
    public var readingNotes: [String] = []

    /// Builds a dataset from columns of equal length; throws when lengths or names disagree.
    public init(columns: [Column], source: String? = nil, fileFingerprint: String? = nil) throws(MLError) {
        let rows = columns.first?.count ?? 0
        if let bad = columns.first(where: { $0.count != rows }) {
            throw MLError(
                .shapeMismatch,
                "Column '\(bad.name)' has \(bad.count) rows but '\(columns[0].name)' has \(rows); give every column the same length."
            )
        }
        var seen = Set<String>()
        for c in columns where !seen.insert(c.name).inserted {
            throw MLError(.invalidInput, "Two columns are named '\(c.name)'; give every column a distinct name.")
        }
        self.init(uncheckedColumns: columns, rowCount: rows, source: source, fileFingerprint: fileFingerprint)
    }

    init(uncheckedColumns columns: [Column], rowCount: Int, source: String?, fileFingerprint: String?) {
        self.columns = columns
        self.rowCount = rowCount
        self.source = source
        self.fileFingerprint = fileFingerprint
    }

    public var columnCount: Int { columns.count }
    public var columnNames: [String] { columns.map(\.name) }

    /// The index of the column named `name`, or nil. - Complexity: O(columns).
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The column named `name`; the error suggests the closest existing name.
    public func column(named name: String) throws(MLError) -> Column {
        columns[try columnIndex(named: name)]
    }

    /// The index of the column named `name`; the error suggests the closest existing name.
    public func columnIndex(named name: String) throws(MLError) -> Int {
        if let i = index(of: name) { return i }
        throw MLError(.unknownColumn, Dataset.unknownColumnMessage(name, among: columnNames))
    }

    /// "No column 'Survivd'. Did you mean 'survived'? Columns: …".
    public static func unknownColumnMessage(_ name: String, among names: [String]) -> String {
        var message = "No column '\(name)'."
        if let close = NameSuggestion.closest(to: name, among: names) { message += " Did you mean '\(close)'?" }
        let shown = names.prefix(40).joined(separator: ", ") + (names.count > 40 ? ", … (\(names.count) in all)" : "")
        return message + " Columns: \(shown)."
    }

    /// The rows `rows` of every column, in that order. - Complexity: O(rows.count × columns).
    public func selecting(rows: [Int]) -> Dataset {
        Dataset(
            uncheckedColumns: columns.map { $0.selecting(rows: rows) }, rowCount: rows.count,
            source: source, fileFingerprint: nil)
    }

    /// The dataset without the named columns (unknown names are ignored).
    public func dropping(columns names: Set<String>) -> Dataset {
        Dataset(
            uncheckedColumns: columns.filter { !names.contains($0.name) }, rowCount: rowCount,
            source: source, fileFingerprint: fileFingerprint)
    }
}

/// Closest-name suggestions for misspelt column names (case-insensitive edit distance).
public enum NameSuggestion {
    /// The name in `names` closest to `name`, when it is close enough to be a plausible typo.
    public static func closest(to name: String, among names: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in names {
            let lower = candidate.lowercased()
            let d = lower == name.lowercased() ? 0 : editDistance(target, Array(lower))
            if let b = best, b.distance <= d { continue }
            best = (candidate, d)
        }
        guard let best else { return nil }
        let limit = max(2, target.count / 3)
        if best.distance <= limit { return best.name }
        // A prefix or containment match ("surv" → "survived") also counts.
        let lowerName = name.lowercased()
        return names.first {
            $0.lowercased().hasPrefix(lowerName) || lowerName.hasPrefix($0.lowercased()) && $0.count >= 3
        }
    }

    /// " Did you mean 'x'?" when a close name exists, else an empty string (for error messages).
    public static func didYouMean(_ name: String, among names: [String]) -> String {
        closest(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
    }
}
