// MLflow's tracking REST API (2.0) over the HTTP transport: experiments/get-by-name and create,
// runs/create, runs/log-batch, runs/update, and artifact upload through the mlflow-artifacts API.
// All wire-format conversion lives here. Errors carry MLflow's error_code and message.
// Leaves out: reading runs back (tests use the REST API directly), model registry, traces.
import Foundation
public import HTTP

/// A client for one MLflow tracking server.
public struct MLflowClient: Sendable {
    /// The server's base URL, e.g. "http://127.0.0.1:5000" (no trailing slash).
    public let baseURL: String
    private let http: HTTPClient
    private let headers: [HTTPHeader]
    private let timeouts: HTTPTimeouts

    /// - Parameters:
    ///   - token: sent as a bearer token (MLFLOW_TRACKING_TOKEN).
    ///   - username, password: HTTP basic auth (MLFLOW_TRACKING_USERNAME / _PASSWORD).
    public init(
        baseURL: String, token: String? = nil, username: String? = nil, password: String? = nil,
        retry: RetryPolicy = RetryPolicy(maxAttempts: 3, initialDelay: 0.3, maxTotalTime: 15),
        timeouts: HTTPTimeouts = HTTPTimeouts(connect: 5, idle: 30, total: 60)
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        http = HTTPClient(retry: retry)
        var headers = [HTTPHeader("Content-Type", "application/json")]
        if let token, !token.isEmpty {
            headers.append(HTTPHeader("Authorization", "Bearer \(token)"))
        } else if let username, let password {
            headers.append(
                HTTPHeader("Authorization", "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()))
        }
        self.headers = headers
        self.timeouts = timeouts
    }

    /// The id of the experiment named `name`, created when missing.
    public func experimentID(named name: String) async throws(TrackingError) -> String {
        let query =
            name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? name
        do throws(TrackingError) {
            let found = try await call(.get, "experiments/get-by-name?experiment_name=\(query)", nil)
            if let id = (found["experiment"] as? [String: Any])?["experiment_id"] as? String { return id }
        } catch  where error.message.contains("RESOURCE_DOES_NOT_EXIST") {}
        do throws(TrackingError) {
            let created = try await call(.post, "experiments/create", ["name": name])
            if let id = created["experiment_id"] as? String { return id }
            throw TrackingError(.mlflow, "MLflow created experiment '\(name)' but returned no id.")
        } catch  where error.message.contains("RESOURCE_ALREADY_EXISTS") {
            // Another process created it between our two calls.
            let found = try await call(.get, "experiments/get-by-name?experiment_name=\(query)", nil)
            guard let id = (found["experiment"] as? [String: Any])?["experiment_id"] as? String else {
                throw TrackingError(.mlflow, "MLflow says experiment '\(name)' exists but cannot find it.")
            }
            return id
        }
    }

    /// Creates a run; returns its id and artifact URI.
    func createRun(
        experimentID: String, name: String, startTime: Int64, tags: [MLflowKeyValue]
    ) async throws(TrackingError) -> (runID: String, artifactURI: String?) {
        let body: [String: Any] = [
            "experiment_id": experimentID, "run_name": name, "start_time": startTime,
            "tags": tags.map { ["key": $0.key, "value": $0.value] },
        ]
        let answer = try await call(.post, "runs/create", body)
        guard let info = (answer["run"] as? [String: Any])?["info"] as? [String: Any],
            let id = (info["run_id"] as? String) ?? (info["run_uuid"] as? String)
        else { throw TrackingError(.mlflow, "MLflow's runs/create answer has no run id.") }
        return (id, info["artifact_uri"] as? String)
    }

    /// Logs one batch of params and metrics.
    func logBatch(runID: String, _ batch: MLflowBatch) async throws(TrackingError) {
        let body: [String: Any] = [
            "run_id": runID,
            "params": batch.params.map { ["key": $0.key, "value": $0.value] },
            "metrics": batch.metrics.map {
                ["key": $0.key, "value": $0.value, "timestamp": $0.timestamp, "step": $0.step] as [String: Any]
            },
        ]
        _ = try await call(.post, "runs/log-batch", body)
    }

    /// Sets a run's final status ("FINISHED", "FAILED", "KILLED") and end time (ms since 1970).
    func updateRun(runID: String, status: String, endTime: Int64) async throws(TrackingError) {
        _ = try await call(.post, "runs/update", ["run_id": runID, "status": status, "end_time": endTime])
    }

    /// The artifact URI of an existing run (runs/get).
    func artifactURI(runID: String) async throws(TrackingError) -> String? {
        let encoded = runID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? runID
        let answer = try await call(.get, "runs/get?run_id=\(encoded)", nil)
        return ((answer["run"] as? [String: Any])?["info"] as? [String: Any])?["artifact_uri"] as? String
    }

    /// Uploads one artifact file next to a run, when its artifact URI is served by the server.
    /// - Returns: false when the server stores artifacts somewhere it does not proxy (nothing sent).
    func uploadArtifact(artifactURI: String, name: String, data: Data) async throws(TrackingError) -> Bool {
        guard artifactURI.hasPrefix("mlflow-artifacts:") else { return false }
        var path = String(artifactURI.dropFirst("mlflow-artifacts:".count))
        if path.hasPrefix("//") {  // mlflow-artifacts://host:port/path: drop the authority
            path = String(path.dropFirst(2))
            path = path.firstIndex(of: "/").map { String(path[$0...]) } ?? ""
        }
        while path.hasPrefix("/") { path.removeFirst() }
        let encodedName = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
        let url = "\(baseURL)/api/2.0/mlflow-artifacts/artifacts/\(path)/\(encodedName)"
        var request = HTTPRequest(
            method: .put, url: url, headers: headers.filter { $0.name != "Content-Type" }, body: Array(data),
            timeouts: timeouts)
        request.headers.append(HTTPHeader("Content-Type", "application/octet-stream"))
        let response = try await send(request)
        guard response.isSuccess else { throw failure(response, "artifact upload of \(name)") }
        return true
    }

    /// One JSON call to /api/2.0/mlflow/<endpoint>; returns the decoded object.
    private func call(_ method: HTTPMethod, _ endpoint: String, _ body: [String: Any]?) async throws(TrackingError)
        -> [String: Any]
    {
        var bytes: [UInt8]?
        if let body {
            do {
                bytes = Array(try JSONSerialization.data(withJSONObject: body))
            } catch {
                throw TrackingError(.encoding, "Cannot encode the MLflow \(endpoint) request: \(error).")
            }
        }
        let request = HTTPRequest(
            method: method, url: "\(baseURL)/api/2.0/mlflow/\(endpoint)", headers: headers, body: bytes,
            timeouts: timeouts)
        let response = try await send(request)
        guard response.isSuccess else { throw failure(response, endpoint) }
        guard !response.body.isEmpty else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw TrackingError(
                .mlflow, "MLflow's \(endpoint) answer is not JSON (is \(baseURL) an MLflow tracking server?).")
        }
        return object
    }

    private func send(_ request: HTTPRequest) async throws(TrackingError) -> HTTPResponse {
        do {
            return try await http.send(request)
        } catch let error as HTTPError {
            throw TrackingError(
                .mlflow,
                "Cannot reach the MLflow server at \(baseURL): \(error.message.trimmingCharacters(in: CharacterSet(charactersIn: ". "))). Runs stay in the local store; send them later with `mlexp runs push`."
            )
        } catch {
            throw TrackingError(.mlflow, "The MLflow request was cancelled: \(error).")
        }
    }

    private func failure(_ response: HTTPResponse, _ what: String) -> TrackingError {
        var detail = String(response.text.prefix(300))
        if let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] {
            detail = [object["error_code"] as? String, object["message"] as? String].compactMap { $0 }.joined(
                separator: ": ")
        }
        return TrackingError(.mlflow, "MLflow refused \(what) (HTTP \(response.status)): \(detail)")
    }
}
