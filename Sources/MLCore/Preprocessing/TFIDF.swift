// TF-IDF for a text column, with scikit-learn TfidfVectorizer's defaults where they matter:
// lowercase; tokens are runs of 2+ word characters (letters, digits, '_': the pattern \b\w\w+\b);
// unigrams and (optionally) bigrams of consecutive tokens joined by a space; min_df as a document
// count; max_features keeps the terms most frequent over the corpus (ties: alphabetical);
// smooth idf = ln((1 + n) / (1 + df)) + 1; sublinear tf = 1 + ln(tf); rows L2-normalised; the
// vocabulary sorted by code point. Leaves out: stop words, max_df, character n-grams.

import Foundation

/// A fitted TF-IDF vocabulary.
public struct TFIDFModel: Sendable, Codable, Equatable {
    /// Terms in feature order (sorted).
    public var terms: [String]
    public var idf: [Double]
    public var sublinearTf: Bool
    public var bigrams: Bool

    /// Learns the vocabulary and idf from `documents` (nil = missing, an empty document).
    public init(documents: [String?], minDf: Int, maxFeatures: Int, sublinearTf: Bool, bigrams: Bool) {
        var df: [String: Int] = [:], total: [String: Int] = [:]
        for doc in documents {
            let counts = TFIDFModel.termCounts(doc ?? "", bigrams: bigrams)
            for (term, c) in counts {
                df[term, default: 0] += 1
                total[term, default: 0] += c
            }
        }
        var kept = df.filter { $0.value >= max(minDf, 1) }.map(\.key)
        if kept.count > maxFeatures {
            kept.sort { a, b in
                let ta = total[a] ?? 0, tb = total[b] ?? 0
                return ta != tb ? ta > tb : TFIDFModel.precedes(a, b)
            }
            kept = Array(kept.prefix(maxFeatures))
        }
        kept.sort(by: TFIDFModel.precedes)
        let n = Double(documents.count)
        terms = kept
        idf = kept.map { log((1 + n) / (1 + Double(df[$0] ?? 0))) + 1 }
        self.sublinearTf = sublinearTf
        self.bigrams = bigrams
    }

    /// Row-major `documents × terms` weights. - Complexity: O(total text length + nonzeros).
    public func transform(_ documents: [String?]) -> [[(Int, Double)]] {
        var index: [String: Int] = [:]
        for (i, t) in terms.enumerated() { index[t] = i }
        return documents.map { doc in
            var row: [(Int, Double)] = []
            for (term, c) in TFIDFModel.termCounts(doc ?? "", bigrams: bigrams) {
                guard let j = index[term] else { continue }
                let tf = sublinearTf ? 1 + log(Double(c)) : Double(c)
                row.append((j, tf * idf[j]))
            }
            row.sort { $0.0 < $1.0 }  // a fixed summation order, so results do not depend on hashing
            let norm = row.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            return norm > 0 ? row.map { ($0.0, $0.1 / norm) } : row
        }
    }

    /// Term counts of one document.
    static func termCounts(_ text: String, bigrams: Bool) -> [String: Int] {
        let tokens = tokenize(text)
        var counts: [String: Int] = [:]
        for t in tokens { counts[t, default: 0] += 1 }
        if bigrams && tokens.count > 1 {
            for i in 0..<(tokens.count - 1) { counts[tokens[i] + " " + tokens[i + 1], default: 0] += 1 }
        }
        return counts
    }

    /// Lowercased runs of ≥ 2 word characters.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 2 { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.lowercased().unicodeScalars {
            if isWord(scalar) { current.append(scalar) } else { flush() }
        }
        flush()
        return tokens
    }

    /// Python's `\w`: letters, digits and other numbers, and '_'.
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default: return false
        }
    }

    /// Code-point order (Python's string order).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
