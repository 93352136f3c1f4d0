// What every tool is: a name (its schema is tools/NAME.json, embedded) and a run function that
// takes validated JSON arguments and returns a compact JSON result. Tools never print; they may report
// progress through the context. Leaves out: validation and error wrapping (ToolRegistry does both).

public import LLMClient
public import Languages
public import Tracking

/// One tool the model can call.
public protocol AgentTool: Sendable {
    /// The tool's name, also the name of its schema file in tools/.
    var name: String { get }
    /// Runs the tool on arguments already validated against its schema.
    /// Throws `ToolError` (or `MLError`) with a message the model can act on.
    func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue
    /// Arguments that make a refused call acceptable by leaving out what the refusal named (nil: no such
    /// repair), and a note saying what was left out. Used only when a model sends a refused call again
    /// unchanged: it has shown it cannot correct the call itself.
    func repaired(_ arguments: JSONValue, in context: ToolContext) -> (arguments: JSONValue, note: String)?
}

extension AgentTool {
    public func repaired(_ arguments: JSONValue, in context: ToolContext) -> (arguments: JSONValue, note: String)? {
        nil
    }
}

/// Where a tool runs: the workspace it may touch, the session it reads and updates, the run store and
/// experiment log of the workspace, and a progress sink.
public struct ToolContext: Sendable {
    public let workspace: Workspace
    public let session: Session
    public let store: RunStore
    public let log: ExperimentLog
    /// Called with a short note ("fold 3/5") while a long tool runs; the CLI shows it as progress.
    public let progress: @Sendable (String) -> Void

    public init(
        workspace: Workspace, session: Session, store: RunStore, log: ExperimentLog,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.workspace = workspace
        self.session = session
        self.store = store
        self.log = log
        self.progress = progress
    }

    /// The language of the charts kept with the runs (the session's, as the log's headings).
    public var chartLanguage: Language { session.language }

    /// Keeps a run's out-of-fold predictions on disk (for a resumed session) and in the session; large
    /// ones, once on disk, only there.
    public func recordRun(_ artifacts: RunArtifacts) {
        let archive = OutOfFoldArchive(workspace: workspace.root)
        let kept = archive.save(artifacts)
        session.recordRun(artifacts, archivedIn: kept && OutOfFoldArchive.isLarge(artifacts) ? archive : nil)
    }

    /// Opens the run store and the log of `workspace` (creating `.mlexp/` when needed).
    public static func open(
        workspace: Workspace, session: Session, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(TrackingError) -> ToolContext {
        let store = try RunStore(workspace: workspace.root)
        let log = ExperimentLog(workspace: workspace.root, language: session.language)
        return ToolContext(workspace: workspace, session: session, store: store, log: log, progress: progress)
    }
}

/// The result of running one tool call, as the loop and transcripts record it.
public struct ToolOutcome: Sendable, Equatable {
    /// The JSON result (or {"error": ...}) as the model will read it.
    public var content: String
    public var isError: Bool
    /// Wall time of the run, in seconds.
    public var seconds: Double

    public init(content: String, isError: Bool, seconds: Double = 0) {
        self.content = content
        self.isError = isError
        self.seconds = seconds
    }

    /// An error outcome with the message wrapped as {"error": message}.
    public static func error(_ message: String, seconds: Double = 0) -> ToolOutcome {
        ToolOutcome(content: JSONValue.object(["error": .string(message)]).text, isError: true, seconds: seconds)
    }
}

/// Anything that can run tool calls: the registry, or a test double.
public protocol ToolExecuting: Sendable {
    /// The definitions sent to the model with every request.
    var definitions: [ToolDefinition] { get }
    /// Validates and runs one call; never throws (every failure is an error outcome).
    func execute(_ call: ToolCall) async -> ToolOutcome
    /// Runs a refused call again with the repair its tool knows (what the refusal named left out), the
    /// note in the result; nil when the tool has none.
    func executeRepaired(_ call: ToolCall) async -> ToolOutcome?
}

extension ToolExecuting {
    public func executeRepaired(_ call: ToolCall) async -> ToolOutcome? { nil }
}
