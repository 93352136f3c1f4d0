// Hyper-parameter search over a declared space with cross-validation, a time budget and a seed:
// random search (every sampled configuration on all the training rows of each fold) and
// successive halving (Jamieson & Talwalkar 2016; scikit-learn's HalvingRandomSearchCV with the
// number of training rows as the resource): start many configurations on a fraction of the rows,
// keep the best 1/factor, multiply the rows by factor, repeat; its first round has a floor in rows
// (`halvingSchedule`). Returns every trial, ranked.
// Leaves out: Bayesian optimisation (random search with halving is the strong simple baseline).

/// One configuration evaluated with cross-validation on a given share of the training rows.
public struct SearchTrial: Sendable, Codable, Equatable {
    public var rank: Int
    public var parameters: [String: ParameterValue]
    public var mean: Double
    public var std: Double
    public var foldScores: [Double]
    /// Share of each fold's training rows used (1 for random search and the last halving round).
    public var resource: Double
    public var round: Int
    public var seconds: Double
}

/// The ranked trials of a search.
public struct SearchResult: Sendable, Codable, Equatable {
    public var strategy: String
    public var metric: String
    /// Best first: later halving rounds before earlier ones, then by score.
    public var trials: [SearchTrial]
    public var best: SearchTrial?
    /// True when the time budget (or the cap on trials) stopped the search before it finished.
    public var stoppedByBudget: Bool
    public var seconds: Double
}

public enum HyperparameterSearch {
    public typealias FitPredict = (_ parameters: [String: ParameterValue], _ train: [Int], _ valid: [Int])
        throws(MLError) -> Prediction

    /// Random search: `candidates` seeded configurations, each cross-validated on all training rows, after
    /// the configurations of `including` (given as they are, evaluated first).
    public static func random(
        space: SearchSpace, candidates: Int, including: [[String: ParameterValue]] = [], metric: String,
        target: TargetValues, folds: [FoldRows], timeBudget: Double? = nil, maxTrials: Int? = nil, seed: UInt64 = 0,
        fitPredict: FitPredict
    ) throws(MLError) -> SearchResult {
        let configs = including + (try space.sample(candidates, seed: seed))
        var run = Runner(
            metric: metric, target: target, folds: folds, budget: timeBudget, maxTrials: maxTrials, seed: seed,
            planned: configs.count)
        for c in configs { if try run.trial(c, resource: 1, round: 0, fitPredict) == nil { break } }
        return run.result("random")
    }

    /// Successive halving: round r evaluates the survivors on `resource₀ × factor^r` of the training rows, as
    /// `halvingSchedule` plans with each fold's training rows and the floor `minRows`. The configurations of
    /// `including` join the sampled ones in the first round.
    public static func successiveHalving(
        space: SearchSpace, candidates: Int, including: [[String: ParameterValue]] = [], metric: String,
        target: TargetValues, folds: [FoldRows], factor: Int = 3, minRows: Int = 0, timeBudget: Double? = nil,
        maxTrials: Int? = nil, seed: UInt64 = 0, fitPredict: FitPredict
    ) throws(MLError) -> SearchResult {
        guard factor >= 2 else {
            throw MLError(.invalidParameter, "The halving factor must be at least 2 (3 is usual).")
        }
        var configs = including + (try space.sample(candidates, seed: seed))
        let rows = folds.map(\.train.count).min() ?? 0
        let schedule = halvingSchedule(candidates: configs.count, factor: factor, trainingRows: rows, minRows: minRows)
        var run = Runner(
            metric: metric, target: target, folds: folds, budget: timeBudget, maxTrials: maxTrials, seed: seed,
            planned: schedule.reduce(0) { $0 + $1.configurations })
        for (round, planned) in schedule.enumerated() {
            var scored: [SearchTrial] = []
            for c in configs.prefix(planned.configurations) {
                guard let t = try run.trial(c, resource: planned.resource, round: round, fitPredict) else {
                    return run.result("successive_halving")
                }
                scored.append(t)
            }
            let next = round + 1 < schedule.count ? schedule[round + 1].configurations : 0
            configs = run.sorted(scored).prefix(next).map { (t: SearchTrial) in t.parameters }
        }
        return run.result("successive_halving")
    }

    /// One round of successive halving: how many configurations it evaluates, and on what share of each
    /// fold's training rows.
    public struct HalvingRound: Sendable, Equatable {
        public var configurations: Int
        public var resource: Double

        public init(configurations: Int, resource: Double) {
            self.configurations = configurations
            self.resource = resource
        }
    }

