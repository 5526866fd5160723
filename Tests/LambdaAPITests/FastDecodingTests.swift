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

    /// ListFunctions is decoded a function at a time (never as one tree); it must answer what the
    /// whole decoding does, for good answers and for damaged ones.
    @Test func listFunctionsDecodedAsItIsParsedAgreesWithTheWholeDecoding() throws {
        let three = #"{"NextMarker":"m","Functions":[{"FunctionName":"a","MemorySize":128},{"FunctionName":"b"},{"FunctionName":"c","Timeout":3}]}"#
        var bodies = [Self.everyMember, three, #"{"Functions":[]}"#, #"{"Functions":null}"#, "{}", "",
                      #"{"Functions":[{"FunctionName":"a","MemorySize":"big"}]}"#, #"{"Functions":"x"}"#, #"{"Functions":[1]}"#]
        // Every cut of a small answer, and a byte changed at every position.
        for end in 0..<three.utf8.count { bodies.append(String(decoding: Array(three.utf8)[..<end], as: UTF8.self)) }
        for position in 0..<three.utf8.count {
            var bytes = Array(three.utf8)
            bytes[position] = bytes[position] == UInt8(ascii: "}") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            bodies.append(String(decoding: bytes, as: UTF8.self))
        }
        for body in bodies {
            let data = Data(body.utf8)
            let whole = try? LambdaClient.ListFunctionsPage(json: try JSONValue.parse(data.isEmpty ? Data("{}".utf8) : data))
            let streamed = try? LambdaClient.decodeListFunctions(data)
            #expect(whole?.functions == streamed?.functions && whole?.nextMarker == streamed?.nextMarker, "\(body)")
            #expect((whole == nil) == (streamed == nil), "\(body)")
        }
        do {
            _ = try LambdaClient.decodeListFunctions(Data(#"{"Functions":[{"FunctionName":"a"},{"FunctionName":"b","MemorySize":"big"}]}"#.utf8))
            Issue.record("a wrong member was accepted")
        } catch {
            #expect("\(error)".contains("Functions[1].MemorySize"), "\(error)")
        }
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
