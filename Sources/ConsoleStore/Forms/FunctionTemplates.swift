import FoundationEssentials
import LambdaAPI

/// Hello-world code for a new function, per runtime family: one file and its handler, zipped in
/// memory. What the Lambda console's "Author from scratch" starts with.
public enum FunctionTemplates {
    public struct Template: Sendable, Equatable {
        public var file: String
        public var handler: String
        public var code: String
    }

    /// Nil for runtimes that need a build (Java, .NET, Go on provided): they take a zip or a folder.
    public static func template(for runtime: String) -> Template? {
        if runtime.hasPrefix("python") {
            return Template(file: "lambda_function.py", handler: "lambda_function.lambda_handler", code: """
                import json


                def lambda_handler(event, context):
                    print(json.dumps(event))
                    return {"statusCode": 200, "body": json.dumps("Hello from Lambda!")}

                """)
        }
        if runtime.hasPrefix("nodejs") {
            return Template(file: "index.mjs", handler: "index.handler", code: """
                export const handler = async (event) => {
                  console.log(JSON.stringify(event));
                  return { statusCode: 200, body: JSON.stringify('Hello from Lambda!') };
                };

                """)
        }
        if runtime.hasPrefix("ruby") {
            return Template(file: "lambda_function.rb", handler: "lambda_function.lambda_handler", code: """
                require 'json'

                def lambda_handler(event:, context:)
                  puts event.to_json
                  { statusCode: 200, body: JSON.generate('Hello from Lambda!') }
                end

                """)
        }
        return nil
    }

    public static func zip(_ template: Template) throws -> Data {
        try ZipArchive(entries: [ZipArchive.Entry(path: template.file, contents: Data(template.code.utf8))]).data()
    }
}

/// PublishLayerVersion as the form gives it.
public struct LayerPublication: Sendable, Equatable {
    public var layer: String
    public var source: CodeSource
    public var description: String
    public var runtimes: [String]
    public var architectures: [String]
    public var license: String?

    public init(layer: String, source: CodeSource, description: String, runtimes: [String], architectures: [String], license: String?) {
        self.layer = layer
        self.source = source
        self.description = description
        self.runtimes = runtimes
        self.architectures = architectures
        self.license = license
    }
}

/// CreateFunction as the form gives it.
public struct NewFunction: Sendable, Equatable {
    public var name: String
    public var source: CodeSource?
    public var runtime: String?
    public var handler: String?
    public var role: String
    public var architecture: String
    public var memory: Int
    public var timeout: Int

    public init(name: String, source: CodeSource?, runtime: String?, handler: String?, role: String, architecture: String, memory: Int, timeout: Int) {
        self.name = name
        self.source = source
        self.runtime = runtime
        self.handler = handler
        self.role = role
        self.architecture = architecture
        self.memory = memory
        self.timeout = timeout
    }
}
