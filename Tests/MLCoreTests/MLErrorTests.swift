// The ML core's errors in the product's one shape: cancellation is its own code (what Ctrl-C raises
// from a fit), never an invalid input, and the codes keep the names runs and tool results have stored.
import Testing

@testable import MLCore

@Suite struct MLErrorTests {
    @Test func cancellationIsItsOwnCode() {
        #expect(Cancellation.cancelled.isCancellation && Cancellation.cancelled.code == .cancelled)
        #expect(!MLError(.invalidInput, "bad").isCancellation)
        #expect(MLError(.unknownColumn, "No column 'x'.").description == "No column 'x'.")
        #expect(MLErrorCode.invalidParameter.rawValue == "invalid_parameter")
        #expect(MLErrorCode.malformedFile.description == "malformed_file")
    }
}
