import ConsoleStore
import ConsoleUI
import Foundation
import LambdaAPI
import LogsAPI

/// A small, fixed estate for golden screens: same data, same clock, same output every run.
enum ConsoleFixtures {
    static let now = Date(timeIntervalSince1970: 1_795_600_800)  // 2026-11-25T10:00:00Z

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        try! LambdaJSON.decoder().decode(T.self, from: Data(json.utf8))
    }

    static func function(_ name: String, _ runtime: String, memory: Int, timeout: Int, minutesAgo: Int, state: String = "Active",
                         description: String) -> FunctionConfiguration {
        let modified = ISO8601DateFormatter().string(from: now.addingTimeInterval(TimeInterval(-minutesAgo * 60)))
        return decode(FunctionConfiguration.self, """
            {"FunctionName":"\(name)","FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:\(name)","Runtime":"\(runtime)",
             "MemorySize":\(memory),"Timeout":\(timeout),"Architectures":["arm64"],"PackageType":"Zip","CodeSize":\(memory * 1031),
             "LastModified":"\(modified)","State":"\(state)","LastUpdateStatus":"Successful","Description":"\(description)",
             "Handler":"index.handler","Role":"arn:aws:iam::123456789012:role/app","CodeSha256":"Qm9vdHN0cmFwU2hhMjU2U3VtT2ZDb2Rl",
             "Environment":{"Variables":{"DB_PASSWORD":"hunter2","STAGE":"prod"}},"TracingConfig":{"Mode":"Active"},
             "RevisionId":"rev-1","Version":"$LATEST"}
            """)
    }

    static let functions = [
        function("payments-charge-card", "python3.12", memory: 512, timeout: 30, minutesAgo: 5, description: "payments: charge card"),
        function("payments-refund", "python3.12", memory: 256, timeout: 60, minutesAgo: 190, description: "payments: refund"),
        function("search-query-api", "nodejs20.x", memory: 1024, timeout: 10, minutesAgo: 2000, description: "search: query api"),
        function("identity-login", "java21", memory: 1769, timeout: 15, minutesAgo: 50, state: "Pending", description: "identity: login"),
        function("media-thumbnail", "provided.al2023", memory: 3008, timeout: 900, minutesAgo: 9000, state: "Failed",
                 description: "media: 缩略图 thumbnails 🚀"),
    ]

    static var detail: FunctionDetail {
        let versions = ["$LATEST", "1", "2", "3"].map { version in
            var function = functions[0]
            function.version = version
            function.description = version == "$LATEST" ? "work in progress" : "release \(version)"
            return function
        }
        let aliases = [
            decode(AliasConfiguration.self, #"{"Name":"live","FunctionVersion":"2","Description":"production","RoutingConfig":{"AdditionalVersionWeights":{"3":0.25}}}"#),
            decode(AliasConfiguration.self, #"{"Name":"staging","FunctionVersion":"3","Description":"pre-release"}"#),
        ]
        let mappings = [
            decode(EventSourceMappingConfiguration.self, #"{"UUID":"6f1c2d3e-1111-2222-3333-444455556666","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:payments-queue","State":"Enabled","BatchSize":10,"LastProcessingResult":"OK","LastModified":1795600000}"#),
            decode(EventSourceMappingConfiguration.self, #"{"UUID":"7a2b3c4d-1111-2222-3333-444455556666","EventSourceArn":"arn:aws:dynamodb:us-east-1:123456789012:table/payments-ledger/stream/2026-11-01T00:00:00.000","State":"Disabled","BatchSize":50,"LastProcessingResult":"No records processed","LastModified":1795500000}"#),
        ]
        return FunctionDetail(function: GetFunctionResponse(configuration: functions[0], tags: ["team": "payments", "env": "prod"]),
                              versions: versions, aliases: aliases, mappings: mappings, reservedConcurrency: 25, url: nil)
    }

    static let logLines: [LogLine] = [
        LogLine(timestamp: 1_795_600_000_000, stream: "2026/11/25/[2]aaaa", message: "START RequestId: 1 Version: 2", id: "1"),
        LogLine(timestamp: 1_795_600_000_120, stream: "2026/11/25/[2]aaaa", message: "[INFO]\tcharged order 1234", id: "2"),
        LogLine(timestamp: 1_795_600_000_480, stream: "2026/11/25/[3]bbbb", message: "[WARN]\tretrying card network", id: "3"),
        LogLine(timestamp: 1_795_600_000_900, stream: "2026/11/25/[3]bbbb", message: "[ERROR]\tcard declined: insufficient funds", id: "4"),
        LogLine(timestamp: 1_795_600_001_000, stream: "2026/11/25/[2]aaaa", message: "END RequestId: 1", id: "5"),
        LogLine(timestamp: 1_795_600_001_000, stream: "2026/11/25/[2]aaaa", message: "REPORT RequestId: 1\tDuration: 912.33 ms\tBilled Duration: 913 ms", id: "6"),
    ]

    static let streams: [LogStream] = decode([LogStream].self, """
        [{"logStreamName":"2026/11/25/[3]bbbb","lastEventTimestamp":1795600000900,"storedBytes":2048},
         {"logStreamName":"2026/11/25/[2]aaaa","lastEventTimestamp":1795599000000,"storedBytes":4096}]
        """)

    /// The state after loading everything, with the first function focused.
    static func loadedState(readOnly: Bool = false) -> ConsoleState {
        var state = ConsoleState(connection: ConnectionInfo(profile: "demo", region: "us-east-1", endpoint: "http://127.0.0.1:5000", readOnly: readOnly))
        _ = Reducer.reduce(&state, .show(.functions))
        _ = Reducer.reduce(&state, .functionsLoaded(.listed(functions)), now: now)
        let arn = functions[0].functionArn
        while state.focusedFunction != arn { _ = Reducer.reduce(&state, .moveCursor(1)) }
        _ = Reducer.reduce(&state, .detailLoaded(function: "payments-charge-card", .success(detail)), now: now)
        _ = Reducer.reduce(&state, .logsLoaded(function: "payments-charge-card", stream: nil, .success(logLines)), now: now)
        return state
    }
}
