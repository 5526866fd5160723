// swift-tools-version: 6.0
import PackageDescription

// Layers, bottom up: C shims <- AWSCore <- LambdaAPI / LogsAPI / MetricsAPI <- ConsoleStore <- ConsoleUI <- lambda-tui.
let package = Package(
    name: "lambda-tui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lambda-tui", targets: ["lambda-tui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Runs credential_process with a time limit, in a process group of its own that a
        // time-out ends as a whole, without holding a thread while it runs.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // `--debug FILE`: a line per AWS request (operation, status, time, attempt), for bug reports.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Deflate for zipping code and reading packages (ZIPFoundation needs full Foundation).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "AWSCore", dependencies: ["CCurl", "CCrypto", .product(name: "Subprocess", package: "swift-subprocess"),
                                                .product(name: "Logging", package: "swift-log")]),
        .target(name: "LambdaAPI", dependencies: ["AWSCore", "CZlib"]),
        .target(name: "LogsAPI", dependencies: ["AWSCore"]),
        .target(name: "MetricsAPI", dependencies: ["AWSCore"]),
        .target(name: "TaggingAPI", dependencies: ["AWSCore"]),
        .target(name: "ConsoleStore", dependencies: ["LambdaAPI", "LogsAPI", "MetricsAPI", "TaggingAPI"]),
        .target(name: "CTerminal", path: "Sources/CTerminal"),
        // The process's own memory at start: the loader's relocation table given back, malloc's arenas capped.
        .target(name: "CProcess", path: "Sources/CProcess"),
        .target(name: "ConsoleUI", dependencies: ["ConsoleStore", "CNcursesw", "CTerminal"]),
        .executableTarget(
            name: "lambda-tui",
            dependencies: [
                "AWSCore", "LambdaAPI", "LogsAPI", "MetricsAPI", "TaggingAPI", "ConsoleStore", "ConsoleUI", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "lambda-tui-bench",
            dependencies: ["AWSCore", "LambdaAPI", "TestSupport", "LambdaTestSupport"],
            path: "Benchmarks/ClientBenchmarks"
        ),
        .executableTarget(
            name: "lambda-tui-console-bench",
            dependencies: ["ConsoleStore", "ConsoleUI", "LambdaAPI", "LogsAPI", "TestSupport"],
            path: "Benchmarks/ConsoleBenchmarks"
        ),
        // Starts moto and the loopback fault server for tests and benchmarks.
        .target(name: "TestSupport", dependencies: ["AWSCore"], path: "Tests/TestSupport"),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore", "TestSupport"], exclude: ["Fixtures"]),
        .target(name: "LambdaTestSupport", dependencies: ["LambdaAPI", "TestSupport"], path: "Tests/LambdaTestSupport"),
        .testTarget(name: "LambdaAPITests", dependencies: ["LambdaAPI", "TestSupport", "LambdaTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LogsAPITests", dependencies: ["LogsAPI", "TestSupport"]),
        .testTarget(name: "ConsoleStoreTests", dependencies: ["ConsoleStore", "MetricsAPI", "TaggingAPI", "LambdaTestSupport", "TestSupport"]),
        .testTarget(name: "ConsoleUITests", dependencies: ["ConsoleUI"], exclude: ["Golden"]),
        // The model tests: random keys, pastes, resizes and late, doubled, failed or stray answers,
        // with the console's properties checked after every step.
        .target(name: "ConsoleModel", dependencies: ["ConsoleUI", "ConsoleStore", "LambdaAPI", "LogsAPI", "TestSupport"], path: "Tests/ConsoleModel"),
        .executableTarget(name: "lambda-tui-explore", dependencies: ["ConsoleModel"], path: "Tests/ConsoleExplorer"),
        .testTarget(name: "ConsoleModelTests", dependencies: ["ConsoleModel", "ConsoleUI", "ConsoleStore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ConsoleStore", "LambdaTestSupport", "TestSupport"]),
    ]
)
