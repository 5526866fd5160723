import AWSCore
import Foundation
import LambdaAPI
import LambdaTestSupport
import TestSupport

/// Listing 2,000 functions end to end and fetching one function's detail bundle, beside boto3
/// doing the same work against the same endpoint in the same run.
enum EstateBenchmarks {
    static let functionCount = 2000
    static let detailFunction = "estate-0000"

    static func run() async throws {
        let backend = try TestBackend.start()
        let fixtures = try await LambdaFixtures(backend: backend)
        try await fixtures.createFunctions(count: functionCount, prefix: "estate")
        try await giveDetail(to: detailFunction, fixtures)
        // Pages of 50 as AWS serves them, through the keep-alive loopback proxy.
        let lane = "estate"
        try await backend.paginate(lane: lane, member: "Functions")
        let lambda = LambdaClient(client: backend.client(.lambda, lane: lane))
        let listed = try await lambda.functions(pageSize: 50).all().count
        guard listed == functionCount else { throw BackendError("listed \(listed) of \(functionCount) functions") }

        print("\nEstate: \(functionCount) functions in moto, pages of 50")
        let list = try await Measurement.median("list 2,000 functions (40 pages)", batches: 3, iterations: 3) {
            _ = try await lambda.functions(pageSize: 50).all()
        }
        print(list.report())
        let bundle = try await Measurement.median("detail bundle, six calls in flight together", batches: 3, iterations: 20) {
            _ = try await lambda.functionDetail(detailFunction)
        }
        print(bundle.report())
        let sequential = try await Measurement.median("  the same six calls one after another", batches: 3, iterations: 20) {
            _ = try await lambda.getFunction(detailFunction)
            _ = try await lambda.versions(of: detailFunction).all()
            _ = try await lambda.aliases(of: detailFunction).all()
            _ = try await lambda.eventSourceMappings(functionName: detailFunction).all()
            _ = try await lambda.getFunctionConcurrency(detailFunction)
            _ = try? await lambda.getFunctionUrlConfig(detailFunction)
        }
        print(sequential.report())
        try boto3(endpoint: backend.faultURL(lane: lane), list: list, bundle: bundle)

        // A user far from the region: each round trip costs 40 ms, which is where fetching the
        // bundle's calls together pays.
        let far = "estate-far"
        try await backend.paginate(lane: far, member: "Functions")
        try await backend.simulateLatency(lane: far, seconds: 0.04)
        let distant = LambdaClient(client: backend.client(.lambda, lane: far))
        print("\nThe same with 40 ms of round-trip latency added by the loopback proxy")
        let farList = try await Measurement.median("list 2,000 functions (40 pages)", batches: 1, iterations: 2) {
            _ = try await distant.functions(pageSize: 50).all()
        }
        print(farList.report())
        // What the console draws first now: the first page, not the whole list.
        let firstRows = try await Measurement.median("first rows on screen (the first page of 50)", batches: 3, iterations: 3) {
            for try await _ in distant.functions(pageSize: 50) { break }
        }
        print(firstRows.report())
        let farBundle = try await Measurement.median("detail bundle, six calls in flight together", batches: 3, iterations: 5) {
            _ = try await distant.functionDetail(detailFunction)
        }
        print(farBundle.report())
        try boto3(endpoint: backend.faultURL(lane: far), list: farList, bundle: farBundle, runs: 2)
    }

    /// Versions, weighted aliases, a queue mapping and reserved concurrency, as a real function has.
    static func giveDetail(to name: String, _ fixtures: LambdaFixtures) async throws {
        let lambda = fixtures.lambda
        for number in 1...3 {
            var update = UpdateFunctionConfigurationRequest()
            update.description = "release \(number)"
            _ = try await lambda.updateFunctionConfiguration(name, update)
            _ = try await lambda.publishVersion(name, PublishVersionRequest(description: "release \(number)"))
        }
        _ = try await lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "2",
                                                                  routingConfig: AliasRoutingConfiguration(additionalVersionWeights: ["3": 0.1])))
        _ = try await lambda.createAlias(name, CreateAliasRequest(name: "staging", functionVersion: "3"))
        let queue = try await fixtures.createQueue("estate-queue")
        _ = try await lambda.createEventSourceMapping(CreateEventSourceMappingRequest(functionName: name, eventSourceArn: queue, batchSize: 10))
        _ = try await lambda.putFunctionConcurrency(name, reservedConcurrentExecutions: 5)
    }

    static func boto3(endpoint: String, list: Measurement, bundle: Measurement, runs: Int = 5) throws {
        let script = URL(fileURLWithPath: TestBackend.scriptPath).deletingLastPathComponent().appendingPathComponent("bench_boto3.py").path
        let text = try Subprocess.run(["python3", script, "--endpoint", endpoint, "--function", detailFunction, "--runs", "\(runs)"],
                                      captureOutput: true).output
        var figures: [String: (wall: Double, cpu: Double)] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 3, let wall = Double(words[1]), let cpu = Double(words[2]) { figures[String(words[0])] = (wall, cpu) }
        }
        guard let boto3List = figures["list"], let boto3Bundle = figures["bundle"] else {
            print("boto3 comparison did not run: \(text)")
            return
        }
        print("boto3, same endpoint, same run:")
        for (label, ours, theirs) in [("list 2,000 functions", list, boto3List), ("detail bundle", bundle, boto3Bundle)] {
            let ourWall = ours.perIteration(ours.wallSeconds)
            let ourCPU = ours.perIteration(ours.userSeconds + ours.systemSeconds)
            print("  " + label.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "lambda-tui wall %8.2f ms cpu %8.2f ms | boto3 wall %8.2f ms cpu %8.2f ms | %.1fx faster, %.1fx less CPU",
                         ourWall, ourCPU, theirs.wall, theirs.cpu, theirs.wall / ourWall, theirs.cpu / ourCPU))
        }
    }
}