    /// The rounds successive halving runs when nothing stops it. Each round keeps the best 1/`factor` of the
    /// last (at least one) and fits them on `factor` times its rows; the last round is on all the rows, or
    /// the one where a single configuration is left. The number of rounds is the fewest that bring
    /// `candidates` down to one, less those that would start below `minRows` training rows (or below 1 %
    /// of the rows): configurations ranked on a few hundred rows favour the small models that suit a few
    /// hundred rows (flights: the best of 18 on 1/27 of 61,000 rows scored 0.017 AUC under the defaults on
    /// all of them). So a floor takes rounds off the start, and the first round evaluates every candidate
    /// on more rows; when a fold has fewer than `minRows` training rows there is one round, every
    /// candidate on all the rows (a random search). `trainingRows` is a fold's training rows (the smallest).
    public static func halvingSchedule(candidates: Int, factor: Int, trainingRows: Int, minRows: Int = 0)
        -> [HalvingRound]
    {
        guard candidates > 0 else { return [] }
        let f = max(factor, 2)
        var rounds = 0, n = candidates
        while n > 1 { n = (n + f - 1) / f; rounds += 1 }
        func share(_ r: Int) -> Double { (0..<r).reduce(1.0) { s, _ in s / Double(f) } }
        while rounds > 0
            && (share(rounds) < 0.01 || share(rounds) * Double(trainingRows) < Double(minRows))
        {
            rounds -= 1
        }
        var schedule: [HalvingRound] = []
        n = candidates
        for r in 0...rounds {
            schedule.append(HalvingRound(configurations: n, resource: share(rounds - r)))
            if n == 1 { break }
            n = max(1, n / f)
        }
        return schedule
    }

    struct Runner {
        let metric: String
        let target: TargetValues
        let folds: [FoldRows]
        let budget: Double?
        /// Trials after which the search stops as the time budget stops it: a search the clock stopped after
        /// n trials runs again exactly (the same n trials, whatever the machine's speed) with `maxTrials` n.
        let maxTrials: Int?
        let seed: UInt64
        /// Trials the search would run without a budget (capped by `maxTrials`), for "trial i of m" on screen.
        let planned: Int
        let clock = ContinuousClock()
        let start: ContinuousClock.Instant
        var trials: [SearchTrial] = []
        var stopped = false

        init(
            metric: String, target: TargetValues, folds: [FoldRows], budget: Double?, maxTrials: Int?, seed: UInt64,
            planned: Int
        ) {
            self.metric = metric; self.target = target; self.folds = folds; self.budget = budget;
            self.maxTrials = maxTrials
            self.seed = seed
            self.planned = min(planned, maxTrials.map { max(1, $0) } ?? planned)
            start = clock.now
        }

        var elapsed: Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }

        /// Cross-validates one configuration; nil when the time budget or the cap on trials is spent.
        mutating func trial(
            _ parameters: [String: ParameterValue], resource: Double, round: Int, _ fitPredict: FitPredict
        ) throws(MLError) -> SearchTrial? {
            if let budget, elapsed >= budget, !trials.isEmpty { stopped = true; return nil }
            if let maxTrials, trials.count >= max(1, maxTrials) { stopped = true; return nil }
            let t0 = elapsed
            var scores: [Double] = []
            for (i, fold) in folds.enumerated() {
                try Cancellation.check()
                ProgressReport.post(.trial(trials.count + 1, of: planned, fold: i + 1, folds: folds.count))
                var train = fold.train
                if resource < 1 {
                    var rng = SeededGenerator(seed: seed, stream: UInt64(i))
                    train.shuffle(using: &rng)
                    train = Array(train.prefix(max(2, Int((Double(train.count) * resource).rounded())))).sorted()
                }
                let p = try fitPredict(parameters, train, fold.valid)
                scores.append(try Metrics.score(metric, target: target.selecting(rows: fold.valid), prediction: p))
            }
            let t = SearchTrial(
                rank: 0, parameters: parameters, mean: Stats.mean(scores), std: Stats.std(scores),
                foldScores: scores, resource: resource, round: round, seconds: elapsed - t0)
            trials.append(t)
            return t
        }

        func sorted(_ t: [SearchTrial]) -> [SearchTrial] {
            let sign = Metrics.greaterIsBetter(metric) ? 1.0 : -1.0
            return t.sorted { a, b in
                if a.round != b.round { return a.round > b.round }
                return sign * a.mean > sign * b.mean
            }
        }

        func result(_ strategy: String) -> SearchResult {
            var ranked = sorted(trials)
            for i in ranked.indices { ranked[i].rank = i + 1 }
            return SearchResult(
                strategy: strategy, metric: metric, trials: ranked, best: ranked.first,
                stoppedByBudget: stopped, seconds: elapsed)
        }
    }
}
