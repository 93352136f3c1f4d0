// Group leakage: a column that identifies an entity repeated across rows (a customer, an applicant, a
// patient) whose rows share the outcome. Random folds then put rows of one entity on both sides, and
// the score measures memory of the entity, not prediction for a new one. Rule (constants below): a
// categorical column with more than 50 entities (many levels), or a categorical or integer one named
// like an id with at least 20, at most 10 rows
// per entity on average, at least half of its entities on two rows or more, and rows that share their
// entity's outcome: leave-one-out within the entity, a row's class is its entity's other rows' majority
// at least 90 % of the way from the majority-class share to 1 (classification), or their mean explains
// R² ≥ 0.9 of it (regression). Missing values are entities of one row each.
// Sharing, not mere association: an entity whose rows' outcome moves from row to row (a country's life
// expectancy over the years: its other rows explain R² 0.69 of it in gapminder) is a panel, and the entity
// is an honest, strong feature when later rows of known entities are what will be predicted; an entity whose
// rows carry one outcome (an applicant entered 2–4 times with one default flag) is one observation counted
// several times, and random folds would score memory of it.
// Beyond 200,000 labelled rows the rule is measured on the rows of a sample of entities (a hash of the value).
// Leaves out: entities spread over several columns (a composite key) and time ordering within one.

/// A column found (or named) to group rows by, with the facts behind it.
public struct EntityGrouping: Sendable, Codable, Equatable {
    public var column: String
    /// Distinct non-missing values among the rows measured.
    public var entities: Int
    /// Share of the entities on two rows or more.
    public var repeatedShare: Double
    /// Leave-one-out agreement of a row with its entity (accuracy; R² for regression), on rows of repeated entities.
    public var agreement: Double
    /// The majority class's share on the same rows (0 for regression).
    public var baseline: Double
}

public enum EntityGroups {
    static let minEntities = 20, manyEntities = 50, maxRowsPerEntity = 10.0, minRepeatedShare = 0.5
    static let minAgreementGain = 0.9, minR2 = 0.9
    /// Labelled rows measured at most (the rows of a seeded sample of entities beyond).
    static let maxRows = 200_000

    /// A group id per dataset row: the column's value (categorical code or integer value, densely
    /// numbered), or a group of its own for a missing value; nil for a column that cannot group.
    public static func codes(_ column: Column) -> [Int]? {
        switch column.data {
        case .categorical(let codes, let levels):
            return codes.enumerated().map { r, c in c >= 0 ? Int(c) : levels.count + r }
        case .numeric(let v) where column.kind == .integer:
            var ids: [Double: Int] = [:]
            return v.enumerated().map { r, x in
                guard !x.isNaN else { return -1 - r }
                if let id = ids[x] { return id }
                ids[x] = ids.count
                return ids.count - 1
            }
        default: return nil
        }
    }

