// The run store: every experiment run in an embedded SQLite database in the workspace
// (`.mlexp/runs.sqlite`). Each write is one transaction (a crash loses nothing committed); ids are
// assigned under the write lock, so they are unique across processes. Leaves out the MLflow sink
// (MLflow/) and the comparison of two runs (RunStore+Compare.swift).
public import Foundation
import Synchronization

/// The embedded run store. Safe to share between tasks; several processes may open the same file.
public final class RunStore: Sendable {
    /// The connection, used by one thread at a time.
    private let db: Mutex<SQLiteDatabase>
    /// The database file.
    public let path: String

    /// The default location inside a workspace: `<workspace>/.mlexp/runs.sqlite`.
    public static func defaultPath(workspace: URL) -> URL {
        workspace.appendingPathComponent(".mlexp", isDirectory: true).appendingPathComponent("runs.sqlite")
    }

    /// Opens the store of a workspace (the current directory when nil), creating it when missing.
    public convenience init(workspace: URL? = nil) throws(TrackingError) {
        let root = workspace ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let file = Self.defaultPath(workspace: root)
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw TrackingError(
                .io, "Cannot create \(file.deletingLastPathComponent().path): \(error.localizedDescription).")
        }
        try self.init(path: file.path)
    }

    /// Opens (creating and migrating when needed) the store at `path`.
    public init(path: String) throws(TrackingError) {
        self.path = path
        let database = try SQLiteDatabase(path: path)
        try RunStoreSchema.migrate(database)
        db = Mutex(database)
    }

    /// Opens a store migrated only up to `version`: for tests of migrations from older files.
    init(path: String, schemaVersion version: Int) throws(TrackingError) {
        self.path = path
        let database = try SQLiteDatabase(path: path)
        try RunStoreSchema.migrate(database, upTo: version)
        db = Mutex(database)
    }

    /// Runs raw SQL (tests build older-schema files with it).
    func rawQuery(_ sql: String, _ parameters: [SQLValue] = []) throws(TrackingError) -> [[String: SQLValue]] {
        try serial { db throws(TrackingError) in try db.query(sql, parameters) }
    }

    // MARK: Writing

    /// Records a new run; the store assigns its id and creation time.
    /// - Returns: the record as stored (with `id` and `createdAt` set).
    @discardableResult
    public func insert(_ run: RunRecord) throws(TrackingError) -> RunRecord {
        try serial { db throws(TrackingError) in
            try db.transaction { () throws(TrackingError) in
                let last =
                    try db.query("SELECT seq FROM sqlite_sequence WHERE name = 'runs'").first?["seq"]?.integer ?? 0
                let seq = last + 1
                var stored = run
                stored.id = String(format: "r%04lld", seq)
                stored.createdAt = Date()
                stored.modelSize = stored.model?.count
                try db.query(
                    """
                    INSERT INTO runs (seq, id, created_at, session_id, dataset_fingerprint, model_family,
                        status, record, model, mlflow_status, mlflow_run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .integer(seq), .text(stored.id), .real(stored.createdAt.timeIntervalSince1970),
                        stored.sessionID.map(SQLValue.text) ?? .null, .text(stored.dataset.fingerprint),
                        .text(stored.modelFamily), .text(stored.status.rawValue), .text(try Self.encode(stored)),
                        stored.model.map(SQLValue.blob) ?? .null, .text(stored.mlflowStatus.rawValue),
                        stored.mlflowRunID.map(SQLValue.text) ?? .null,
                    ])
                return stored
            }
        }
    }

    /// Replaces a stored run's content (metrics, status, model…); its id and creation time are kept.
    public func update(_ run: RunRecord) throws(TrackingError) {
        try serial { db throws(TrackingError) in
            try db.transaction { () throws(TrackingError) in
                var stored = run
                stored.createdAt = try requireRow(run.id, db).createdAt
                try db.query(
                    """
                    UPDATE runs SET session_id = ?, dataset_fingerprint = ?, model_family = ?, status = ?,
                        record = ?, model = ?, mlflow_status = ?, mlflow_run_id = ? WHERE id = ?
                    """,
                    [
                        stored.sessionID.map(SQLValue.text) ?? .null, .text(stored.dataset.fingerprint),
                        .text(stored.modelFamily), .text(stored.status.rawValue), .text(try Self.encode(stored)),
                        stored.model.map(SQLValue.blob) ?? .null, .text(stored.mlflowStatus.rawValue),
                        stored.mlflowRunID.map(SQLValue.text) ?? .null, .text(stored.id),
                    ])
            }
        }
    }

    /// Deletes runs (and their test-split evaluations) that a session killed mid-step stored but never
    /// reported; when they were the newest, their ids are given out again, so a resumed session numbers
    /// its runs as an uninterrupted one would.
    public func discard(_ ids: [String]) throws(TrackingError) {
        guard !ids.isEmpty else { return }
        try serial { db throws(TrackingError) in
            try db.transaction { () throws(TrackingError) in
                for id in ids {
                    try db.query("DELETE FROM test_evaluations WHERE run_id = ?", [.text(id)])
                    try db.query("DELETE FROM runs WHERE id = ?", [.text(id)])
                }
                try db.query(
                    "UPDATE sqlite_sequence SET seq = (SELECT COALESCE(MAX(seq), 0) FROM runs) WHERE name = 'runs'")
            }
        }
    }

    /// Sets a run's status (e.g. `.failed` when its fit threw).
    public func updateStatus(_ id: String, _ status: RunStatus) throws(TrackingError) {
        try serial { db throws(TrackingError) in
            try db.transaction { () throws(TrackingError) in
                _ = try requireRow(id, db)
                try db.query("UPDATE runs SET status = ? WHERE id = ?", [.text(status.rawValue), .text(id)])
            }
        }
    }

    /// Records whether a run reached MLflow (and the server's run id, or why it failed).
    public func updateMLflowSync(
        _ id: String, status: MLflowSyncStatus, mlflowRunID: String? = nil, error: String? = nil
    ) throws(TrackingError) {
        try serial { db throws(TrackingError) in
            try db.transaction { () throws(TrackingError) in
                _ = try requireRow(id, db)
                try db.query(
                    "UPDATE runs SET mlflow_status = ?, mlflow_run_id = COALESCE(?, mlflow_run_id), mlflow_error = ? WHERE id = ?",
                    [
                        .text(status.rawValue), mlflowRunID.map(SQLValue.text) ?? .null,
                        error.map(SQLValue.text) ?? .null, .text(id),
                    ])
            }
        }
    }

    /// Records one evaluation of a run on the sealed test split.
    public func recordTestEvaluation(_ evaluation: TestEvaluation) throws(TrackingError) {
        try serial { db throws(TrackingError) in
            try db.transaction { () throws(TrackingError) in
                _ = try requireRow(evaluation.runID, db)
                try db.query(
                    "INSERT INTO test_evaluations (run_id, evaluated_at, metrics, requested_by) VALUES (?, ?, ?, ?)",
                    [
                        .text(evaluation.runID), .real(evaluation.evaluatedAt.timeIntervalSince1970),
                        .text(try Self.encode(evaluation.metrics)), .text(evaluation.requestedBy),
                    ])
            }
        }
    }

    // MARK: Reading

    /// The run with this id.
    /// - Throws: `.unknownRun` with the known ids when there is none.
    public func get(_ id: String) throws(TrackingError) -> RunRecord {
        try serial { db throws(TrackingError) in try requireRow(id, db) }
    }

    /// Runs, newest first, optionally only one session's or one dataset's.
    /// - Parameter includeModels: load the model blobs too (they can be large).
    public func list(
        session: String? = nil, datasetFingerprint: String? = nil, limit: Int? = nil, includeModels: Bool = false
    ) throws(TrackingError) -> [RunRecord] {
        var clauses: [String] = []
        var parameters: [SQLValue] = []
        if let session {
            clauses.append("session_id = ?")
            parameters.append(.text(session))
        }
        if let datasetFingerprint {
            clauses.append("dataset_fingerprint = ?")
            parameters.append(.text(datasetFingerprint))
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let columns =
            (includeModels ? "*" : "id, created_at, status, record, mlflow_status, mlflow_run_id")
            + ", LENGTH(model) AS model_size"
        let rows = try serial { db throws(TrackingError) in
            try db.query("SELECT \(columns) FROM runs\(whereClause) ORDER BY seq DESC\(limitClause)", parameters)
        }
        var runs: [RunRecord] = []
        for row in rows { runs.append(try Self.decode(row)) }
        return runs
    }

    /// Runs not yet logged to MLflow, oldest first (with their model blobs left out).
    public func unsynced() throws(TrackingError) -> [RunRecord] {
        try list().filter { $0.mlflowStatus == .unsynced }.reversed()
    }

    /// Every evaluation on the sealed test split, oldest first; one run's only when `runID` is given.
    public func testEvaluations(runID: String? = nil) throws(TrackingError) -> [TestEvaluation] {
        let rows = try serial { db throws(TrackingError) in
            try db.query(
                "SELECT * FROM test_evaluations" + (runID == nil ? "" : " WHERE run_id = ?") + " ORDER BY seq",
                runID.map { [.text($0)] } ?? [])
        }
        var result: [TestEvaluation] = []
        for row in rows {
            guard let id = row["run_id"]?.text, let time = row["evaluated_at"]?.real,
                let metrics = row["metrics"]?.text, let who = row["requested_by"]?.text
            else { throw TrackingError(.encoding, "A test evaluation row in \(path) is incomplete.") }
            result.append(
                TestEvaluation(
                    runID: id, evaluatedAt: Date(timeIntervalSince1970: time),
                    metrics: try Self.decode([String: MetricSummary].self, metrics), requestedBy: who))
        }
        return result
    }

    /// How many runs the store holds.
    public func count() throws(TrackingError) -> Int {
        let rows = try serial { db throws(TrackingError) in try db.query("SELECT COUNT(*) AS n FROM runs") }
        return Int(rows.first?["n"]?.integer ?? 0)
    }

    /// SQLite's own integrity check: "ok" when the file is sound.
    public func integrityCheck() throws(TrackingError) -> String {
        let rows = try serial { db throws(TrackingError) in try db.query("PRAGMA integrity_check") }
        return rows.compactMap { $0["integrity_check"]?.text }.joined(separator: "; ")
    }

    // MARK: Internals

    /// `body` on the connection, one caller at a time.
    private func serial<T: Sendable>(_ body: (SQLiteDatabase) throws(TrackingError) -> T) throws(TrackingError) -> T {
        try db.withLock { db throws(TrackingError) in try body(db) }
    }

    /// Reads one run with its model; `db` is the connection `serial` lent.
    private func requireRow(_ id: String, _ db: SQLiteDatabase) throws(TrackingError) -> RunRecord {
        guard
            let row = try db.query("SELECT *, LENGTH(model) AS model_size FROM runs WHERE id = ?", [.text(id)]).first
        else {
            let known = try db.query("SELECT id FROM runs ORDER BY seq DESC LIMIT 10").compactMap { $0["id"]?.text }
            throw TrackingError(
                .unknownRun,
                "No run '\(id)'. "
                    + (known.isEmpty
                        ? "The store is empty: train a model first."
                        : "Recent runs: \(known.joined(separator: ", ")) (see `mlexp runs`)."))
        }
        return try Self.decode(row)
    }

    private static func decode(_ row: [String: SQLValue]) throws(TrackingError) -> RunRecord {
        guard let json = row["record"]?.text else {
            throw TrackingError(.encoding, "A run row has no record column; the store may be damaged.")
        }
        var run = try decode(RunRecord.self, json)
        if let id = row["id"]?.text { run.id = id }
        // createdAt comes from the JSON (exact); the created_at column is its copy for SQL queries.
        if let status = row["status"]?.text.flatMap(RunStatus.init(rawValue:)) { run.status = status }
        if let sync = row["mlflow_status"]?.text.flatMap(MLflowSyncStatus.init(rawValue:)) { run.mlflowStatus = sync }
        run.mlflowRunID = row["mlflow_run_id"]?.text ?? run.mlflowRunID
        run.model = row["model"]?.blob
        run.modelSize = row["model_size"]?.integer.map { Int($0) }
        return run
    }

    static func encode(_ value: some Encodable) throws(TrackingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw TrackingError(.encoding, "Cannot encode \(type(of: value)) for the run store: \(error).")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws(TrackingError) -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(T.self, from: Data(json.utf8))
        } catch {
            throw TrackingError(.encoding, "Cannot decode a stored \(T.self): \(error). The store may be damaged.")
        }
    }
}
