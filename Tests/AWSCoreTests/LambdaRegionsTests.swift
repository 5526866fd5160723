import AWSCore
import Foundation
import Testing
import TestSupport

/// The regions `:region` completes and the all-regions view lists are botocore's, partition by
/// partition.
@Suite struct LambdaRegionsTests {
    @Test func everyPartitionListsBotocoresLambdaRegions() async throws {
        let script = """
            import json, botocore.session
            s = botocore.session.get_session()
            print(json.dumps({p: s.get_available_regions('lambda', p) for p in s.get_available_partitions()}))
            """
        let (status, output) = try Subprocess.run(["python3", "-c", script], captureOutput: true)
        #expect(status == 0, "botocore said: \(output)")
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
