// Seeded row splits: holdout (optionally stratified), k-fold, stratified k-fold, group k-fold and a
// time-ordered split. Every function works on positions 0..<n of the arrays it is given (labels,
// groups, times) and returns positions; map them to dataset rows when the arrays were a subset.
// The same seed always gives the same split, on every platform (SeededGenerator + own shuffle).
// Leaves out: repeated k-fold and nested CV (callers loop over seeds).

/// Positions of the training and the validation (or test) rows of one split.
public struct TrainTestIndices: Sendable, Codable, Equatable {
    public var train: [Int]
    public var test: [Int]

    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }

    /// The same split expressed in dataset rows: `rows[position]`.
    public func mapped(to rows: [Int]) -> TrainTestIndices {
        TrainTestIndices(train: train.map { rows[$0] }, test: test.map { rows[$0] })
    }
}

/// Holdout splits.
public enum Split {
    /// A random holdout of `round(testFraction × n)` positions (at least 1 on each side when n ≥ 2).
    public static func holdout(count n: Int, testFraction: Double, seed: UInt64) throws(MLError) -> TrainTestIndices {
        try checkFraction(testFraction)
        var rng = SeededGenerator(seed: seed)
        let order = shuffled(Array(0..<n), using: &rng)
        let t = min(max(Int((testFraction * Double(n)).rounded()), n >= 2 ? 1 : 0), max(n - 1, 0))
        return TrainTestIndices(train: order[t...].sorted(), test: order[..<t].sorted())
    }

    /// A holdout that keeps every class's share: within each class `round(testFraction × count)`
    /// positions go to the test side, so each class's test count is within one of its exact share.
    public static func stratifiedHoldout(labels: [Int], testFraction: Double, seed: UInt64) throws(MLError)
        -> TrainTestIndices
    {
        try checkFraction(testFraction)
        var rng = SeededGenerator(seed: seed)
        // Each side in ascending order from a mark per row: the same lists as sorting them, in O(rows).
        var isTest = [Bool](repeating: false, count: labels.count)
        var testCount = 0
        for positions in byClass(labels) {
            let order = shuffled(positions, using: &rng)
            let t = Int((testFraction * Double(order.count)).rounded())
            for p in order[..<t] { isTest[p] = true }
            testCount += t
        }
        var train: [Int] = [], test: [Int] = []
        train.reserveCapacity(labels.count - testCount)
        test.reserveCapacity(testCount)
        for (p, held) in isTest.enumerated() {
            if held { test.append(p) } else { train.append(p) }
        }
        return TrainTestIndices(train: train, test: test)
    }

    /// A holdout of whole groups: groups in seeded order go to the test side while it holds fewer than
    /// `round(testFraction × n)` positions, so no group is on both sides (at least one group on each side
    /// when there are two groups or more).
    public static func groupedHoldout(groups: [Int], testFraction: Double, seed: UInt64) throws(MLError)
        -> TrainTestIndices
    {
        try checkFraction(testFraction)
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for (position, g) in groups.enumerated() {
            if members[g] == nil { order.append(g) }
            members[g, default: []].append(position)
        }
        var rng = SeededGenerator(seed: seed)
        let shuffledGroups = shuffled(Array(order.indices), using: &rng).map { order[$0] }
        let wanted = Int((testFraction * Double(groups.count)).rounded())
        var test: [Int] = [], train: [Int] = []
        for (k, g) in shuffledGroups.enumerated() {
            let rows = members[g] ?? []
            let last = k == shuffledGroups.count - 1
            if (test.count < wanted || (k == 0 && shuffledGroups.count >= 2)) && !(last && train.isEmpty) {
                test += rows
            } else {
                train += rows
            }
        }
        return TrainTestIndices(train: train.sorted(), test: test.sorted())
    }

    static func checkFraction(_ f: Double) throws(MLError) {
        guard f > 0 && f < 1 else {
            throw MLError(
                .invalidParameter, "testFraction must be between 0 and 1 (exclusive), got \(f); 0.2 is usual.")
        }
    }

    /// Positions of each class, in class order (classes that never occur give no entry).
    static func byClass(_ labels: [Int]) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        for (i, l) in labels.enumerated() { groups[l, default: []].append(i) }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// Fisher–Yates with the seeded generator (Swift's shuffle is not specified to be stable across versions).
    static func shuffled(_ values: [Int], using rng: inout SeededGenerator) -> [Int] {
        var v = values
        if v.count < 2 { return v }
        for i in stride(from: v.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            v.swapAt(i, j)
        }
        return v
    }
}

/// K-fold cross-validation over shuffled positions.
public struct KFold: Sendable, Codable, Equatable {
    public var folds = 5
    public var seed: UInt64 = 0

    public init(folds: Int = 5, seed: UInt64 = 0) {
        self.folds = folds
        self.seed = seed
    }

