import ConsoleStore
import Foundation
import LambdaAPI
import Testing

/// The AWS CLI command beside each change: the operation and flags the CLI takes, quoted for a
/// shell, with the console's profile, region and endpoint, and never an environment value.
@Suite struct AWSCLICommandTests {
    static let aws = ConnectionInfo(profile: "default", region: "eu-west-1", endpoint: "https://lambda.eu-west-1.amazonaws.com", readOnly: false)
    static let local = ConnectionInfo(profile: "work", region: "us-east-1", endpoint: "http://127.0.0.1:5000", readOnly: false)

    @Test func eachChangeIsItsCommand() {
        var settings = AliasSettings(name: "live", version: "2", description: "prod")
        settings.additionalVersion = "3"
        settings.weight = 0.1
        let cases: [(Mutation, String)] = [
            (.updateAlias(function: "pay", settings, revisionId: "r-1"),
             #"aws lambda update-alias --function-name pay --name live --function-version 2 --description prod --routing-config 'AdditionalVersionWeights={"3"=0.1}' --revision-id r-1 --region eu-west-1"#),
            (.publishVersion(function: "pay", description: "it's done", codeSha256: nil, revisionId: nil),
             #"aws lambda publish-version --function-name pay --description 'it'\''s done' --region eu-west-1"#),
            (.setReservedConcurrency(function: "pay", nil), "aws lambda delete-function-concurrency --function-name pay --region eu-west-1"),
            (.setProvisionedConcurrency(function: "pay", qualifier: "live", 5),
             "aws lambda put-provisioned-concurrency-config --function-name pay --qualifier live --provisioned-concurrent-executions 5 --region eu-west-1"),
            (.setMappingEnabled(function: "pay", uuid: "u-1", enabled: false), "aws lambda update-event-source-mapping --uuid u-1 --no-enabled --region eu-west-1"),
            (.deleteFunction(function: "pay", version: "4"), "aws lambda delete-function --function-name pay --qualifier 4 --region eu-west-1"),
            (.invoke(InvocationRequest(function: "pay", qualifier: "live", payload: #"{"a": 1}"#)),
             #"aws lambda invoke --function-name pay --qualifier live --invocation-type RequestResponse --cli-binary-format raw-in-base64-out --payload '{"a": 1}' --region eu-west-1 response.json"#),
            (.updateCode(function: "pay", source: .s3(bucket: "b", key: "k.zip", objectVersion: nil), architecture: .arm64, publish: true, revisionId: nil),
             "aws lambda update-function-code --function-name pay --s3-bucket b --s3-key k.zip --architectures arm64 --publish --region eu-west-1"),
            (.setTags(function: "pay", arn: "arn:aws:lambda:eu-west-1:1:function:pay", add: ["team": "payments"], remove: ["old"]),
             "aws lambda tag-resource --resource arn:aws:lambda:eu-west-1:1:function:pay --tags team=payments && aws lambda untag-resource --resource arn:aws:lambda:eu-west-1:1:function:pay --tag-keys old --region eu-west-1"),
        ]
        for (mutation, expected) in cases {
            #expect(AWSCLICommand.render(mutation, connection: Self.aws) == expected)
        }
    }

    @Test func environmentValuesAreNeverWrittenAndTheConsolesEndpointIs() {
        var changes = ConfigurationChanges()
        changes.environment = ["DB_PASSWORD": "hunter2", "STAGE": "prod"]
        changes.memorySize = 1024
        let command = AWSCLICommand.render(.updateConfiguration(function: "pay", changes, revisionId: nil), connection: Self.local)
        #expect(command == #"aws lambda update-function-configuration --function-name pay --memory-size 1024 --environment '{"Variables":{"DB_PASSWORD":"****","STAGE":"****"}}' --profile work --region us-east-1 --endpoint-url http://127.0.0.1:5000"#)
        #expect(!command.contains("hunter2") && !command.contains("prod\""))
    }

    @Test func ctrlYInAFormCopiesItsCommand() {
        var state = MonitorTests.state(functions: ["pay"], metricColumns: false)
        _ = Reducer.reduce(&state, .openAction(.invoke))
        _ = Reducer.reduce(&state, .setField(id: .payload, value: #"{"id": 7}"#))
        _ = Reducer.reduce(&state, .copy(.cliCommand))
        #expect(state.clipboard?.text.hasPrefix("aws lambda invoke --function-name pay") == true)
        #expect(state.clipboard?.text.contains(#"--payload '{"id": 7}'"#) == true)
        #expect(state.status?.hasPrefix("Copied: aws lambda invoke") == true)
        guard case .form = state.overlay else { Issue.record("the form closed"); return }
        _ = Reducer.reduce(&state, .clipboardWritten(.terminal))
        #expect(state.clipboard == nil && state.status?.hasPrefix("Copied: aws lambda invoke") == true)
    }
}
