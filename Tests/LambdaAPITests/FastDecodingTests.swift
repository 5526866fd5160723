import AWSCore
import Foundation
import LambdaAPI
import Testing

/// The one-pass decoding of ListFunctions' shapes must agree with Codable decoding, member for
/// member: the document below carries every member of FunctionConfiguration and its parts.
@Suite struct FastDecodingTests {
    static let everyMember = #"""
    {"Functions":[{
      "Architectures":["arm64"],"CodeSha256":"sha","CodeSize":1234,"DeadLetterConfig":{"TargetArn":"arn:aws:sqs:q"},
      "Description":"d","Environment":{"Error":{"ErrorCode":"E","Message":"m"},"Variables":{"DB_URL":"x","lower":"y"}},
      "EphemeralStorage":{"Size":2048},"FileSystemConfigs":[{"Arn":"arn:aws:efs:fs","LocalMountPath":"/mnt/efs"}],
      "FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f","FunctionName":"f","Handler":"index.handler",
      "ImageConfigResponse":{"Error":{"ErrorCode":"I","Message":"im"},"ImageConfig":{"Command":["c"],"EntryPoint":["e"],"WorkingDirectory":"/w"}},
      "KMSKeyArn":"arn:aws:kms:k","LastModified":"2026-11-25T10:00:00.000+0000","LastUpdateStatus":"Failed",
      "LastUpdateStatusReason":"why","LastUpdateStatusReasonCode":"InternalError",
      "Layers":[{"Arn":"arn:aws:lambda:layer:l:1","CodeSize":99,"SigningJobArn":"sj","SigningProfileVersionArn":"sp"}],
      "LoggingConfig":{"ApplicationLogLevel":"DEBUG","LogFormat":"JSON","LogGroup":"/g","SystemLogLevel":"WARN"},
      "MasterArn":"arn:master","MemorySize":512,"PackageType":"Zip","RevisionId":"rev","Role":"arn:aws:iam::1:role/r",
      "Runtime":"python3.12","RuntimeVersionConfig":{"Error":{"ErrorCode":"R","Message":"rm"},"RuntimeVersionArn":"arn:rt"},
      "SigningJobArn":"sja","SigningProfileVersionArn":"spa","SnapStart":{"ApplyOn":"PublishedVersions","OptimizationStatus":"On"},
      "State":"Active","StateReason":"ok","StateReasonCode":"Idle","Timeout":30,"TracingConfig":{"Mode":"Active"},
      "Version":"$LATEST","VpcConfig":{"Ipv6AllowedForDualStack":true,"SecurityGroupIds":["sg"],"SubnetIds":["sn"],"VpcId":"vpc"}
    }],"NextMarker":"next"}
    """#

    @Test func fastPathAndCodableAgree() throws {
        let data = Data(Self.everyMember.utf8)
        let fast = try LambdaClient.ListFunctionsPage(json: try JSONValue.parse(data))
        let codable = try LambdaJSON.decoder().decode(LambdaClient.ListFunctionsPage.self, from: data)
        #expect(fast.functions == codable.functions)
        #expect(fast.nextMarker == codable.nextMarker)
        let function = try #require(fast.functions?.first)
        // Spot checks that the document did reach every part.
        #expect(function.vpcConfig?.ipv6AllowedForDualStack == true)
        #expect(function.imageConfigResponse?.imageConfig?.workingDirectory == "/w")
        #expect(function.environment?.variables == ["DB_URL": "x", "lower": "y"])
        #expect(function.layers?.first?.signingProfileVersionArn == "sp")
        #expect(function.runtimeVersionConfig?.error?.message == "rm")
        // Every stored property was filled: a member missing from the fast path would leave one nil.
        let unset = Self.unsetProperties(of: function)
        #expect(unset.isEmpty, "unset: \(unset)")
        #expect(Self.unsetProperties(of: FunctionConfiguration()).count == Mirror(reflecting: function).children.count)
    }

    static func unsetProperties(of value: Any) -> [String] {
        Mirror(reflecting: value).children.filter { "\($0.value)" == "nil" }.compactMap(\.label)
    }

    @Test func requestsEncodeWithTheAPIsMemberNames() throws {
        var request = UpdateFunctionConfigurationRequest(revisionId: "r")
        request.kmsKeyArn = "k"
        request.environment = Environment(variables: ["lower_key": "v", "UPPER": "w"])
        request.memorySize = 256
        let json = try JSONValue.parse(try LambdaJSON.encoder().encode(request))
        #expect(json["KMSKeyArn"] == .string("k"))
        #expect(json["RevisionId"] == .string("r"))
        #expect(json["MemorySize"] == .number(256))
        #expect(json["Environment"]?["Variables"]?["lower_key"] == .string("v"))
        #expect(json["Environment"]?["Variables"]?["UPPER"] == .string("w"))
        let mapping = try JSONValue.parse(try LambdaJSON.encoder().encode(
            AliasRoutingConfiguration(additionalVersionWeights: ["2": 0.5])))
        #expect(mapping["AdditionalVersionWeights"]?["2"] == .number(0.5))
    }
}
