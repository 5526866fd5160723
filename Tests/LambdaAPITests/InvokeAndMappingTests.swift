import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

@Suite struct InvokeTests {
    @Test func requestResponseEventAndDryRun() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("invoke")
        try await fixtures.createFunction(name)
        let payload = Data(#"{"order":42,"name":"café ☕"}"#.utf8)
        let sync = try await fixtures.lambda.invoke(name, InvokeRequest(payload: payload))
        #expect(sync.statusCode == 200)
        #expect(sync.payload == payload)  // moto echoes the payload
        #expect(sync.functionError == nil)
        #expect(try await fixtures.lambda.invoke(name, InvokeRequest(payload: payload, invocationType: .event)).statusCode == 202)
        #expect(try await fixtures.lambda.invoke(name, InvokeRequest(payload: payload, invocationType: .dryRun)).statusCode == 204)
    }

    @Test func headersOfAnInvocation() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("invoke-headers")
        try await backend.script(lane: lane, [[
            "status": 200, "body": #"{"errorMessage":"boom","errorType":"ValueError"}"#,
            "headers": ["X-Amz-Function-Error": "Unhandled", "X-Amz-Executed-Version": "7",
                        "X-Amz-Log-Result": Data("START RequestId: 1\nboom\nEND RequestId: 1\n".utf8).base64EncodedString()],
        ]])
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        let response = try await lambda.invoke("my:function", InvokeRequest(payload: Data("{}".utf8), qualifier: "live", tailLogs: true,
                                                                           clientContext: #"{"custom":{"user":"ana"}}"#))
        #expect(response.functionError == "Unhandled")
        #expect(response.executedVersion == "7")
        #expect(response.logResult == "START RequestId: 1\nboom\nEND RequestId: 1\n")
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.method == "POST")
        #expect(call.path == "/2015-03-31/functions/my%3Afunction/invocations?Qualifier=live")
        #expect(call.headers["x-amz-invocation-type"] == "RequestResponse")
        #expect(call.headers["x-amz-log-type"] == "Tail")
        #expect(call.headers["x-amz-client-context"].flatMap { Data(base64Encoded: $0) } == Data(#"{"custom":{"user":"ana"}}"#.utf8))
    }

    @Test func oversizedPayloadIsRefusedBeforeSending() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("too-big")
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        await #expect {
            try await lambda.invoke("f", InvokeRequest(payload: Data(count: InvokeRequest.maximumPayload + 1)))
        } throws: { error in String(describing: error).contains("at most 6 MB") }
        #expect(try await backend.requests(lane: lane).isEmpty)
    }

    @Test func responseStreamChunksArriveInOrder() async throws {
        let backend = try await TestBackend.shared()
        let lane = TestBackend.lane("stream-invoke")
        var body = Data()
        for chunk in ["Hello, ", "streaming ", "world"] {
            body.append(RecordedEvent.frame("PayloadChunk", Data(chunk.utf8), contentType: "application/octet-stream"))
        }
        body.append(RecordedEvent.frame("InvokeComplete", Data(#"{"LogResult":"\#(Data("REPORT Duration: 3 ms".utf8).base64EncodedString())"}"#.utf8)))
        try await backend.script(lane: lane, [["status": 200, "body_b64": body.base64EncodedString(),
                                               "headers": ["Content-Type": "application/vnd.amazon.eventstream", "X-Amz-Executed-Version": "3"]]])
        let stream = try await LambdaClient(client: backend.client(.lambda, lane: lane)).invokeWithResponseStream("f")
        var events: [InvokeStreamEvent] = []
        for try await event in stream.events { events.append(event) }
        #expect(stream.executedVersion == "3")
        #expect(events == [.payloadChunk(Data("Hello, ".utf8)), .payloadChunk(Data("streaming ".utf8)), .payloadChunk(Data("world".utf8)),
                           .invokeComplete(errorCode: nil, errorDetails: nil, logResult: "REPORT Duration: 3 ms")])
        let call = try #require(try await backend.requests(lane: lane).first)
        #expect(call.path == "/2021-11-15/functions/f/response-streaming-invocations")
    }
}

@Suite struct EventSourceMappingTests {
    @Test func createUpdateListAndDeleteAnSQSMapping() async throws {
        let fixtures = try await LambdaFixtures()
        let lambda = fixtures.lambda
        let name = LambdaFixtures.uniqueName("esm")
        try await fixtures.createFunction(name)
        let queue = try await fixtures.createQueue("\(name)-queue")
        let created = try await lambda.createEventSourceMapping(CreateEventSourceMappingRequest(
            functionName: name, eventSourceArn: queue, batchSize: 10, enabled: true))
        let uuid = try #require(created.uuid)
        #expect(created.eventSourceArn == queue)
        #expect(created.batchSize == 10)
        #expect(created.functionArn?.hasSuffix(":function:\(name)") == true)
        #expect(created.lastModified != nil)

        let updated = try await lambda.updateEventSourceMapping(uuid, UpdateEventSourceMappingRequest(batchSize: 5))
        #expect(updated.batchSize == 5)
        #expect(try await lambda.getEventSourceMapping(uuid).uuid == uuid)
        let listed = try await lambda.eventSourceMappings(functionName: name).all()
        #expect(listed.compactMap(\.uuid) == [uuid])
        try await lambda.deleteEventSourceMapping(uuid)
        #expect(try await lambda.eventSourceMappings(functionName: name).all().filter { $0.state != "Deleting" }.isEmpty)
    }
}

@Suite struct LayerTests {
    @Test func publishReadListAndDeleteALayer() async throws {
        let fixtures = try await LambdaFixtures()
        let lambda = fixtures.lambda
        let layer = LambdaFixtures.uniqueName("layer")
        let zip = try ZipArchive(entries: [.init(path: "python/util.py", contents: Data("X = 1\n".utf8))]).data()
        let published = try await lambda.publishLayerVersion(layer, PublishLayerVersionRequest(
            content: LayerVersionContentInput(zipFile: zip), description: "shared utils", compatibleRuntimes: [.python312],
            licenseInfo: "MIT"))
        let version = try #require(published.version)
        let arn = try #require(published.layerVersionArn)
        #expect(published.description == "shared utils")
        #expect(try await lambda.getLayerVersion(layer, version: version).layerVersionArn == arn)
        // moto answers GetLayerVersionByArn with ListLayers; DocumentedResponseTests covers it.
        #expect(try await lambda.listLayerVersions(layer).layerVersions?.compactMap(\.layerVersionArn) == [arn])
        #expect(try await lambda.listLayers().layers?.contains { $0.layerName == layer } == true)
        try await lambda.deleteLayerVersion(layer, version: version)
        #expect(try await lambda.listLayerVersions(layer).layerVersions?.isEmpty ?? true)
    }
}
