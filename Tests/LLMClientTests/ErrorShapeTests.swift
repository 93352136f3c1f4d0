// Every target's errors have one shape (Failure: a code enum, facts, the actionable message): the
// facts the client and the transport keep survive the shape, a URL's secrets never reach them, and
// cancellation is a case of its own in each code enum.
import Foundation
import HTTP
import LLMClient
import Testing

@Suite struct ErrorShapeTests {
    @Test func theClientsFactsAreKeptAndReadBack() {
        let e = LLMError(.modelNotFound, "No model 'x'.", status: 404, availableModels: ["gemma", "qwen"])
        #expect(e.status == 404 && e.availableModels == ["gemma", "qwen"])
        #expect(e.facts == ["status": "404", "available_models": "gemma\nqwen"])
        #expect("\(e)" == "No model 'x'." && e.code.description == "modelNotFound")
        #expect(LLMError(.timeout, "slow").status == nil && LLMError(.timeout, "slow").availableModels.isEmpty)
    }

    @Test func theTransportKeepsTheURLWithoutItsSecrets() {
        let e = HTTPError(.couldNotConnect, "refused", url: "http://user:pw@host:8080/v1?api_key=sk-1&x=2")
        #expect(e.url == "http://host:8080/v1?api_key=<redacted>&x=2")
        #expect(!e.facts.values.contains { $0.contains("sk-1") || $0.contains("pw") })
        #expect(e.isRetryable)
        #expect(!HTTPError(.couldNotConnect, "refused", url: "http://h", bodyDelivered: true).isRetryable)
    }

    @Test func cancellationIsItsOwnCaseInEveryTarget() {
        #expect(
            LLMError(.cancelled, "stopped").isCancellation && HTTPError(.cancelled, "stopped", url: "").isCancellation)
        // The codes' names are what the product has always printed and stored.
        #expect(LLMErrorCode.contextLengthExceeded.rawValue == "contextLengthExceeded")
        #expect(HTTPErrorCode.connectTimeout.description == "connectTimeout")
    }
}