    /// `folds` splits; each position is in exactly one validation fold; fold sizes differ by at most one.
    public func split(count n: Int) throws(MLError) -> [TrainTestIndices] {
        try checkFolds(folds, n)
        var rng = SeededGenerator(seed: seed)
        let order = Split.shuffled(Array(0..<n), using: &rng)
        var assignment = [Int](repeating: 0, count: n)
        for (k, position) in order.enumerated() { assignment[position] = k % folds }
        return foldsFromAssignment(assignment, folds: folds)
    }
}

/// K-fold that keeps every class's share in each fold (within one sample per class).
public struct StratifiedKFold: Sendable, Codable, Equatable {
    public var folds = 5
    public var seed: UInt64 = 0

    public init(folds: Int = 5, seed: UInt64 = 0) {
        self.folds = folds
        self.seed = seed
    }

    public func split(labels: [Int]) throws(MLError) -> [TrainTestIndices] {
        try checkFolds(folds, labels.count)
        var rng = SeededGenerator(seed: seed)
        var assignment = [Int](repeating: 0, count: labels.count)
        var next = 0  // deal classes on from where the previous one stopped, so fold sizes stay balanced
        for positions in Split.byClass(labels) {
            for position in Split.shuffled(positions, using: &rng) {
                assignment[position] = next
                next = (next + 1) % folds
            }
        }
        return foldsFromAssignment(assignment, folds: folds)
    }
}

/// K-fold where all positions of a group land in the same fold (scikit-learn's GroupKFold:
/// the largest groups first, each to the currently smallest fold). Deterministic; no seed.
public struct GroupKFold: Sendable, Codable, Equatable {
    public var folds = 5

    public init(folds: Int = 5) { self.folds = folds }

    /// - Parameter groups: a group id per position (e.g. a patient or a customer).
    public func split(groups: [Int]) throws(MLError) -> [TrainTestIndices] {
        var sizes: [Int: Int] = [:]
        for g in groups { sizes[g, default: 0] += 1 }
        guard sizes.count >= folds else {
            throw MLError(
                .invalidParameter, "GroupKFold needs at least \(folds) groups, found \(sizes.count); use fewer folds.")
        }
        try checkFolds(folds, groups.count)
        let order = sizes.keys.sorted { (sizes[$0] ?? 0, $1) > (sizes[$1] ?? 0, $0) }
        var foldSize = [Int](repeating: 0, count: folds)
        var foldOf: [Int: Int] = [:]
        for g in order {
            let k = foldSize.indices.min { (foldSize[$0], $0) < (foldSize[$1], $1) } ?? 0
            foldOf[g] = k
            foldSize[k] += sizes[g] ?? 0
        }
        return foldsFromAssignment(groups.map { foldOf[$0] ?? 0 }, folds: folds)
    }
}

/// Time-ordered splits (scikit-learn's TimeSeriesSplit): positions sorted by time, the data cut into
/// `folds + 1` blocks; split k trains on blocks 0…k and validates on block k + 1, so a model never
/// sees the future. Missing times (NaN) sort first.
public struct TimeSeriesSplit: Sendable, Codable, Equatable {
    public var folds = 5
    /// Positions left out between training and validation (against leakage through autocorrelation).
    public var gap = 0

    public init(folds: Int = 5, gap: Int = 0) {
        self.folds = folds
        self.gap = gap
    }

    public func split(times: [Double]) throws(MLError) -> [TrainTestIndices] {
        let n = times.count
        guard folds >= 2, n >= folds + 1 + gap else {
            throw MLError(
                .invalidParameter,
                "A time split into \(folds) folds needs at least \(folds + 1 + gap) rows, found \(n); use fewer folds.")
        }
        let order = times.indices.sorted {
            (times[$0].isNaN ? -Double.infinity : times[$0], $0) < (times[$1].isNaN ? -Double.infinity : times[$1], $1)
        }
        let testSize = n / (folds + 1)
        return (0..<folds).map { k in
            let testStart = n - (folds - k) * testSize
            let trainEnd = max(testStart - gap, 0)
            return TrainTestIndices(
                train: order[..<trainEnd].sorted(), test: order[testStart..<(testStart + testSize)].sorted())
        }
    }
}

func checkFolds(_ folds: Int, _ n: Int) throws(MLError) {
    guard folds >= 2 else { throw MLError(.invalidParameter, "Cross-validation needs at least 2 folds, got \(folds).") }
    guard n >= folds else {
        throw MLError(
            .invalidParameter,
            "\(folds)-fold cross-validation needs at least \(folds) rows, found \(n); use fewer folds.")
    }
}

func foldsFromAssignment(_ assignment: [Int], folds: Int) -> [TrainTestIndices] {
    (0..<folds).map { k in
        var train: [Int] = [], test: [Int] = []
        for (position, fold) in assignment.enumerated() {
            if fold == k { test.append(position) } else { train.append(position) }
        }
        return TrainTestIndices(train: train, test: test)
    }
}
