// What the tools say in the session's language: the words of the charts they keep with a run (the
// parts that are not the chart's own, ChartWord), and the notes of a repaired call. Ids with their
// facts; tables: ToolMessage+English.swift and ToolMessage+French.swift.
// Leaves out: the tools' results and errors, written in English for the model.

import Languages

/// A phrase of a tool, in the session's language.
enum ToolMessage: Message {
    /// After a chart's title when it was drawn on the sealed test split.
    case onTestSplit
    /// A SHAP summary of several outputs shows the last class's raw score.
    case rawScoreOfLastClass
    case rawScoreLogOdds
    /// "predicted survived": the output of a partial dependence curve.
    case predicted(target: String)
    /// What a partial dependence curve shows: MLCore's English label when there is one, else the predicted
    /// target and, for a class, its probability.
    case output(label: String?, target: String, className: String?)
    /// A permutation importance's measure ("drop in roc_auc"), or another method's ("gain importance").
    case importanceDrop(metric: String)
    case importance(method: String)
    /// What replaces a log field whose every sentence stated an unrecorded number.
    case leftOutField
    /// The note of an append_log call repaired by leaving out sentences with unrecorded numbers.
    case entryRepaired(numbers: String)
    case baselineHypothesis
    /// The note of a train_model call that trained the baseline first.
    case baselineFirst(model: String)
}
