// One attempt of one request on libcurl's multi interface, run on a dedicated thread (never on
// Swift's cooperative pool, since the loop blocks in curl_multi_poll). `cancel()` may come from
// any thread: it sets a flag and calls curl_multi_wakeup, so the loop stops within milliseconds,
// also while no byte is arriving. Idle and total timeouts are enforced by the loop itself.
// Leaves out: retries (HTTPClient), connection reuse across attempts (a new handle each time).
import CCurl
import Foundation

/// How one attempt ended.
enum AttemptOutcome: Sendable {
    case response(HTTPResponse)
    case failure(HTTPError)
    /// The body receiver threw: the transfer was aborted and this error is the caller's.
    case receiverFailed(any Error)
    case cancelled
}

/// Sets libcurl up once per process (curl_global_init is not thread-safe before 7.84).
private let curlGlobalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

// Unchecked: libcurl handles are raw pointers used on the transfer thread; only `multi` and the cancel
// flag are shared (with cancel()), under `lock`.
final class CurlTransfer: @unchecked Sendable {
    // Shared with cancel(), guarded by `lock`.
    private let lock = NSLock()
    private var multi: UnsafeMutableRawPointer?
    private var cancelRequested = false

    // Touched only on the transfer's thread while run() executes.
    private let request: HTTPRequest
    private let onBody: (@Sendable ([UInt8]) throws -> Void)?
    private var receiverError: (any Error)?
    private var easy: UnsafeMutableRawPointer?
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var body: [UInt8] = []
    private var delivered = false
    private var lastActivity = ContinuousClock.now
    /// Largest body kept in memory (error bodies of a stream are kept, up to this).
    private let maxBufferedBody = 64 << 20

    init(request: HTTPRequest, onBody: (@Sendable ([UInt8]) throws -> Void)?) {
        self.request = request
        self.onBody = onBody
    }

    var isCancelled: Bool { lock.withLock { cancelRequested } }

    /// Asks the running (or not yet started) attempt to stop; returns at once.
    func cancel() {
        lock.withLock {
            cancelRequested = true
            if let multi { _ = curl_multi_wakeup(multi) }
        }
    }

