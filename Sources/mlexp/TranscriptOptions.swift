// The transcript flags shared by `run` and `chat` (--transcripts DIR, --no-transcript) and the
// recorder they start: `transcripts/<time>-<name>.jsonl` in the workspace, with a header naming the
// model and its endpoint (no secrets), the prompt version, the seeds and the data file's fingerprint.

import Agent
import ArgumentParser
import Foundation
import LLMClient
import Languages

struct TranscriptOptions: ParsableArguments {
    @Option(
        name: .customLong("transcripts"),
        help: "Folder for the session's transcript (default: transcripts/ in the workspace).")
    var folder: String?
    @Flag(name: .customLong("no-transcript"), help: "Do not write a transcript of this session.")
    var off = false

    /// The seed the tools use when the model gives none (Autopilot's calls pass 42).
    static let defaultSeeds = [42]

    /// Starts recording, or returns nil with --no-transcript. A transcript that cannot be created is said
    /// on stderr and the session goes on without it.
    func recorder(
        command: String, name: String, choice: ModelChoice, workspace: Workspace, language: Language,
        data: String?, target: String?, goal: String?, session: String? = nil, terminal: Terminal,
        toolCalls: String? = nil, contextTokens: Int? = nil, sessionTarget: String? = nil
    ) -> TranscriptRecorder? {
        guard !off else { return nil }
        let base =
            folder.map { URL(fileURLWithPath: $0, relativeTo: workspace.root).standardizedFileURL }
            ?? workspace.root.appendingPathComponent("transcripts")
        let url = TranscriptRecorder.fileURL(folder: base, name: name)
        do {
            let writer = try TranscriptWriter(url: url)
            var header = TranscriptHeader(
                mlexpVersion: MLExp.configuration.version, command: command, name: name,
                model: choice.model.displayName, endpoint: (choice.model as? OpenAIClient)?.configuration.baseURL,
                promptVersion: Prompts.version, language: language.rawValue, seeds: Self.defaultSeeds,
                workspace: workspace.root.path, data: data, target: target, goal: goal)
            header.toolCalls = toolCalls
            header.contextTokens = contextTokens
            header.session = session
            header.sessionTarget = sessionTarget
            return TranscriptRecorder(writer: writer, header: header, workspace: workspace)
        } catch {
            terminal.error("No transcript for this session: \(error.description)")
            return nil
        }
    }

    /// A name for the transcript file from the data file ("titanic" for titanic.csv).
    static func name(for data: String?, fallback: String) -> String {
        guard let data else { return fallback }
        return ((data as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
