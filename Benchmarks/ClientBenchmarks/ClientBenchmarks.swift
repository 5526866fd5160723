import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import TestSupport

/// `swift run -c release lambda-tui-bench`: the client's own cost per call, against a local moto.
@main
struct ClientBenchmarks {
    static func main() async throws {
        print("lambda-tui client benchmarks (\(LambdaTUIVersion.current))")
        try await signing()
        try await listFunctionsPage()
        try await EstateBenchmarks.run()
        try await FootprintBenchmarks.run()
    }

    static func signing() async throws {
        let signer = SigV4Signer(credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token"),
                                 region: "us-east-1", service: "lambda")
        let headers: [(name: String, value: String)] = [("Host", "lambda.us-east-1.amazonaws.com"), ("Content-Type", "application/json")]
        let body = Data(repeating: 0x41, count: 1024)
        let result = await Measurement.run("sign a typical request (Invoke, 1 KB body)", iterations: 20_000) {
            let hash = Digest.hex(Digest.sha256(body))
            _ = signer.sign(method: "POST", path: "/2015-03-31/functions/my-function/invocations", query: "Qualifier=live",
                            headers: headers, payloadHash: hash, date: Date())
        }
        print(result.report())
    }

    /// Sign + send + decode of one 50-function ListFunctions page. CPU is this process's only:
    /// moto runs in its own.
    static func listFunctionsPage() async throws {
        let backend = try TestBackend.start()
        let lambda = LambdaClient(client: backend.client(.lambda))
        let role = try await backend.lambdaRole()
        let zip = try ZipArchive(entries: [.init(path: "index.py", contents: Data("def handler(e, c):\n    return e\n".utf8))]).data()
        for index in 0..<50 {
            var request = CreateFunctionRequest(functionName: String(format: "bench-%03d", index), role: role,
                                                code: FunctionCode(zipFile: zip), runtime: .python312, handler: "index.handler")
            request.environment = Environment(variables: ["STAGE": "bench", "TABLE": "table-\(index)"])
            request.description = "benchmark function \(index)"
            request.memorySize = 512
            _ = try await lambda.createFunction(request)
        }
        let warm = try await lambda.listFunctions()
        guard warm.functions?.count == 50 else { throw BackendError("expected 50 functions, got \(warm.functions?.count ?? 0)") }

        // moto's server closes the connection after every answer; AWS keeps it open. Through the
        // loopback proxy (HTTP/1.1 keep-alive, forwarding to moto) the client reuses its
        // connection as it does against AWS, so the budget applies to that figure.
        let viaProxy = LambdaClient(client: backend.client(.lambda, lane: "bench"))
        _ = try await viaProxy.listFunctions()
        let kept = try await Measurement.median("ListFunctions page of 50: sign+send+decode", iterations: 200) {
            _ = try await viaProxy.listFunctions()
        }
        print(kept.report(userBudgetMilliseconds: 0.5))
        if ProcessInfo.processInfo.environment["BENCH_PROFILE"] != nil {
            for _ in 0..<2000 { _ = try await viaProxy.listFunctions() }
            return
        }
        let direct = try await Measurement.run("  the same straight to moto (a new connection each)", iterations: 200) {
            _ = try await lambda.listFunctions()
        }
        print(direct.report())

        let raw = try await backend.client(.lambda).send(AWSRequest(operation: "ListFunctions", method: "GET", path: "/2015-03-31/functions/"))
        let decoder = JSONValueDecoder()
        let decoding = try await Measurement.run("  of which decoding the 50 functions (\(raw.body.count / 1024) KB)", iterations: 500) {
            _ = try decoder.decode(LambdaClient.ListFunctionsPage.self, from: raw.body)
        }
        print(decoding.report())
        let foundationDecoder = LambdaJSON.decoder()
        let foundation = await Measurement.run("  (Foundation's JSONDecoder, custom key strategy)", iterations: 100) {
            _ = try? foundationDecoder.decode(LambdaClient.ListFunctionsPage.self, from: raw.body)
        }
        print(foundation.report())
        print("  (wall times include moto's own time to answer)")
    }
}
