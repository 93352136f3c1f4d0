// The transport against the scripted mock server: plain exchanges, retries (429 with Retry-After,
// 500 twice, bounded attempts, no retry on other 4xx), timeouts, drops and streaming delivery.
import Foundation
import HTTP
import MockHTTPServer
import Testing

@Suite struct HTTPClientTests {
    @Test func getReturnsStatusHeadersAndBody() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(status: 200, headers: ["X-Test": "yes"], body: "hello")
        }
        defer { server.stop() }
        let response = try await HTTPClient().send(HTTPRequest(url: server.baseURL + "/ping"))
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.header("x-test") == "yes")
        #expect(server.requests.first?.path == "/ping")
    }

    @Test func postSendsBodyHeadersAndNoExpect() async throws {
        let server = try MockHTTPServer { request in MockAction.response(status: 200, body: request.bodyText) }
        defer { server.stop() }
        let body = String(repeating: "x", count: 5000)  // large enough that curl would send Expect: 100-continue
        let request = HTTPRequest(
            method: .post, url: server.baseURL + "/echo", headers: [HTTPHeader("Content-Type", "text/plain")],
            body: Array(body.utf8))
        let response = try await HTTPClient().send(request)
        #expect(response.text == body)
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.headers["expect"] == nil)
        #expect(received.headers["content-type"] == "text/plain")
    }

    @Test func retriesA429AfterItsRetryAfter() async throws {
        let server = try MockHTTPServer { request in
            request.index == 0
                ? MockAction.response(status: 429, headers: ["Retry-After": "1"], body: "slow down")
                : MockAction.response(status: 200, body: "ok")
        }
        defer { server.stop() }
        let notices = Recorder<RetryNotice>()
        let client = HTTPClient(retry: quickRetry, onRetry: { notices.append($0) })
        var response: HTTPResponse?
        let elapsed = try await measure { response = try await client.send(HTTPRequest(url: server.baseURL)) }
        #expect(response?.status == 200)
        #expect(server.requests.count == 2)
        #expect(notices.values.map(\.delay) == [1])
        #expect(notices.values.first?.status == 429)
        #expect(elapsed >= 0.95)
    }

    @Test func retries500TwiceThenSucceeds() async throws {
        let server = try MockHTTPServer { request in
            request.index < 2
                ? MockAction.response(status: 500, body: "oops") : MockAction.response(status: 200, body: "ok")
        }
        defer { server.stop() }
        let notices = Recorder<RetryNotice>()
        let response = try await HTTPClient(retry: quickRetry, onRetry: { notices.append($0) })
            .send(HTTPRequest(url: server.baseURL))
        #expect(response.status == 200)
        #expect(server.requests.count == 3)
        // Exponential backoff without jitter: 0.05 s, then 0.1 s.
        #expect(notices.values.map(\.delay) == [0.05, 0.1])
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func doesNotRetryOther4xx(status: Int) async throws {
        let server = try MockHTTPServer { _ in MockAction.response(status: status, body: "no") }
        defer { server.stop() }
        let response = try await HTTPClient(retry: quickRetry).send(HTTPRequest(url: server.baseURL))
        #expect(response.status == status)
        #expect(server.requests.count == 1)
    }

    @Test func retriesAreBoundedInCount() async throws {
        let server = try MockHTTPServer { _ in MockAction.response(status: 503, body: "Loading model") }
        defer { server.stop() }
        let response = try await HTTPClient(retry: quickRetry).send(HTTPRequest(url: server.baseURL))
        #expect(response.status == 503)
        #expect(response.text == "Loading model")
        #expect(server.requests.count == 4)
    }

    @Test func aRetryAfterBeyondTheTimeBudgetEndsTheRetries() async throws {
        let server = try MockHTTPServer { _ in MockAction.response(status: 429, headers: ["Retry-After": "3600"]) }
        defer { server.stop() }
        let elapsed = try await measure {
            let response = try await HTTPClient(retry: quickRetry).send(HTTPRequest(url: server.baseURL))
            #expect(response.status == 429)
        }
        #expect(server.requests.count == 1)
        #expect(elapsed < 2)
    }

    @Test func nothingListeningFailsFastWithTheURL() async throws {
        let url = "http://127.0.0.1:9/v1/models"
        let elapsed = await measure {
            do {
                _ = try await HTTPClient(retry: quickRetry).send(HTTPRequest(url: url))
                Issue.record("expected a connection error")
            } catch let error as HTTPError {
                #expect(error.code == .couldNotConnect)
                #expect(error.message.contains("127.0.0.1:9"))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(elapsed < 3)
    }

    @Test func aStallLongerThanTheIdleTimeoutFails() async throws {
        let server = try MockHTTPServer { _ in
            [MockAction.sseHead(), .text("data: 1\n\n"), .pause(10), .text("data: 2\n\n")]
        }
        defer { server.stop() }
        let request = HTTPRequest(url: server.baseURL, timeouts: HTTPTimeouts(connect: 2, idle: 0.3, total: 30))
        let chunks = Recorder<[UInt8]>()
        let elapsed = await measure {
            do {
                _ = try await HTTPClient(retry: quickRetry).stream(request) { chunks.append($0) }
                Issue.record("expected an idle timeout")
            } catch let error as HTTPError {
                #expect(error.code == .idleTimeout)
                #expect(error.bodyDelivered)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(String(decoding: chunks.values.joined(), as: UTF8.self) == "data: 1\n\n")
        #expect(elapsed < 2)
        #expect(server.requests.count == 1)  // data was delivered: never retried
    }

    @Test func aConnectionDroppedMidBodyIsReported() async throws {
        let server = try MockHTTPServer { _ in
            [.text("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"), .pause(0.05), .close]
        }
        defer { server.stop() }
        await #expect(throws: HTTPError.self) {
            _ = try await HTTPClient(retry: .none).send(HTTPRequest(url: server.baseURL))
        }
        do {
            _ = try await HTTPClient(retry: .none).send(HTTPRequest(url: server.baseURL))
        } catch let error as HTTPError {
            #expect(error.code == .connectionLost)
        }
    }

    @Test func streamedChunksArriveBeforeTheResponseEnds() async throws {
        let server = try MockHTTPServer { _ in [MockAction.sseHead(), .text("first"), .pause(0.4), .text("second")] }
        defer { server.stop() }
        let arrivals = Recorder<(String, ContinuousClock.Instant)>()
        let response = try await HTTPClient().stream(HTTPRequest(url: server.baseURL)) { bytes in
            arrivals.append((String(decoding: bytes, as: UTF8.self), ContinuousClock.now))
        }
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        let values = arrivals.values
        #expect(values.map(\.0).joined() == "firstsecond")
        let gap = try #require(values.last).1 - (try #require(values.first)).1
        #expect(gap >= .milliseconds(300))
    }

    @Test func anErrorStatusKeepsItsBodyWhenStreaming() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(status: 401, body: #"{"error":{"message":"bad key"}}"#)
        }
        defer { server.stop() }
        let chunks = Recorder<[UInt8]>()
        let response = try await HTTPClient().stream(HTTPRequest(url: server.baseURL)) { chunks.append($0) }
        #expect(response.status == 401)
        #expect(response.text.contains("bad key"))
        #expect(chunks.values.isEmpty)
    }
}

@Suite struct StreamReceiverTests {
    struct Enough: Error {}

    @Test func aThrowingReceiverStopsTheTransferAndItsErrorComesBack() async throws {
        let server = try MockHTTPServer { _ in
            [MockAction.sseHead()] + (0..<200).flatMap { i in [MockAction.text("data: \(i)\n\n"), .pause(0.02)] }
        }
        defer { server.stop() }
        let chunks = Recorder<Int>()
        let elapsed = await measure {
            await #expect(throws: Enough.self) {
                _ = try await HTTPClient().stream(HTTPRequest(url: server.baseURL)) { bytes in
                    chunks.append(bytes.count)
                    if chunks.values.count == 2 { throw Enough() }
                }
            }
        }
        #expect(chunks.values.count == 2)
        #expect(elapsed < 2)
    }
}
