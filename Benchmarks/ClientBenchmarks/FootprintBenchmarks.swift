import Foundation
import TestSupport

/// What the shipped binary (scripts/build-static, named by LAMBDA_TUI_SHIPPED_BINARY) weighs: its
/// size stripped, and the peak resident memory of a few commands as `/usr/bin/time` reports it
/// (its maximum resident set size), beside `/bin/true` and the AWS CLI and boto3 doing the same
/// listing. Each command runs under `env -i`: no toolchain path, nothing of this process's.
enum FootprintBenchmarks {
    static let sizeGoal = 25_000_000
    static let versionGoalKiB = 12 * 1024
    static let listingGoalKiB = 20 * 1024

    static func run() async throws {
        guard let binary = ProcessInfo.processInfo.environment["LAMBDA_TUI_SHIPPED_BINARY"] else {
            print("\nThe shipped binary: not measured (scripts/bench names it in LAMBDA_TUI_SHIPPED_BINARY)")
            return
        }
        print("\nThe shipped binary (scripts/build-static), peaks as /usr/bin/time's maximum resident set size")
        let stripped = NSTemporaryDirectory() + "lt-footprint-\(getpid())"
        defer { unlink(stripped) }
        _ = try Subprocess.run(["strip", "-o", stripped, binary])
        let size = try FileManager.default.attributesOfItem(atPath: stripped)[.size] as? Int ?? 0
        print(row("size, stripped", String(format: "%.1f MB", Double(size) / 1e6), goal: "at most 25 MB", met: size <= sizeGoal))

        let floor = try peak(["/bin/true"])
        print(row("/bin/true", kib(floor.kib), goal: "(the floor)", met: nil))
        let versions = try (0..<5).map { _ in try peak([stripped, "--version"]).kib }.sorted()
        print(row("lambda-tui --version", "\(kib(versions[2])) (highest of 5: \(kib(versions[4])))",
                  goal: "under 12 MiB", met: versions[4] < versionGoalKiB))
        let help = try peak([stripped, "--help"])
        print(row("lambda-tui --help", kib(help.kib), goal: "", met: nil))

        let backend = try TestBackend.start()
        let lane = TestBackend.lane("footprint")
        try await backend.estate(lane: lane, count: 300)
        let endpoint = backend.faultURL(lane: lane)
        let listing = try peak([stripped, "functions", "--endpoint-url", endpoint])
        let listed = listing.output.split(separator: "\n").filter { $0.hasPrefix("estate-") }.count
        print(row("lambda-tui functions (300)", kib(listing.kib) + (listed == 300 ? "" : " — listed \(listed), not 300"),
                  goal: "under 20 MiB", met: listing.kib < listingGoalKiB && listed == 300))
        let boto3 = """
            import boto3
            c = boto3.client("lambda", endpoint_url="\(endpoint)")
            print(sum(len(p["Functions"]) for p in c.get_paginator("list_functions").paginate()))
            """
        let python = try peak(["python3", "-c", boto3], path: true)
        print(row("  boto3, the same list", kib(python.kib) + (python.output.hasPrefix("300") ? "" : " (failed)"), goal: "", met: nil))
        if let cli = try? peak(["aws", "lambda", "list-functions", "--endpoint-url", endpoint, "--query", "length(Functions)"], path: true),
           cli.kib > 0 {
            print(row("  aws lambda list-functions", kib(cli.kib) + (cli.output.hasPrefix("300") ? "" : " (failed)"), goal: "", met: nil))
        }
    }

    /// The command's peak and standard output, run by `/usr/bin/time` under `env -i` with test
    /// credentials (and this process's PATH and HOME only when `path` asks: python needs them).
    static func peak(_ command: [String], path: Bool = false) throws -> (kib: Int, output: String) {
        let report = NSTemporaryDirectory() + "lt-footprint-\(getpid()).time"
        defer { unlink(report) }
        var environment = ["AWS_ACCESS_KEY_ID=bench", "AWS_SECRET_ACCESS_KEY=bench", "AWS_REGION=us-east-1", "AWS_DEFAULT_REGION=us-east-1",
                           "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_EC2_METADATA_DISABLED=true",
                           "HOME=" + NSTemporaryDirectory(), "XDG_CACHE_HOME=" + NSTemporaryDirectory() + "lt-footprint-cache"]
        if path { environment.append("PATH=" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")) }
        let result = try Subprocess.run(["env", "-i"] + environment + ["/usr/bin/time", "-f", "%M", "-o", report] + command, captureOutput: true)
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        let kib = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return (result.status == 0 ? kib : 0, result.output)
    }

    static func kib(_ value: Int) -> String { String(format: "%.1f MiB", Double(value) / 1024) }

    static func row(_ name: String, _ value: String, goal: String, met: Bool?) -> String {
        let verdict = met.map { $0 ? "  ok" : "  OVER" } ?? ""
        return "  " + name.padding(toLength: 30, withPad: " ", startingAt: 0) + value.padding(toLength: 34, withPad: " ", startingAt: 0) + goal + verdict
    }
}
