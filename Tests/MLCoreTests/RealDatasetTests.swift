// Every real dataset loads with the right shape and types (counts checked against pandas.read_csv).
import Foundation
import Testing

@testable import MLCore

@Suite struct RealDatasetTests {
    @Test func titanicHas1313RowsAndKeepsQuotedNames() throws {
        let d = try TestData.load("titanic.csv")
        #expect(d.rowCount == 1313)
        #expect(d.columnNames == ["name", "class", "age", "sex", "survived"])
        #expect(d.columns.map(\.kind) == [.text, .categorical, .float, .categorical, .integer])
        let names = try d.column(named: "name")
        #expect(names.string(at: 0) == "Allen, Miss Elisabeth Walton")
        // Line 38: "Brown, Mrs James Joseph (Margaret Molly"" Tobin)""" — doubled quotes inside.
        #expect(names.string(at: 36) == "Brown, Mrs James Joseph (Margaret Molly\" Tobin)\"")
        let cls = try d.column(named: "class")
        guard case .categorical(_, let levels) = cls.data else { throw MLError(.invalidInput, "class not categorical") }
        #expect(levels == ["*", "1st", "2nd", "3rd"])
        #expect(try d.column(named: "age").missingCount == 557)
    }

    @Test func penguinsMpgWineShapes() throws {
        let p = try TestData.load("penguins.csv")
        #expect((p.rowCount, p.columnCount) == (344, 8))
        #expect(try p.column(named: "bill_length_mm").missingCount == 2)
        #expect(try p.column(named: "sex").missingCount == 11)
        let m = try TestData.load("mpg.csv")
        #expect((m.rowCount, m.columnCount) == (234, 11))
        #expect(try m.column(named: "hwy").kind == .integer)
        let w = try TestData.load("wine.csv")
        #expect((w.rowCount, w.columnCount) == (178, 14))
        #expect(w.columnNames.contains("od280/od315_of_diluted_wines"))
        #expect(try w.column(named: "magnesium").kind == .float)
    }

    @Test func wineTargetIsMulticlassNotRegression() throws {
        let w = try TestData.load("wine.csv")
        let spec = try TargetSpec(dataset: w, column: "target")
        #expect(spec.task == .multiclass)
        #expect(spec.classNames == ["0", "1", "2"])
    }

    @Test func tasksOfTheShippedTargets() throws {
        #expect(try TargetSpec(dataset: TestData.load("titanic.csv"), column: "survived").task == .binary)
        #expect(try TargetSpec(dataset: TestData.load("mpg.csv"), column: "hwy").task == .regression)
        let penguins = try TargetSpec(dataset: TestData.load("penguins.csv"), column: "species")
        #expect(penguins.task == .multiclass)
        #expect(penguins.classNames == ["Adelie", "Chinstrap", "Gentoo"])
    }

    @Test(.enabled(if: TestData.sharedFolder != nil, "needs rotten_tomatoes.csv (set MLEXP_SHARED_DATA)"))
    func rottenTomatoesHas5022RecordsDespiteMultilineFields() throws {
        let path = "\(TestData.sharedFolder ?? "")/rotten_tomatoes.csv"
        for threads in [1, 2, 4] {
            let d = try Dataset.load(path: path, options: CSVOptions(threads: threads))
            #expect(d.rowCount == 5022)
            #expect(d.columns.map(\.kind) == [.categorical, .categorical, .text])
            let text = try d.column(named: "text")
            let multiline = (0..<d.rowCount).filter { text.string(at: $0)?.contains("\n") ?? false }.count
            #expect(multiline == 88)
        }
    }
}