    /// The column's grouping facts on the rows with a target (nil when it cannot group).
    public static func measure(dataset: Dataset, column name: String, target: TargetSpec) -> EntityGrouping? {
        guard let column = try? dataset.column(named: name), let codes = codes(column),
            var rows = try? dataset.rowsWithTarget(target.column)
        else { return nil }
        // Beyond `maxRows` labelled rows, the rows of a seeded sample of entities (by a hash of their value,
        // so an entity is kept whole): shares and agreement are the same in expectation.
        if rows.count > maxRows {
            let keep = UInt64(Double(maxRows) / Double(rows.count) * 1_048_576)
            rows = rows.filter { NearDuplicates.mix(UInt64(bitPattern: Int64(codes[$0])) ^ 0xE471) & 0xFFFFF < keep }
        }
        guard let y = try? target.values(in: dataset, rows: rows) else { return nil }
        var members: [Int: [Int]] = [:]  // group → positions in rows
        for (p, r) in rows.enumerated() { members[codes[r], default: []].append(p) }
        let isMissingGroup: (Int) -> Bool = { g in
            if case .categorical(_, let levels) = column.data { return g >= levels.count }
            return g < 0
        }
        let real = members.filter { !isMissingGroup($0.key) }
        let repeated = real.values.filter { $0.count >= 2 }
        let share = real.isEmpty ? 0 : Double(repeated.count) / Double(real.count)
        let positions = repeated.flatMap { $0 }.sorted()
        guard !positions.isEmpty else {
            return EntityGrouping(
                column: name, entities: real.count, repeatedShare: share, agreement: 0, baseline: 0)
        }
        switch y {
        case .classes(let labels, let names):
            var total = [Int](repeating: 0, count: names.count)
            for p in positions { total[labels[p]] += 1 }
            let majority = LeakageProbe.argmax(total[...])
            var hits = 0
            for group in repeated {
                var counts = [Int](repeating: 0, count: names.count)
                for p in group { counts[labels[p]] += 1 }
                for p in group {
                    counts[labels[p]] -= 1
                    let top = counts.max() ?? 0
                    // Ties go to the majority class when it is among them, else to the first.
                    let guess = counts[majority] == top ? majority : (counts.firstIndex(of: top) ?? majority)
                    if guess == labels[p] { hits += 1 }
                    counts[labels[p]] += 1
                }
            }
            return EntityGrouping(
                column: name, entities: real.count, repeatedShare: share,
                agreement: Double(hits) / Double(positions.count),
                baseline: Double(total[majority]) / Double(positions.count))
        case .values(let v):
            let mean = positions.reduce(0.0) { $0 + v[$1] } / Double(positions.count)
            var ssRes = 0.0, ssTot = 0.0
            for group in repeated {
                let sum = group.reduce(0.0) { $0 + v[$1] }
                for p in group {
                    let other = (sum - v[p]) / Double(group.count - 1)
                    ssRes += (v[p] - other) * (v[p] - other)
                    ssTot += (v[p] - mean) * (v[p] - mean)
                }
            }
            return EntityGrouping(
                column: name, entities: real.count, repeatedShare: share,
                agreement: ssTot > 0 ? 1 - ssRes / ssTot : 0, baseline: 0)
        case .none: return nil
        }
    }

    /// Distinct non-missing values (levels in use for a categorical).
    static func distinctValues(_ column: Column) -> Int {
        switch column.data {
        case .categorical(let codes, let levels):
            var used = [Bool](repeating: false, count: levels.count)
            for c in codes where c >= 0 { used[Int(c)] = true }
            return used.filter { $0 }.count
        case .numeric(let v): return Set(v.filter { !$0.isNaN }).count
        case .text: return 0
        }
    }

    /// Whether measured facts make the column an entity to group by (the rule in the header).
    static func qualifies(_ g: EntityGrouping, rows: Int, regression: Bool) -> Bool {
        guard g.entities >= minEntities, Double(rows) / Double(g.entities) <= maxRowsPerEntity,
            g.repeatedShare >= minRepeatedShare
        else { return false }
        return regression ? g.agreement >= minR2 : g.agreement >= g.baseline + minAgreementGain * (1 - g.baseline)
    }

    /// The column that best identifies a repeated entity sharing the outcome (highest agreement), if any.
    /// Candidates: categorical columns, and integer columns named like an id; `skip` is left out.
    public static func detect(dataset: Dataset, target: TargetSpec, skip: Set<String> = []) -> EntityGrouping? {
        let rows = (try? dataset.rowsWithTarget(target.column).count) ?? 0
        guard rows >= 2 * minEntities else { return nil }
        var best: EntityGrouping?
        for column in dataset.columns where column.name != target.column && !skip.contains(column.name) {
            let named = DataWarnings.isIDName(column.name)
            guard column.kind == .categorical || (column.kind == .integer && named) else { continue }
            // Cheap screen before measuring: enough distinct values, and not one per row.
            let distinct = distinctValues(column)
            guard distinct >= (named ? minEntities : manyEntities + 1),
                Double(rows) / Double(distinct) <= maxRowsPerEntity,
                distinct < rows
            else {
                continue
            }
            guard let g = measure(dataset: dataset, column: column.name, target: target),
                qualifies(g, rows: rows, regression: target.task == .regression)
            else { continue }
            if best.map({ g.agreement > $0.agreement }) ?? true { best = g }
        }
        return best
    }
}
