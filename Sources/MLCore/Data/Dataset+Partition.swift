// Cutting a table into two row sets (the session's training rows and its sealed test rows) without
// holding the table twice: each column is copied into both parts and then let go, so the peak is the
// table plus one column's parts, not the table plus both parts. Leaves out: choosing the rows (SealedTestSplit).

extension Dataset {
    /// The rows `first` and the rows `second` (each in the given order) as two datasets; the dataset
    /// itself is consumed, its columns released one by one as they are copied.
    /// - Complexity: O((first.count + second.count) × columns); extra memory: one column's two parts.
    public consuming func partitioned(_ first: [Int], _ second: [Int]) -> (Dataset, Dataset) {
        var a: [Column] = [], b: [Column] = []
        a.reserveCapacity(columns.count)
        b.reserveCapacity(columns.count)
        for i in columns.indices {
            let column = columns[i]
            // Drop the table's reference first: `column` is then the last one, freed after this iteration.
            columns[i] = Column(name: column.name, kind: column.kind, data: .numeric([]))
            a.append(column.selecting(rows: first))
            b.append(column.selecting(rows: second))
        }
        // How the file was read (readingNotes) holds for both parts.
        var parts = (
            Dataset(uncheckedColumns: a, rowCount: first.count, source: source, fileFingerprint: nil),
            Dataset(uncheckedColumns: b, rowCount: second.count, source: source, fileFingerprint: nil)
        )
        parts.0.readingNotes = readingNotes
        parts.1.readingNotes = readingNotes
        return parts
    }
}
