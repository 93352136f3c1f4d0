// The seeded inner train/validation split a model makes for itself (early stopping): stratified by
// class for a class target, shuffled otherwise.
// Leaves out: group and time splits (the Validation layer owns experiment-level splits).

enum InternalSplit {
    /// Row indices of the training and validation parts, each sorted.
    static func rows(count n: Int, fraction: Double, labels: [Int]?, seed: UInt64) -> (train: [Int], validation: [Int])
    {
        var g = SeededGenerator(seed: seed, stream: 0x5EED)
        var validation: [Int] = []
        if let labels {
            var byClass: [Int: [Int]] = [:]
            for (i, l) in labels.enumerated() { byClass[l, default: []].append(i) }
            for k in byClass.keys.sorted() {
                var idx = byClass[k] ?? []
                idx.shuffle(using: &g)
                let take = Int((Double(idx.count) * fraction).rounded())
                validation += idx.prefix(min(take, idx.count - 1))
            }
        } else {
            var idx = Array(0..<n)
            idx.shuffle(using: &g)
            validation = Array(idx.prefix(Int((Double(n) * fraction).rounded())))
        }
        let inValidation = Set(validation)
        return ((0..<n).filter { !inValidation.contains($0) }, validation.sorted())
    }
}
