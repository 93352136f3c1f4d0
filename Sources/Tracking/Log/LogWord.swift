// The words the experiment log writes itself, as ids with their facts: its headings (DESIGN.md, "The
// experiment log") and the clauses a tool writes from stored runs (features, the difference with a
// reference, the sealed test split, a confidence interval's label). "Next" stays English in every
// language, as DESIGN.md writes it. Tables: LogWord+English.swift and LogWord+French.swift.

public import Languages

/// A word or clause of the experiment log.
public enum LogWord: Message {
    case title, context, problem, data, metric, experiment, hypothesis, approach, result, analysis, next, decision
    /// A context not written yet.
    case notFramedYet
    /// Before a problem's name in a log of several ("Problem: ").
    case problemHeading
    /// Before the decision's next step ("Next: ").
    case nextLabel
    /// Opens a 95% confidence interval (" [95% CI ").
    case interval
    /// ", 12 features" after a run's parameters.
    case features(Int)
    case noRun
    /// " vs <reference cited>; difference +0.012 (r2 − r1)".
    case versus(reference: String, difference: String, run: String, referenceRun: String)
    case sealedTestSplit
}
