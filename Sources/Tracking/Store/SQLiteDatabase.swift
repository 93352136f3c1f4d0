// A thin, safe wrapper over one libsqlite3 connection: open with WAL and a busy timeout,
// run statements with bound parameters, read rows, and run a closure in a transaction.
// Leaves out: connection pooling, prepared-statement caching, and anything schema-specific.
import CSQLite
import Foundation

/// A value bound to, or read from, a SQL statement.
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    var text: String? { if case .text(let s) = self { s } else { nil } }
    var integer: Int64? { if case .integer(let i) = self { i } else { nil } }
    var real: Double? {
        switch self {
        case .real(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
    var blob: Data? { if case .blob(let d) = self { d } else { nil } }
}

/// One open SQLite connection. Not thread-safe by itself: `RunStore` serialises access.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    let path: String

    /// Opens (creating when missing) the database file, in WAL mode with a busy timeout.
    /// - Parameter busyTimeoutMilliseconds: how long a writer waits for another process's lock.
    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(TrackingError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw TrackingError(
                .database,
                "Cannot open the run store at \(path): \(message). Check that the folder exists and is writable.")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
        try executeWhileBusy("PRAGMA journal_mode=WAL", forMilliseconds: busyTimeoutMilliseconds)
        // FULL makes each commit durable when the transaction returns, also on power loss.
        try execute("PRAGMA synchronous=FULL")
        try execute("PRAGMA foreign_keys=ON")
    }

    /// Runs `sql`, retrying for up to `milliseconds` while another connection holds the file.
    /// Switching to WAL while another process opens the same new store returns SQLITE_BUSY at once,
    /// without calling the busy handler: two sessions started together in one folder hit it.
    private func executeWhileBusy(_ sql: String, forMilliseconds milliseconds: Int32) throws(TrackingError) {
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        while true {
            let rc = sqlite3_exec(handle, sql, nil, nil, nil) & 0xff
            if rc == SQLITE_OK { return }
            guard rc == SQLITE_BUSY || rc == SQLITE_LOCKED, ContinuousClock.now < deadline else {
                throw error("execute", sql)
            }
            usleep(5_000)
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one statement and returns every row it produces, as column name → value.
    @discardableResult
    func query(_ sql: String, _ parameters: [SQLValue] = []) throws(TrackingError) -> [[String: SQLValue]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error("prepare", sql)
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in parameters.enumerated() {
            let position = Int32(index + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(statement, position)
            case .integer(let i): rc = sqlite3_bind_int64(statement, position, i)
            case .real(let d): rc = sqlite3_bind_double(statement, position, d)
            case .text(let s): rc = sqlite3_bind_text(statement, position, s, -1, mlexp_sqlite_transient())
            case .blob(let data):
                rc = data.withUnsafeBytes { raw in
                    sqlite3_bind_blob64(
                        statement, position, raw.baseAddress, sqlite3_uint64(raw.count), mlexp_sqlite_transient())
                }
            }
            guard rc == SQLITE_OK else { throw error("bind", sql) }
        }
        var rows: [[String: SQLValue]] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error("step", sql) }
            var row: [String: SQLValue] = [:]
            for column in 0..<sqlite3_column_count(statement) {
                let name = String(cString: sqlite3_column_name(statement, column))
                row[name] = Self.read(statement, column)
            }
            rows.append(row)
        }
        return rows
    }

    /// Runs one or more statements without parameters or results.
    func execute(_ sql: String) throws(TrackingError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error("execute", sql) }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    /// IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read.
    func transaction<T>(_ body: () throws(TrackingError) -> T) throws(TrackingError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The schema version stored in the file header (`PRAGMA user_version`).
    var userVersion: Int {
        get throws(TrackingError) {
            Int(try query("PRAGMA user_version").first?["user_version"]?.integer ?? 0)
        }
    }

    private static func read(_ statement: OpaquePointer, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        default: return .null
        }
    }

    private func error(_ step: String, _ sql: String) -> TrackingError {
        let message = String(cString: sqlite3_errmsg(handle))
        let code = sqlite3_errcode(handle)
        let hint =
            code == SQLITE_BUSY || code == SQLITE_LOCKED
            ? "Another mlexp process holds the run store; wait for it to finish and retry."
            : "The run store at \(path) may be damaged or unwritable; check the disk and file permissions."
        let statement = sql.count > 80 ? String(sql.prefix(80)) + "…" : sql
        return TrackingError(.database, "SQLite could not \(step) `\(statement)`: \(message). \(hint)")
    }
}
