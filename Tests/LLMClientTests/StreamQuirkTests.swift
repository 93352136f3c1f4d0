import Testing

// Each known server dialect of streamed tool calls and answers, fed through the same path as a
// live stream: repeated names, index 0 or no index, whole calls, object arguments, missing or
// wrong finish_reason, reasoning deltas, usage-only chunks, split events, missing [DONE].
@testable import LLMClient

@Suite struct StreamQuirkTests {
    @Test(arguments: [1, 3, 17, 1 << 20])
    func textIsStreamedAndUsageRead(pieceSize: Int) throws {
        let body =
            Stream.chunk(#"{"role":"assistant","content":""}"#) + Stream.text("Bonjour, ") + Stream.text("ça va ✓")
            + Stream.chunk("{}", finish: "stop") + Stream.usage(prompt: 12, completion: 5) + Stream.done
        let (response, log) = try runStream(body, pieceSize: pieceSize)
        #expect(log.text == "Bonjour, ça va ✓")
        #expect(log.events.count == 2)
        #expect(response.message.content == "Bonjour, ça va ✓")
        #expect(response.finishReason == "stop")
        #expect(response.usage == TokenUsage(promptTokens: 12, completionTokens: 5))
    }

    @Test func standardIndexedDeltasAssembleTwoCalls() throws {
        let body =
            Stream.chunk(
                #"{"tool_calls":[{"index":0,"id":"a","type":"function","function":{"name":"load_data","arguments":""}}]}"#
            )
            + Stream.chunk(
                #"{"tool_calls":[{"index":1,"id":"b","type":"function","function":{"name":"train_model","arguments":"{\"mo"}}]}"#
            )
            + Stream.chunk(#"{"tool_calls":[{"index":0,"function":{"arguments":"{\"path\":\"x.csv\"}"}}]}"#)
            + Stream.chunk(#"{"tool_calls":[{"index":1,"function":{"arguments":"del\":\"gbdt\"}"}}]}"#)
            + Stream.chunk("{}", finish: "tool_calls") + Stream.done
        let (response, log) = try runStream(body, pieceSize: 9)
        #expect(
            response.message.toolCalls == [
                ToolCall(id: "a", name: "load_data", arguments: #"{"path":"x.csv"}"#),
                ToolCall(id: "b", name: "train_model", arguments: #"{"model":"gbdt"}"#),
            ])
        #expect(
            log.events == [
                .toolCallStarted(index: 0, name: "load_data"), .toolCallStarted(index: 1, name: "train_model"),
            ])
        #expect(response.finishReason == "tool_calls")
        #expect(response.message.content == nil)
    }

    @Test func aNameRepeatedInEveryDeltaIsSetNotAppended() throws {
        let body =
            Stream.chunk(#"{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{\"x\":"}}]}"#)
            + Stream.chunk(#"{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"1}"}}]}"#)
            + Stream.chunk("{}", finish: "tool_calls") + Stream.done
        let (response, _) = try runStream(body)
        #expect(response.message.toolCalls == [ToolCall(id: "a", name: "f", arguments: #"{"x":1}"#)])
    }

    @Test func everyCallAtIndexZeroIsToldApartByItsID() throws {
        let body =
            Stream.chunk(#"{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{\"x\""}}]}"#)
            + Stream.chunk(#"{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]}"#)
            + Stream.chunk(#"{"tool_calls":[{"index":0,"id":"b","function":{"name":"g","arguments":"{}"}}]}"#)
            + Stream.chunk("{}", finish: "tool_calls") + Stream.done
        let (response, _) = try runStream(body)
        #expect(
            response.message.toolCalls == [
                ToolCall(id: "a", name: "f", arguments: #"{"x":1}"#), ToolCall(id: "b", name: "g", arguments: "{}"),
            ])
    }

    @Test func callsWithoutIndexOrIDAreToldApartByOrder() throws {
        // Each call whole in one chunk, the same function twice, no index and no id.
        let body =
            Stream.chunk(#"{"tool_calls":[{"function":{"name":"f","arguments":"{\"x\":1}"}}]}"#)
            + Stream.chunk(#"{"tool_calls":[{"function":{"name":"f","arguments":"{\"x\":2}"}}]}"#)
            + Stream.chunk("{}", finish: "tool_calls") + Stream.done
        let (response, _) = try runStream(body)
        #expect(response.message.toolCalls.map(\.arguments) == [#"{"x":1}"#, #"{"x":2}"#])
        #expect(response.message.toolCalls.map(\.id) == ["call_0", "call_1"])
    }

    @Test func twoWholeCallsInOneChunkWithArgumentsAsObjects() throws {
        let body = Stream.chunk(
            #"{"tool_calls":[{"id":"a","function":{"name":"f","arguments":{"x":1}}},{"id":"b","function":{"name":"g","arguments":{"y":[1,2]}}}]}"#,
            finish: "tool_calls")
        let (response, _) = try runStream(body)
        #expect(
            response.message.toolCalls == [
                ToolCall(id: "a", name: "f", arguments: #"{"x":1}"#),
                ToolCall(id: "b", name: "g", arguments: #"{"y":[1,2]}"#),
            ])
    }

    @Test(arguments: [nil, "stop"] as [String?])
    func toolCallsAreDecidedByPresenceNotFinishReason(finish: String?) throws {
        var body = Stream.chunk(#"{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{}"}}]}"#)
        if let finish { body += Stream.chunk("{}", finish: finish) }
        body += Stream.done
        let (response, _) = try runStream(body)
        #expect(response.message.toolCalls.count == 1)
        #expect(response.finishReason == "tool_calls")
    }

    @Test func reasoningIsKeptApartFromTheAnswer() throws {
        let body =
            Stream.chunk(#"{"reasoning_content":"Think A. "}"#) + Stream.chunk(#"{"reasoning":"Think B."}"#)
            + Stream.text("Answer.") + Stream.chunk("{}", finish: "stop") + Stream.done
        let (response, log) = try runStream(body)
        #expect(response.message.content == "Answer.")
        #expect(response.message.reasoning == "Think A. Think B.")
        #expect(log.events == [.reasoningDelta("Think A. "), .reasoningDelta("Think B."), .textDelta("Answer.")])
    }

    @Test func aMissingDoneAfterACompleteAnswerIsAccepted() throws {
        let (response, _) = try runStream(Stream.text("Hi") + Stream.chunk("{}", finish: "stop"))
        #expect(response.message.content == "Hi")
    }

    @Test func aStreamCutBeforeTheEndIsReported() {
        #expect(streamError(Stream.text("Hi, I will"))?.code == .streamInterrupted)
        #expect(streamError("")?.code == .malformedResponse)
    }

    @Test func argumentsCutByMaxTokensAreReportedNotPassedOn() {
        let body =
            Stream.chunk(
                #"{"tool_calls":[{"index":0,"id":"a","function":{"name":"train_model","arguments":"{\"model\": \"gb"}}]}"#
            )
            + Stream.chunk("{}", finish: "length") + Stream.done
        let error = streamError(body)
        #expect(error?.code == .truncatedToolCall)
        #expect(error?.message.contains("max_tokens") == true)
        #expect(error?.message.contains("train_model") == true)
    }

    @Test func argumentsThatAreNotAnObjectAreRefused() {
        let body = Stream.chunk(
            #"{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"[1, 2"}}]}"#, finish: "tool_calls")
        #expect(streamError(body)?.code == .invalidToolCall)
    }

    @Test func aMalformedEventIsReported() {
        let error = streamError(Stream.text("ok") + "data: {\"choices\": [\n\n" + Stream.done)
        #expect(error?.code == .malformedResponse)
        #expect(error?.message.contains("not JSON") == true)
    }

    @Test func anErrorInsideTheStreamIsReported() {
        let error = streamError(Stream.text("ok") + "data: {\"error\":{\"message\":\"model crashed\"}}\n\n")
        #expect(error?.code == .serverError)
        #expect(error?.message.contains("model crashed") == true)
    }
}
