// Rows read so far across a CSV's parallel chunks, posted as `ProgressEvent.rowsRead` to the sink the
// read started under. Each chunk reports after every `every` blocks (about 30,000 cells), so the lock
// is taken a few hundred times per gigabyte. Leaves out: the column-finishing phase (no rows to count).

import Synchronization

/// Sums rows and bytes from every chunk reader and posts the totals.
final class CSVReadProgress: Sendable {
    /// Blocks a chunk reads between two reports.
    static let every = 4
    private let sink: @Sendable (ProgressEvent) -> Void
    private let bytes: Int
    private let totals = Mutex((rows: 0, bytes: 0))

    /// Nil when nobody watches (no sink), so readers skip the bookkeeping.
    init?(sink: (@Sendable (ProgressEvent) -> Void)?, bytes: Int) {
        guard let sink else { return nil }
        self.sink = sink
        self.bytes = max(bytes, 1)
    }

    /// Adds `rows` rows spanning `bytes` bytes, and posts the totals (under the lock, so the totals a
    /// sink sees only grow).
    func add(rows: Int, bytes read: Int) {
        totals.withLock { t in
            t.rows += rows
            t.bytes += read
            sink(.rowsRead(rows: t.rows, fraction: min(1, Double(t.bytes) / Double(bytes))))
        }
    }
}
