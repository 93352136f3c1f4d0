// Joining two parts of one table back together, rows of the first then rows of the second: what a
// final model is refitted on once its configuration is chosen and its sealed test score recorded (the
// session holds the training rows and the sealed rows apart, never the whole table twice).
// Leaves out: tables whose columns differ (an error), and any reordering of the rows.

extension Column {
    /// This column's rows, then `other`'s; categorical levels are merged by name (kept sorted).
    /// - Throws: `MLError` when the two columns differ in name, kind or storage.
    public func appending(_ other: Column) throws(MLError) -> Column {
        guard name == other.name, kind == other.kind else {
            throw MLError(
                .invalidInput,
                "Cannot join column '\(name)' (\(kind.rawValue)) with '\(other.name)' (\(other.kind.rawValue)).")
        }
        switch (data, other.data) {
        case (.numeric(let a), .numeric(let b)): return Column(name: name, kind: kind, data: .numeric(a + b))
        case (.text(let a), .text(let b)): return Column(name: name, kind: kind, data: .text(a + b))
        case (.categorical(let a, let la), .categorical(let b, let lb)):
            if la == lb { return Column(name: name, kind: kind, data: .categorical(codes: a + b, levels: la)) }
            let levels = Array(Set(la).union(lb)).sorted()
            let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
            let remap = { (codes: [Int32], old: [String]) in
                codes.map { $0 < 0 ? -1 : code[old[Int($0)]] ?? -1 }
            }
            return Column(
                name: name, kind: kind, data: .categorical(codes: remap(a, la) + remap(b, lb), levels: levels))
        default:
            throw MLError(.invalidInput, "Cannot join the two parts of column '\(name)': they are stored differently.")
        }
    }
}

extension Dataset {
    /// This table's rows, then `other`'s (same columns in the same order).
    /// - Complexity: O((rowCount + other.rowCount) × columns).
    public func appending(_ other: Dataset) throws(MLError) -> Dataset {
        guard columnNames == other.columnNames else {
            throw MLError(.invalidInput, "Cannot join two tables whose columns differ.")
        }
        var joined: [Column] = []
        joined.reserveCapacity(columns.count)
        for (a, b) in zip(columns, other.columns) { joined.append(try a.appending(b)) }
        var out = Dataset(
            uncheckedColumns: joined, rowCount: rowCount + other.rowCount, source: source, fileFingerprint: nil)
        out.readingNotes = readingNotes
        return out
    }
}
