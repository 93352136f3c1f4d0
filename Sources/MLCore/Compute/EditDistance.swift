// Levenshtein distance, the one edit distance of MLCore: closest-name suggestions for misspelt column
// names (NameSuggestion) and parameter names (closestName). Leaves out: transpositions (Damerau).

/// The fewest single-character insertions, deletions and substitutions turning `a` into `b`.
/// - Complexity: O(a.count × b.count) time, O(b.count) memory.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
