// The words a chart prints (titles, axes, legends, colour scales) in the session's language: each chart
// constructor takes the log's language and picks its English or French wording here, so a French
// session's notebook, HTML report and terminal show French charts. Data labels (feature names, class
// names, run ids, metric keys) are the data's own and stay as they are.
import Languages

/// Picks a chart's wording in one language.
struct ChartWords {
    let french: Bool

    init(_ language: Language) { french = language == .fr }

    /// `english` or `french`, in the chart's language.
    func callAsFunction(_ english: String, _ french: String) -> String { self.french ? french : english }
}
