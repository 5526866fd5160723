import ConsoleStore
import Foundation
import LambdaAPI
import LogsAPI

/// The answers a model run gives to the console's background work: functions, details, logs
/// and outcomes made up from a seed, with hostile text among them (escape sequences, a lone
/// surrogate in a JSON log line, wide characters and flags, long lines, tabs and newlines).
/// Every environment value is a secret marker, which must never be on screen unless revealed.
public enum ModelEstate {
    public static let secretMarker = "S3CR3T"

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        try? LambdaJSON.decoder().decode(T.self, from: Data(json.utf8))
    }

    static func quoted(_ text: String) -> String { JSONValueQuote.quote(text) }

    public static func function(_ index: Int, seed: UInt64) -> FunctionConfiguration? {
        var random = SeededGenerator(seed: seed &+ UInt64(index))
        let name = index % 17 == 3 ? "fn-\(index)-函数-🇫🇷" : "fn-\(String(format: "%03d", index))"
        let description = hostileText(&random)
        let runtime = ["python3.12", "nodejs20.x", "java21", "provided.al2023"][Int(random.next() % 4)]
        let state = ["Active", "Pending", "Failed", "Inactive"][Int(random.next() % 4)]
        return decode(FunctionConfiguration.self, """
            {"FunctionName":\(quoted(name)),"FunctionArn":\(quoted("arn:aws:lambda:us-east-1:123456789012:function:\(name)")),
             "Runtime":"\(runtime)","MemorySize":\(128 + Int(random.next() % 10_000)),"Timeout":\(1 + Int(random.next() % 900)),
             "Architectures":["arm64"],"PackageType":"Zip","CodeSize":\(random.next() % 50_000_000),
             "LastModified":"2026-11-25T10:00:00.000+0000","State":"\(state)","Description":\(quoted(description)),
             "Handler":"index.handler","Role":"arn:aws:iam::123456789012:role/app",
             "Environment":{"Variables":{"DB_PASSWORD":"\(secretMarker)-\(index)","API_KEY":"\(secretMarker)-key-\(index)"}},
             "RevisionId":"rev-\(random.next() % 100)","Version":"$LATEST"}
            """)
    }

    public static func functions(seed: UInt64) -> [FunctionConfiguration] {
        var random = SeededGenerator(seed: seed)
        let count = [0, 1, 3, 30, 300][Int(random.next() % 5)]
        return (0..<count).compactMap { function($0, seed: seed % 7) }
    }

    public static func detail(_ name: String, seed: UInt64) -> FunctionDetail? {
        var random = SeededGenerator(seed: seed)
        let index = Int(name.dropFirst(3).prefix { $0.isNumber }) ?? 0
        guard let configuration = function(index, seed: seed % 7) else { return nil }
        let versionCount = Int(random.next() % 6)
        let versions = (0..<versionCount).map { number -> FunctionConfiguration in
            var version = configuration
            version.version = number == 0 ? "$LATEST" : String(number)
            version.description = hostileText(&random)
            return version
        }
        let aliases = (0..<Int(random.next() % 4)).compactMap { number in
            decode(AliasConfiguration.self, """
                {"Name":"alias\(number)","AliasArn":"\(configuration.functionArn ?? ""):alias\(number)","FunctionVersion":"\(max(1, versionCount - 1))",
                 "RevisionId":"r\(number)","RoutingConfig":{"AdditionalVersionWeights":{"1":0.\(random.next() % 9 + 1)}}}
                """)
        }
        let mappings = (0..<Int(random.next() % 4)).compactMap { number in
            decode(EventSourceMappingConfiguration.self, """
                {"UUID":"uuid-\(number)-\(random.next() % 1000)","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:queue-\(number)",
                 "State":"Enabled","BatchSize":10,"LastProcessingResult":\(quoted(hostileText(&random)))}
                """)
        }
        let tags = ["team": hostileText(&random), "env": "prod"]
        return FunctionDetail(function: GetFunctionResponse(configuration: configuration, tags: tags), versions: versions,
                              aliases: aliases, mappings: mappings, reservedConcurrency: random.next() % 2 == 0 ? nil : 10, url: nil)
    }

    public static func logLines(seed: UInt64) -> [LogLine] {
        var random = SeededGenerator(seed: seed)
        let count = [0, 1, 5, 40][Int(random.next() % 4)]
        let base: Int64 = 1_795_600_000_000 + Int64(random.next() % 1_000_000)
        return (0..<count).map { index in
            LogLine(timestamp: base + Int64(index) * 37, stream: "2026/11/25/[\(random.next() % 4)]abcd",
                    message: hostileText(&random), id: "e\(seed % 1000)-\(index)")
        }
    }

    public static func streams(seed: UInt64) -> [LogStream] {
        var random = SeededGenerator(seed: seed)
        let items = (0..<Int(random.next() % 5)).map { #"{"logStreamName":"2026/11/25/[\#($0)]s\#(random.next() % 100)","lastEventTimestamp":1795600000900}"# }
        return decode([LogStream].self, "[" + items.joined(separator: ",") + "]") ?? []
    }

    /// Text as AWS may send it.
    static func hostileText(_ random: inout SeededGenerator) -> String {
        let pool = [
            "plain text", "",
            "START RequestId: 1 Version: 2", "REPORT RequestId: 1\tDuration: 912.33 ms\tBilled Duration: 913 ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB",
            #"{"level":"INFO","message":"user said \ud800\u0041"}"#,
            "\u{1B}[31mred\u{1B}[0m \u{1B}]52;c;aGVsbG8=\u{07} \u{1B}P1$q\u{1B}\\ \u{9B}2J",
            "[ERROR]\tcard declined: insufficient funds", "[WARN]\tretrying",
            "缩略图 thumbnails 🚀 " + String(repeating: "🇫🇷", count: 30),
            "multi\nline\r\nevent\twith tabs",
            String(repeating: "long line ", count: 2_000),
            "e\u{301}\u{301}\u{301} combining", "\u{202E}right-to-left override",
        ]
        return pool[Int(random.next() % UInt64(pool.count))]
    }

    public static func invocation(_ request: InvocationRequest, seed: UInt64) -> InvocationResult {
        var random = SeededGenerator(seed: seed)
        return InvocationResult(function: request.function, qualifier: request.qualifier, statusCode: 200,
                                functionError: random.next() % 3 == 0 ? "Unhandled" : nil, executedVersion: "\(random.next() % 4)",
                                payload: hostileText(&random),
                                logTail: "START RequestId: 1\nREPORT RequestId: 1\tDuration: 1.5 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB",
                                milliseconds: Int(random.next() % 2_000))
    }
}

/// JSON string quoting for the fixtures above.
enum JSONValueQuote {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
