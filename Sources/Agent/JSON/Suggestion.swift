// "Did you mean …?": the closest name by edit distance, for error messages a model can act on.
// Case-insensitive; ignores '_', '-' and spaces differences cheaply by comparing lowercased text.

/// Finds the candidate nearest to a misspelt name.
public enum Suggestion {
    /// The candidate closest to `name`, when it is close enough to be a plausible typo.
    /// - Complexity: O(candidates × |name| × |candidate|).
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let n = normalized(name)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(n, normalized(c))
            if let b = best, b.1 <= d { continue }
            best = (c, d)
        }
        guard let (candidate, d) = best else { return nil }
        let limit = max(1, min(3, n.count / 3 + 1))
        if d <= limit { return candidate }
        // a prefix or containment match ("surv" for "survived") is also a good guess
        let c = normalized(candidate)
        if n.count >= 3, c.contains(n) || n.contains(c) { return candidate }
        return candidates.first { normalized($0).contains(n) && n.count >= 3 }
    }

    /// " Did you mean 'x'?" or an empty string.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String {
        closest(to: name, in: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    static func normalized(_ s: String) -> [Character] {
        Array(s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
