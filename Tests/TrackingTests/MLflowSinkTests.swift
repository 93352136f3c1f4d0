// The MLflow sink against servers that fail: nothing listening, a server that refuses, a server
// that fails mid-run, one still starting when a session ends (its failed run is tried once more), and
// an older server that only takes 500-character params. The local run is
// never lost, the failure is reported once, and `push` sends it when the server is back.
import Foundation
import MockHTTPServer
import TestSupport
import Testing

@testable import Tracking

/// Collects the messages a sink reports.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ message: String) { lock.withLock { items.append(message) } }
    var all: [String] { lock.withLock { items } }
}

/// A scripted MLflow server: answers each endpoint as `answer` says (status, JSON body).
func mockMLflow(_ answer: @escaping @Sendable (MockRequest) -> (Int, String)?) throws -> MockHTTPServer {
    try MockHTTPServer { request in
        if let (status, body) = answer(request) {
            return MockAction.response(status: status, headers: ["Content-Type": "application/json"], body: body)
        }
        switch request.path.split(separator: "?").first.map(String.init) ?? "" {
        case "/api/2.0/mlflow/experiments/get-by-name":
            return MockAction.response(status: 200, body: #"{"experiment":{"experiment_id":"1","name":"mlexp"}}"#)
        case "/api/2.0/mlflow/runs/create":
            return MockAction.response(
                status: 200,
                body: #"{"run":{"info":{"run_id":"abc","artifact_uri":"mlflow-artifacts:/1/abc/artifacts"}}}"#)
        default:
            return MockAction.response(status: 200, body: "{}")
        }
    }
}

@Suite struct MLflowSinkTests {
    @Test func aServerThatIsDownLosesNothingAndIsReportedOnce() async throws {
        let store = try RunStore(workspace: try scratchFolder())
        let a = try store.insert(sampleRun())
        let b = try store.insert(sampleRun())
        let reports = Reports()
        // Port 9 on loopback: nothing listens there.
        let sink = MLflowSink(
            client: MLflowClient(baseURL: "http://127.0.0.1:9", retry: .none), store: store, onFailure: reports.add)
        for id in [a.id, b.id] {
            guard case .failed(let message) = await sink.sync(id) else {
                Issue.record("sync to a closed port succeeded")
                continue
            }
            #expect(message.contains("Cannot reach the MLflow server"))
        }
        #expect(reports.all.count == 1)
        #expect(reports.all.first?.contains("mlexp runs push") == true)
        #expect(try store.unsynced().map(\.id) == [a.id, b.id])
        #expect(try store.get(a.id) == a)  // the run itself is untouched
    }

    @Test func aRefusingServerKeepsTheRunUnsyncedAndPushSendsItLater() async throws {
        let store = try RunStore(workspace: try scratchFolder())
        let run = try store.insert(sampleRun())
        let refusing = try mockMLflow { request in
            request.path.hasPrefix("/api/2.0/mlflow/runs/create")
                ? (403, #"{"error_code":"PERMISSION_DENIED","message":"read-only"}"#) : nil
        }
        defer { refusing.stop() }
        let sink = MLflowSink(client: MLflowClient(baseURL: refusing.baseURL, retry: .none), store: store)
        guard case .failed(let message) = await sink.sync(run.id) else {
            Issue.record("a refusing server was reported as synced")
            return
        }
        #expect(message.contains("PERMISSION_DENIED"))
        #expect(try store.get(run.id).mlflowStatus == .unsynced)

        let accepting = try mockMLflow { _ in nil }
        defer { accepting.stop() }
        let later = MLflowSink(client: MLflowClient(baseURL: accepting.baseURL, retry: .none), store: store)
        let results = try await later.push { _ in [MLflowArtifact(name: "entry.md", data: Data("# hi".utf8))] }
        #expect(results.map(\.runID) == [run.id])
        #expect(results.first?.outcome == .synced(mlflowRunID: "abc", artifactsUploaded: true))
        #expect(try store.get(run.id).mlflowStatus == .synced)
        #expect(try store.unsynced().isEmpty)
        let paths = accepting.requests.map { $0.method + " " + $0.path }
        #expect(paths.contains("PUT /api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/entry.md"))
        #expect(paths.last == "POST /api/2.0/mlflow/runs/update")
        #expect(accepting.requests.last?.bodyText.contains("FINISHED") == true)
    }

    @Test func aFailureMidRunMarksTheServerRunFailed() async throws {
        let store = try RunStore(workspace: try scratchFolder())
        let run = try store.insert(sampleRun())
        let server = try mockMLflow { request in
            request.path.hasPrefix("/api/2.0/mlflow/runs/log-batch") ? (400, #"{"error_code":"BAD_REQUEST"}"#) : nil
        }
        defer { server.stop() }
        let sink = MLflowSink(client: MLflowClient(baseURL: server.baseURL, retry: .none), store: store)
        guard case .failed = await sink.sync(run.id) else {
            Issue.record("expected a failure")
            return
        }
        #expect(server.requests.last?.path == "/api/2.0/mlflow/runs/update")
        #expect(server.requests.last?.bodyText.contains("FAILED") == true)
        #expect(try store.get(run.id).mlflowStatus == .unsynced)
    }

    @Test func anOlderServerGetsParamsClippedTo500Characters() async throws {
        let store = try RunStore(workspace: try scratchFolder())
        var long = sampleRun()
        long.hyperParameters["long"] = .string(String(repeating: "y", count: 2000))
        let run = try store.insert(long)
        let server = try mockMLflow { request in
            guard request.path.hasPrefix("/api/2.0/mlflow/runs/log-batch") else { return nil }
            let tooLong = request.bodyText.contains(String(repeating: "y", count: 600))
            return tooLong
                ? (
                    400,
                    #"{"error_code":"INVALID_PARAMETER_VALUE","message":"Param value exceeded length limit of 500"}"#
                )
                : (200, "{}")
        }
        defer { server.stop() }
        let sink = MLflowSink(client: MLflowClient(baseURL: server.baseURL, retry: .none), store: store)
        #expect(await sink.sync(run.id) == .synced(mlflowRunID: "abc", artifactsUploaded: false))
    }

    @Test func finishingASessionTriesAFailedRunOnceMore() async throws {
        let store = try RunStore(workspace: try scratchFolder())
        let a = try store.insert(sampleRun(session: "s-retry"))
        let b = try store.insert(sampleRun(session: "s-retry"))
        // A server still starting: it refuses the first run it is asked to create, then accepts.
        let creates = Reports()
        let server = try mockMLflow { request in
            guard request.path.hasPrefix("/api/2.0/mlflow/runs/create") else { return nil }
            creates.add(request.path)
            return creates.all.count == 1 ? (503, #"{"error_code":"TEMPORARILY_UNAVAILABLE"}"#) : nil
        }
        defer { server.stop() }
        let reports = Reports()
        let sink = MLflowSink(
            client: MLflowClient(baseURL: server.baseURL, retry: .none), store: store, onFailure: reports.add)
        #expect(await sink.finishSession("s-retry", log: nil, retryDelay: .zero) == 2)
        #expect(creates.all.count == 3)
        #expect(try store.unsynced().isEmpty)
        #expect(try [a.id, b.id].map { try store.get($0).mlflowStatus } == [.synced, .synced])
        #expect(reports.all.count == 1)  // the first failure was still reported, once
    }

    @Test func configurationComesFromTheEnvironmentOrTheFlag() throws {
        let store = try RunStore(workspace: try scratchFolder())
        #expect(MLflowSink.configured(store: store, environment: [:]) == nil)
        #expect(MLflowSink.configured(store: store, environment: ["MLFLOW_TRACKING_URI": "file:///tmp/x"]) == nil)
        let sink = MLflowSink.configured(
            store: store, environment: ["MLFLOW_TRACKING_URI": "http://h:5000/", "MLFLOW_EXPERIMENT_NAME": "titanic"])
        #expect(sink?.client.baseURL == "http://h:5000")
        #expect(sink?.experimentName == "titanic")
        #expect(
            MLflowSink.configured(url: "http://flag:1", store: store, environment: [:])?.client.baseURL
                == "http://flag:1")
    }
}