    /// Runs the attempt to its end on the calling thread.
    func run() -> AttemptOutcome {
        _ = curlGlobalInit
        let url = request.url
        guard let easy = curl_easy_init(), let multi = curl_multi_init() else {
            return .failure(
                HTTPError(.transport, "libcurl could not allocate a handle for \(Redaction.url(url))", url: url))
        }
        self.easy = easy
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            lock.withLock { self.multi = nil }
            curl_multi_remove_handle(multi, easy)
            curl_easy_cleanup(easy)
            curl_multi_cleanup(multi)
            curl_slist_free_all(headerList)
            errorBuffer.deallocate()
            self.easy = nil
        }
        if let failure = configure(easy, errorBuffer: errorBuffer, headerList: &headerList) { return .failure(failure) }
        curl_multi_add_handle(multi, easy)
        let started = lock.withLock { () -> Bool in
            if cancelRequested { return false }
            self.multi = multi
            return true
        }
        guard started else { return .cancelled }
        return loop(multi, errorBuffer: errorBuffer)
    }

    private func loop(_ multi: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>) -> AttemptOutcome {
        let url = request.url
        let shownURL = Redaction.url(url)
        let start = ContinuousClock.now
        lastActivity = start
        let idle = Duration.milliseconds(Int64(request.timeouts.idle * 1000))
        let total = Duration.milliseconds(Int64(request.timeouts.total * 1000))
        var running: Int32 = 1
        while true {
            let code = curl_multi_perform(multi, &running)
            if isCancelled { return .cancelled }
            if code != CURLM_OK {
                let text = String(cString: curl_multi_strerror(code))
                return .failure(
                    HTTPError(.transport, "libcurl failed on \(shownURL): \(text)", url: url, bodyDelivered: delivered))
            }
            if running == 0 { break }
            let now = ContinuousClock.now
            if now - lastActivity > idle {
                return .failure(
                    HTTPError(
                        .idleTimeout,
                        "No data from \(shownURL) for \(request.timeouts.idle) s (idle timeout); the server may be stuck or overloaded. Try again, or raise the idle timeout.",
                        url: url, bodyDelivered: delivered))
            }
            if now - start > total {
                return .failure(
                    HTTPError(
                        .totalTimeout,
                        "The request to \(shownURL) took longer than \(request.timeouts.total) s (total timeout). Raise the total timeout or ask for a shorter answer.",
                        url: url, bodyDelivered: delivered))
            }
            let remaining = min(idle - (now - lastActivity), total - (now - start))
            let waitMs = Int32(clamping: max(1, min(1000, milliseconds(remaining) + 1)))
            curl_multi_poll(multi, nil, 0, waitMs, nil)
            if isCancelled { return .cancelled }
        }
        var result = CURLE_OK
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            if message.pointee.msg == CURLMSG_DONE { result = message.pointee.data.result }
        }
        if isCancelled { return .cancelled }
        if let receiverError { return .receiverFailed(receiverError) }
        if result == CURLE_OK {
            return .response(HTTPResponse(status: currentStatus(), headers: headers, body: body))
        }
        return .failure(mapError(result, detail: String(cString: errorBuffer)))
    }

    private func currentStatus() -> Int {
        if status == 0, let easy {
            var code = 0
            _ = mlexp_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
            status = code
        }
        return status
    }

    private func mapError(_ code: CURLcode, detail: String) -> HTTPError {
        let url = request.url
        let shown = Redaction.url(url)
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return HTTPError(.couldNotConnect, "Could not connect to \(shown): \(reason).", url: url)
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPError(
                .connectTimeout, "Could not connect to \(shown) within \(request.timeouts.connect) s: \(reason).",
                url: url)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return HTTPError(
                .invalidRequest, "Unusable URL \(shown): \(reason). Check the URL (e.g. http://127.0.0.1:8080/v1).",
                url: url)
        case CURLE_WRITE_ERROR:
            return HTTPError(
                .transport, "Receiving from \(shown) was aborted: \(reason).", url: url, bodyDelivered: delivered)
        case CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return HTTPError(
                .connectionLost, "The connection to \(shown) broke before the response was complete: \(reason).",
                url: url,
                bodyDelivered: delivered)
        default:
            return HTTPError(.transport, "Request to \(shown) failed: \(reason).", url: url, bodyDelivered: delivered)
        }
    }

    // MARK: - Callbacks (on the transfer's thread)

    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        lastActivity = ContinuousClock.now
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = []  // a new response (after 100 Continue, say)
            status = 0
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        headers.append(HTTPHeader(name, value))
    }

    /// Returns false to abort the transfer.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        lastActivity = ContinuousClock.now
        if isCancelled { return false }
        let code = currentStatus()
        if let onBody, (200..<300).contains(code) {
            delivered = true
            do {
                try onBody(Array(bytes))
                return true
            } catch {
                receiverError = error
                return false
            }
        }
        guard body.count + bytes.count <= maxBufferedBody else { return false }
        body.append(contentsOf: bytes)
        return true
    }

    // MARK: - Setup

    private func configure(
        _ easy: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>,
        headerList: inout UnsafeMutablePointer<curl_slist>?
    ) -> HTTPError? {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var failed = false
        func check(_ code: CURLcode) { if code != CURLE_OK { failed = true } }
        check(mlexp_curl_setopt_string(easy, CURLOPT_URL, request.url))
        check(mlexp_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        check(mlexp_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        check(mlexp_curl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        check(mlexp_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(request.timeouts.connect * 1000)))
        check(mlexp_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        check(mlexp_curl_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback))
        check(mlexp_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        check(mlexp_curl_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        check(mlexp_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, me))
        switch request.method {
        case .get: check(mlexp_curl_setopt_long(easy, CURLOPT_HTTPGET, 1))
        case .post: check(mlexp_curl_setopt_long(easy, CURLOPT_POST, 1))
        default: check(mlexp_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
        }
        var lines = request.headers.map { "\($0.name): \($0.value)" }
        let sendsBody = request.method != .get && request.method != .delete
        if var body = request.body ?? (sendsBody ? [] : nil) {
            let count = body.count
            check(mlexp_curl_setopt_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(count)))
            if body.isEmpty { body = [0] }  // a valid pointer; the size set above stays 0
            body.withUnsafeMutableBytes { buffer in
                // COPYPOSTFIELDS copies the bytes, so the buffer need not outlive this call.
                check(mlexp_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, buffer.baseAddress))
            }
            lines.append("Expect:")  // no 100-continue round trip
        }
        for line in lines { headerList = curl_slist_append(headerList, line) }
        check(mlexp_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))
        if failed {
            return HTTPError(
                .invalidRequest, "libcurl refused the options for \(Redaction.url(request.url)).", url: request.url)
        }
        return nil
    }
}

private func milliseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
}

private let curlWriteCallback: mlexp_curl_data_callback = { pointer, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: pointer, count: size * count)
    return transfer.receiveBody(bytes) ? size * count : 0
}

private let curlHeaderCallback: mlexp_curl_data_callback = { pointer, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeader(UnsafeRawBufferPointer(start: pointer, count: size * count))
    return size * count
}
