// Secrets stay out of descriptions, dumps and error messages; Retry-After parsing; backoff growth.
import Foundation
import HTTP
import Testing

@Suite struct RedactionAndPolicyTests {
    let secret = "sk-test-0123456789-secret"

    @Test func requestDescriptionsMaskSecrets() {
        let request = HTTPRequest(
            method: .post, url: "https://user:\(secret)@example.com/v1/chat?api_key=\(secret)&x=1",
            headers: [
                HTTPHeader("Authorization", "Bearer \(secret)"), HTTPHeader("X-Api-Key", secret),
                HTTPHeader("Accept", "text/event-stream"),
            ],
            body: Array("{}".utf8))
        var dumped = ""
        dump(request, to: &dumped)
        for text in [request.description, request.debugDescription, "\(request)", String(reflecting: request), dumped] {
            #expect(!text.contains(secret), "leaked in: \(text)")
        }
        #expect(request.description.contains("Accept: text/event-stream"))
        #expect(request.description.contains("x=1"))
    }

    @Test func urlRedactionKeepsHostAndPath() {
        #expect(Redaction.url("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1")
        #expect(Redaction.url("https://a:b@host/p?token=t&q=1") == "https://host/p?token=<redacted>&q=1")
    }

    @Test func connectionErrorsDoNotCarryHeaders() async {
        let request = HTTPRequest(
            url: "http://127.0.0.1:9/v1/models", headers: [HTTPHeader("Authorization", "Bearer \(secret)")])
        do {
            _ = try await HTTPClient(retry: .none).send(request)
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
    }

    @Test func retryAfterParsesSecondsAndDates() {
        #expect(RetryPolicy.parseRetryAfter("2") == 2)
        #expect(RetryPolicy.parseRetryAfter(" 0.5 ") == 0.5)
        #expect(RetryPolicy.parseRetryAfter(nil) == nil)
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let future = formatter.string(from: Date().addingTimeInterval(30))
        let parsed = RetryPolicy.parseRetryAfter(future) ?? -1
        #expect(parsed > 25 && parsed <= 30)
    }

    @Test func backoffDoublesWithinItsJitterAndIsCapped() {
        let policy = RetryPolicy(initialDelay: 1, maxDelay: 5, jitter: 0.2)
        for _ in 0..<50 {
            #expect((0.8...1.2).contains(policy.delay(afterAttempt: 1, retryAfter: nil)))
            #expect((1.6...2.4).contains(policy.delay(afterAttempt: 2, retryAfter: nil)))
            #expect((4.0...6.0).contains(policy.delay(afterAttempt: 6, retryAfter: nil)))
        }
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3) == 3)
    }
}
