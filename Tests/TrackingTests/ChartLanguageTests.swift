// Charts in a French session's language: every chart's own words (title, axes, legend, colour scale)
// are French, its data (feature, class and run names, metric keys, numbers) the same as in English.
// Data: the chart fixture of scikit-learn's numbers (Fixtures/chart_inputs.json).
import Foundation
import MLCore
import Testing
import Tracking

extension ChartExportTests {
    @Suite struct ChartLanguageTests {
        /// The chart's own words: what ChartWords picks (not the data's labels).
        static func words(_ c: Chart) -> [String] {
            [c.title, c.x.title, c.y.title] + c.layers.compactMap(\.name)
                + c.layers.compactMap(\.ramp).flatMap { [$0.title, $0.lowLabel, $0.highLabel] }
        }

        /// English words that only the English wording uses.
        static let english: Set<String> = [
            "curve", "rate", "predicted", "actual", "feature", "training", "train", "chance", "perfectly", "calibrated",
            "fraction",
            "positives", "residual", "residuals", "summary", "individual", "rows", "dependence", "reference", "repeats",
            "comparison",
            "confidence", "share", "count", "low", "high", "learning", "against", "over", "of", "on", "value", "impact",
            "std",
        ]

        @Test func everyChartSpeaksFrenchAroundTheSameData() throws {
            let en = try AllCharts.make(), fr = try AllCharts.make(.fr)
            #expect(en.count == fr.count)
            for (e, f) in zip(en, fr) {
                #expect(e.kind == f.kind)
                #expect(e.title != f.title, "\(e.kind) keeps its English title '\(f.title)'")
                let found = Self.words(f).flatMap { $0.lowercased().split { !$0.isLetter }.map(String.init) }.filter(
                    Self.english.contains)
                #expect(found.isEmpty, "\(f.kind) in French still says \(found): \(Self.words(f))")
                // The same marks on the same data: only the words differ.
                #expect(
                    e.layers.map(\.mark) == f.layers.map(\.mark)
                        && e.layers.map(\.data.count) == f.layers.map(\.data.count), "\(e.kind)")
                #expect(e.x.categories == f.x.categories && e.y.categories == f.y.categories, "\(e.kind)")
            }
        }

        @Test func englishStaysTheDefault() throws {
            #expect(try AllCharts.make().map(\.title) == AllCharts.make(.en).map(\.title))
            #expect(try AllCharts.make().contains { $0.title == "ROC curve" })
        }
    }
}
