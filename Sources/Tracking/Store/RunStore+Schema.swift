// The run store's schema and its migrations. The version lives in `PRAGMA user_version`; each
// migration runs in the same transaction as the version bump, so a crash leaves either the old
// schema or the new one. Leaves out downgrades: a file from a newer mlexp is refused, not altered.

/// One step of the schema history.
struct Migration: Sendable {
    let version: Int
    let summary: String
    let sql: String
}

enum RunStoreSchema {
    /// The full history, oldest first. Append only: never edit a migration that has shipped.
    static let migrations: [Migration] = [
        Migration(
            version: 1, summary: "runs",
            sql: """
                CREATE TABLE runs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    created_at REAL NOT NULL,
                    session_id TEXT,
                    dataset_fingerprint TEXT NOT NULL,
                    model_family TEXT NOT NULL,
                    status TEXT NOT NULL,
                    record TEXT NOT NULL,
                    model BLOB
                );
                CREATE INDEX runs_session ON runs(session_id);
                CREATE INDEX runs_dataset ON runs(dataset_fingerprint);
                """),
        Migration(
            version: 2, summary: "test_evaluations: every look at the sealed test split",
            sql: """
                CREATE TABLE test_evaluations (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id TEXT NOT NULL REFERENCES runs(id),
                    evaluated_at REAL NOT NULL,
                    metrics TEXT NOT NULL,
                    requested_by TEXT NOT NULL
                );
                CREATE INDEX test_evaluations_run ON test_evaluations(run_id);
                """),
        Migration(
            version: 3, summary: "MLflow sync status per run",
            sql: """
                ALTER TABLE runs ADD COLUMN mlflow_status TEXT NOT NULL DEFAULT 'unsynced';
                ALTER TABLE runs ADD COLUMN mlflow_run_id TEXT;
                ALTER TABLE runs ADD COLUMN mlflow_error TEXT;
                """),
    ]

    static var currentVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the database up to `target` (default: the newest version), one transaction per step.
    /// - Throws: `.schemaTooNew` when the file is newer than this build knows.
    static func migrate(_ db: SQLiteDatabase, upTo target: Int = currentVersion) throws(TrackingError) {
        for migration in migrations where migration.version <= target {
            try db.transaction { () throws(TrackingError) in
                // Read inside the write lock: another process may have migrated meanwhile.
                let version = try db.userVersion
                if version > currentVersion {
                    throw TrackingError(
                        .schemaTooNew,
                        "The run store \(db.path) has schema version \(version), newer than this mlexp "
                            + "(\(currentVersion)). Upgrade mlexp, or use another workspace.")
                }
                guard version < migration.version else { return }
                try db.execute(migration.sql)
                try db.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
