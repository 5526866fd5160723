import LambdaAPI

extension FunctionConfiguration {
    /// What a row of the function list keeps: what the columns show, sort and filter on, and what
    /// finds its logs and its tags. The rest (environment, layers, VPC, image, signing…) is read
    /// with the detail when the function is opened: 50,000 whole configurations cost 3 KB each,
    /// and the environment values are secrets the list has no reason to hold.
    public var listed: FunctionConfiguration {
        var row = FunctionConfiguration(functionName: functionName)
        row.functionArn = functionArn
        row.runtime = runtime
        row.packageType = packageType
        row.memorySize = memorySize
        row.timeout = timeout
        row.architectures = architectures
        row.codeSize = codeSize
        row.lastModified = lastModified
        row.state = state
        row.lastUpdateStatus = lastUpdateStatus
        row.description = description
        row.version = version
        row.revisionId = revisionId
        row.codeSha256 = codeSha256
        // Only a log group of its own: the default, /aws/lambda/NAME, is derived from the name.
        if let group = loggingConfig?.logGroup, group != "/aws/lambda/\(functionName ?? "")" {
            row.loggingConfig = LoggingConfig(logGroup: group)
        }
        return row
    }
}
