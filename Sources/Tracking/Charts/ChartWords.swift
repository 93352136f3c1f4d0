// Says a chart's words (ChartWord) in the chart's language.
import Languages

/// A chart's words in one language.
struct ChartWords {
    let language: Language

    init(_ language: Language) { self.language = language }

    /// The word in the chart's language.
    func callAsFunction(_ word: ChartWord) -> String { word.text(language) }
}
