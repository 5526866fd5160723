import AWSCore
import Foundation
import Testing

/// The regions `:region` completes and the all-regions view lists are botocore's, partition by
/// partition.
@Suite struct LambdaRegionsTests {
    @Test func everyPartitionListsBotocoresLambdaRegions() async throws {
        let script = """
            import json, botocore.session
            s = botocore.session.get_session()
            print(json.dumps({p: s.get_available_regions('lambda', p) for p in s.get_available_partitions()}))
            """
        let outputFile = NSTemporaryDirectory() + "lt-regions-\(UUID().uuidString).json"
        defer { unlink(outputFile) }
        FileManager.default.createFile(atPath: outputFile, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        process.standardError = FileHandle.nullDevice
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in done.resume() }
            do { try process.run() } catch { done.resume() }
        }
        let output = try String(contentsOfFile: outputFile, encoding: .utf8)
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String]], "botocore said: \(output)")
        let ours = Dictionary(uniqueKeysWithValues: AWSPartition.everyPartition.map { ($0.name, $0.lambdaRegions) })
        for (partition, regions) in theirs {
            #expect(ours[partition]?.sorted() == regions.sorted(), "partition \(partition)")
        }
        #expect(Set(ours.keys) == Set(theirs.keys))
        // Each region names its own partition.
        for partition in AWSPartition.everyPartition {
            for region in partition.lambdaRegions { #expect(AWSPartition.of(region: region).name == partition.name, "\(region)") }
        }
    }
}
