// TargetSpec.values gives each row the label of its class name: the fast path (a label per level or per
// distinct number) against the naive twin it replaced (format every row's value, look the string up),
// on integer, boolean, float, categorical and text targets, and the unseen-class error kept.
import Testing

@testable import MLCore

@Suite struct TargetLabelTests {
    /// The per-row version: the class name of each row's value as text.
    static func naiveLabels(_ dataset: Dataset, _ spec: TargetSpec) throws -> [Int] {
        let column = try dataset.column(named: spec.column)
        return (0..<dataset.rowCount).map { spec.classNames.firstIndex(of: column.string(at: $0) ?? "") ?? -1 }
    }

    @Test(arguments: [
        "y\n3\n1\n3\n2\n1\n3\n",
        "y\ntrue\nfalse\nfalse\ntrue\n",
        "y\n0.5\n-0.25\n0.5\n1e3\n-0.25\n",
        "y\nsetosa\nvirginica\nsetosa\nversicolor\n",
    ])
    func labelsAreThoseOfEachRowsClassName(_ csv: String) throws {
        let dataset = try CSVReader.read(text: csv)
        let spec = try TargetSpec(dataset: dataset, column: "y", task: .multiclass)
        guard case .classes(let labels, _) = try spec.values(in: dataset) else {
            Issue.record("not classes")
            return
        }
        #expect(labels == (try Self.naiveLabels(dataset, spec)))
        #expect(!labels.contains(-1))
        // A subset of rows, in another order, gets the same rows' labels.
        guard case .classes(let some, _) = try spec.values(in: dataset, rows: [2, 0]) else { return }
        #expect(some == [labels[2], labels[0]])
    }

    @Test func aClassNotSeenWhenResolvedIsRefusedWithItsRow() throws {
        let spec = try TargetSpec(dataset: try CSVReader.read(text: "y\n1\n2\n1\n"), column: "y", task: .binary)
        #expect(throws: MLError.self) { _ = try spec.values(in: try CSVReader.read(text: "y\n1\n5\n")) }
        let named = try TargetSpec(dataset: try CSVReader.read(text: "y\na\nb\na\n"), column: "y", task: .binary)
        // Another table's levels, in another order: labels follow the names, and the unseen 'c' is refused.
        guard case .classes(let labels, _) = try named.values(in: try CSVReader.read(text: "y\nb\na\n")) else {
            Issue.record("not classes")
            return
        }
        #expect(labels == [1, 0])
        do {
            _ = try named.values(in: try CSVReader.read(text: "y\nb\na\nc\n"))
            Issue.record("an unseen class was accepted")
        } catch {
            #expect(error.message.contains("Row 3"))
        }
    }
}
