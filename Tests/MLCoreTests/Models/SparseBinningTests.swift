// Binning of sparse features (a TF-IDF term: zero in most rows): few distinct values merge into bins of at
// least 3 values (LightGBM's min_data_in_bin), the dominant value keeping a bin of its own; a feature with no
// dominant value keeps one bin per distinct value, as scikit-learn's HistGradientBoosting bins it.

import Testing

@testable import MLCore

@Suite struct SparseBinningTests {
    @Test func aRareTermsValuesShareBinsOfThree() {
        // 90 zeros and ten distinct non-zero weights, each in one row.
        let nonZero = (1...10).map { Double($0) / 10 }
        let binning = FeatureBinner.numericBinning([Double](repeating: 0, count: 90) + nonZero, maxBins: 255)
        // Zero alone, then {0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}, {0.7, 0.8, 0.9}, {1.0}.
        #expect(binning.binCount == 5)
        #expect(binning.bin(of: 0) == 0)
        #expect(Set(nonZero.prefix(3).map { binning.bin(of: $0) }).count == 1)
        #expect(binning.bin(of: 0.3) != binning.bin(of: 0.4))
    }

    @Test func valuesBelowTheDominantOneKeepItsBinApart() {
        let values = [-2.0, -1, 0.5] + [Double](repeating: 1, count: 40) + [3, 4]
        let binning = FeatureBinner.numericBinning(values, maxBins: 255)
        #expect(binning.bin(of: 1) != binning.bin(of: 0.5))
        #expect(binning.bin(of: 1) != binning.bin(of: 3))
        #expect(binning.bin(of: -2) == binning.bin(of: 0.5))
    }

    @Test func aDenseFeatureKeepsABinPerDistinctValue() {
        let values = (0..<100).map { Double($0 % 20) }
        #expect(FeatureBinner.numericBinning(values, maxBins: 255).binCount == 20)
    }
}
