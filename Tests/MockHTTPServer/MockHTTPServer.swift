// A scripted HTTP/1.1 server for tests, on POSIX sockets bound to 127.0.0.1 and a free port.
// Each connection's request is parsed and handed to the scenario, which answers with a list of
// actions: send bytes, pause, close. That is enough to play every fault a client must survive
// (statuses, stalls, drops mid-body, malformed events). Leaves out: keep-alive (one request per
// connection), TLS, chunked request bodies.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request as the mock server received it.
public struct MockRequest: Sendable {
    public var method: String
    public var path: String
    public var headers: [String: String]  // lower-cased names
    public var body: [UInt8]
    /// 0 for the first request the server received, 1 for the second, …
    public var index: Int
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// One step of an answer.
public enum MockAction: Sendable {
    case send([UInt8])
    case pause(Double)
    /// Closes the connection (also implied at the end of the list).
    case close

    public static func text(_ text: String) -> MockAction { .send(Array(text.utf8)) }

    /// A complete response with a Content-Length.
    public static func response(status: Int, headers: [String: String] = [:], body: String = "") -> [MockAction] {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        return [.text(head + "\r\n" + body), .close]
    }

    /// The head of a Server-Sent Events stream (no length: the body ends when the connection closes).
    public static func sseHead(status: Int = 200) -> MockAction {
        .text(
            "HTTP/1.1 \(status) \(reason(status))\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n"
        )
    }

    private static func reason(_ status: Int) -> String {
        [
            200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
        ][status] ?? "Status"
    }
}

/// The server. Create it with a scenario; it listens at once; `stop()` when done.
public final class MockHTTPServer: @unchecked Sendable {
    public typealias Scenario = @Sendable (MockRequest) -> [MockAction]

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let scenario: Scenario
    private let lock = NSLock()
    private var received: [MockRequest] = []
    private var stopped = false
    private var openConnections: Set<Int32> = []

    public init(_ scenario: @escaping Scenario) throws {
        self.scenario = scenario
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw MockServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw MockServerError("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "mock-http-accept"
        thread.start()
    }

    /// Requests received so far, in order.
    public var requests: [MockRequest] { lock.withLock { received } }

    /// Stops listening and closes every open connection (a pause in progress ends early).
    public func stop() {
        // Only once: deinit calls stop() again after a test's own stop(), and closing the listener's
        // fd twice would close whatever socket another test has opened under that number meanwhile.
        let connections = lock.withLock { () -> Set<Int32>? in
            if stopped { return nil }
            stopped = true
            return openConnections
        }
        guard let connections else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    deinit { stop() }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        while !isStopped {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if isStopped { return }
                continue
            }
            lock.withLock { _ = openConnections.insert(fd) }
            let thread = Thread { [self] in serve(fd) }
            thread.name = "mock-http-conn"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.withLock { _ = openConnections.remove(fd) }
            close(fd)
        }
        guard var request = readRequest(fd) else { return }
        lock.withLock {
            request.index = received.count
            received.append(request)
        }
        for action in scenario(request) {
            switch action {
            case .send(let bytes):
                guard writeAll(fd, bytes) else { return }
            case .pause(let seconds):
                let end = Date().addingTimeInterval(seconds)
                while Date() < end {
                    if isStopped { return }
                    usleep(5_000)
                }
            case .close:
                shutdown(fd, Int32(SHUT_RDWR))
                return
            }
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func readRequest(_ fd: Int32) -> MockRequest? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var contentLength = 0
        while true {
            if headEnd == nil, let range = firstRange(of: separator, in: data) {
                headEnd = range
                let head = String(decoding: data[..<range], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
            }
            if let end = headEnd, data.count >= end + 4 + contentLength { break }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            // A signal (e.g. SIGCHLD from a test that spawns processes) interrupts recv: read again.
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            data.append(contentsOf: buffer[..<count])
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: data[..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return MockRequest(
            method: requestLine.first.map(String.init) ?? "",
            path: requestLine.dropFirst().first.map(String.init) ?? "",
            headers: headers, body: Array(data[(end + 4)..<(end + 4 + contentLength)]), index: 0)
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// The mock server could not start.
public struct MockServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
