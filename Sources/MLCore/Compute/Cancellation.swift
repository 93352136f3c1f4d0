// Cooperative cancellation of long computations. A fit's driving loop calls `Cancellation.check()` once
// per iteration, tree, fold or trial; it throws `MLError(.cancelled)` when the Swift task running the
// computation was cancelled (Ctrl-C in chat). Parallel workers do not poll: a region ends within one
// iteration's work, so the CPU stops within a second of the request. Work started from a plain thread
// (not in a task) is never cancelled.
// Leaves out: interrupting a kernel mid-iteration; rolling back partial results (the caller drops them).

public enum Cancellation {
    /// Throws `MLError(.cancelled)` when the current task was cancelled. - Complexity: O(1).
    public static func check() throws(MLError) {
        if Task.isCancelled { throw cancelled }
    }

    /// Whether the current task was cancelled, for loops that stop early without throwing.
    public static var isRequested: Bool { Task.isCancelled }

    /// The error a cancelled computation throws.
    public static let cancelled = MLError(.cancelled, "Cancelled before it finished; nothing was kept.")
}
