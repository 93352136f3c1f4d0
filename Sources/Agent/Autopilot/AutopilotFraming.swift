// How the Autopilot frames a problem from load_data's result: task, main metric and its direction,
// validation scheme, the columns to drop (ID-like, leaking, constant — flagged by the profile) with
// the reason for each, the text columns, and the model families its plan will try.

public import MLCore

/// The framing read from a load_data result.
public struct AutopilotFraming: Sendable, Equatable {
    public var datasetID: String
    public var target: String
    public var task: String
    public var metric: String
    public var greaterIsBetter: Bool
    /// load_data's English phrase, and the same scheme as facts (nil from a result without them).
    public var validation: String
    public var scheme: (kind: ValidationSuggestion.Scheme, folds: Int, timeColumn: String?)?
    /// The entity column folds and the test split keep whole (load_data's validation_scheme.group_column).
    public var groupColumn: String?
    public var rows: Int
    public var trainRows: Int
    public var testRows: Int
    public var columnCount: Int
    /// Column → reason (the warning's English message, and the warning rebuilt from its facts for
    /// other languages), for each column left out of every model.
    public var drops: [(column: String, reason: String, warning: DataWarning?)]
    public var textColumns: [String]
    /// Other warnings of the profile (imbalance, duplicates…): the message, and the warning from its facts.
    public var otherWarnings: [(message: String, warning: DataWarning?)]

    public static func == (a: Self, b: Self) -> Bool {
        a.datasetID == b.datasetID && a.metric == b.metric && a.drops.map(\.column) == b.drops.map(\.column)
    }

    /// Warning kinds that make the Autopilot leave a column out.
    /// (A suspicious predictor is dropped only when its action says so: named like a post-outcome field.)
    static let droppingKinds: Set<String> = ["id_like", "likely_leakage", "constant", "repeated_entity"]

    public init?(loadResult r: JSONValue) {
        guard let id = r["dataset_id"]?.stringValue, let task = r["task"]?.stringValue,
            let metric = r["metric"]?.stringValue
        else { return nil }
        datasetID = id
        target = r["target"]?["name"]?.stringValue ?? ""
        self.task = task
        self.metric = metric
        greaterIsBetter = r["greater_is_better"]?.boolValue ?? true
        validation = r["validation"]?.stringValue ?? ""
        if let v = r["validation_scheme"],
            let kind = v["scheme"]?.stringValue.flatMap(ValidationSuggestion.Scheme.init(rawValue:))
        {
            scheme = (kind, v["folds"]?.intValue ?? 5, v["time_column"]?.stringValue)
            groupColumn = v["group_column"]?.stringValue
        }
        rows = r["rows"]?.intValue ?? 0
        trainRows = r["train_rows"]?.intValue ?? 0
        testRows = r["test_rows"]?.intValue ?? 0
        columnCount = r["column_count"]?.intValue ?? 0
        var drops: [(String, String, DataWarning?)] = []
        var others: [(String, DataWarning?)] = []
        for w in r["warnings"]?.arrayValue ?? [] {
            let kind = w["kind"]?.stringValue ?? "", message = w["message"]?.stringValue ?? kind
            let warning = DataWarning(loadDataWarning: w, in: r)
            if Self.droppingKinds.contains(kind) || w["action"]?.stringValue == "drop_column",
                let column = w["column"]?.stringValue, column != target
            {
                if !drops.contains(where: { $0.0 == column }) { drops.append((column, message, warning)) }
            } else {
                others.append((message, warning))
            }
        }
        self.drops = drops
        self.otherWarnings = others
        textColumns = (r["text_columns"]?.arrayValue ?? []).compactMap(\.stringValue)
            .filter { c in !drops.contains { $0.0 == c } }
    }

    public var isRegression: Bool { task == "regression" }
    /// No target: the clustering plan runs (AutopilotClustering).
    public var isClustering: Bool { task == "clustering" }
    public var dropList: [String] { drops.map(\.column) }

    /// The model family that is "the linear model" for this task.
    public var linearModel: String { isRegression ? "ridge" : "logistic" }
}
