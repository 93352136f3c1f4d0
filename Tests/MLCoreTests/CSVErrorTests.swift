// Every bad input ends in an MLError naming the file, line and column, saying what to do.
import Foundation
import Testing

@testable import MLCore

@Suite struct CSVErrorTests {
    func message(_ text: String) -> String { TestData.errorReading(Array(text.utf8))?.message ?? "no error" }

    @Test func emptyFile() {
        #expect(
            message("") == "'bad.csv' is empty. A CSV needs a header row naming the columns, then one row per record.")
        #expect(message("\n\n  \n").contains("is empty"))
    }

    @Test func headerOnly() {
        #expect(
            message("a,b,c\n")
                == "'bad.csv' has a header (3 columns: a, b, c) but no data rows. Add at least one row below the header."
        )
    }

    @Test func raggedRows() {
        #expect(
            message("a,b,c\n1,2,3\n4,5\n6,7,8\n")
                == "'bad.csv', line 3: expected 3 fields (one per header column) but found 2. Check that line for a missing or extra ',', or quote values that contain one."
        )
        #expect(message("a,b\n1,2\n3,4,5\n").contains("line 3: expected 2 fields (one per header column) but found 3"))
    }

    @Test func unterminatedQuote() {
        #expect(
            message("a,b\n1,\"open\n2,3\n")
                == "'bad.csv', line 2, column 'b': a quoted field opens here and never closes. Close the quote, and double any quote inside a quoted value (\"\")."
        )
        #expect(message("\"a,b\n1,2\n").contains("the header row opens a quote that never closes"))
    }

    @Test func duplicateAndEmptyNames() {
        #expect(
            message("a,a\n1,2\n")
                == "'bad.csv', line 1: columns 1 and 2 are both named 'a'. Give every column a distinct name.")
        #expect(
            message("a,,c\n1,2,3\n")
                == "'bad.csv', line 1: header column 2 has an empty name. Give every column a name in the header row.")
    }

    @Test func notUTF8() {
        let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n2,3\n".utf8)
        #expect(
            TestData.errorReading(bytes)?.message
                == "'bad.csv', line 2, column 'b': the bytes are not valid UTF-8. Re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.csv > out.csv)."
        )
        #expect(TestData.errorReading([0xFF, 0xFE, 0x61, 0]).map { $0.message.contains("UTF-16") } == true)
    }

    @Test func missingFileAndDirectory() {
        #expect(
            throws: MLError(
                .io,
                "Cannot read '/no/such/file.csv': there is no such file. Check the path (relative paths start from the current folder)."
            )
        ) {
            try Dataset.load(path: "/no/such/file.csv")
        }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: MLError(.io, "'\(dir)' is a directory, not a file. Give the path of a CSV file inside it.")) {
            try Dataset.load(path: dir)
        }
    }

    @Test func unknownTargetSuggestsTheClosestName() throws {
        let d = try CSVReader.read(text: "name,survived\nA,1\nB,0\n")
        #expect(
            throws: MLError(.unknownColumn, "No column 'Survivd'. Did you mean 'survived'? Columns: name, survived.")
        ) {
            try TargetSpec(dataset: d, column: "Survivd")
        }
    }

    @Test func oneClassTarget() throws {
        let d = try CSVReader.read(text: "x,y\n1,yes\n2,yes\n3,\n")
        #expect(
            throws: MLError(
                .invalidTarget,
                "Target 'y' has one class only ('true' in all 2 labelled rows), so there is nothing to predict. Choose another target, or profile without a target for clustering."
            )
        ) {
            try TargetSpec(dataset: d, column: "y")
        }
    }

    @Test func fileErrorsNameThePath() throws {
        let path = try TestData.file("a,b\n1,2\n3\n")
        #expect(
            throws: MLError(
                .malformedFile,
                "'\(path)', line 3: expected 2 fields (one per header column) but found 1. Check that line for a missing or extra ',', or quote values that contain one."
            )
        ) {
            try Dataset.load(path: path)
        }
    }
}
