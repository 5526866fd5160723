/// The regions Lambda runs in, per partition, as botocore's endpoints.json lists them (a test
/// compares). What `:region` completes and what the all-regions view lists when the config
/// file's `regions` does not narrow it. An account may not have enabled every one of them (the
/// opt-in regions); the all-regions view says so per region rather than showing it empty.
extension AWSPartition {
    public var lambdaRegions: [String] {
        switch name {
        case "aws":
            ["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
             "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
             "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
             "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
             "us-east-2", "us-west-1", "us-west-2"]
        case "aws-cn": ["cn-north-1", "cn-northwest-1"]
        case "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"]
        case "aws-iso": ["us-iso-east-1", "us-iso-west-1"]
        case "aws-iso-b": ["us-isob-east-1", "us-isob-west-1"]
        case "aws-iso-e": ["eu-isoe-west-1"]
        case "aws-iso-f": ["us-isof-east-1", "us-isof-south-1"]
        case "aws-eusc": ["eusc-de-east-1"]
        default: []
        }
    }

    /// Every partition, `aws` first.
    public static var everyPartition: [AWSPartition] { [aws] + all }
}
