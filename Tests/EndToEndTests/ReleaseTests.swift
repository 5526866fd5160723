import Foundation
import LambdaTestSupport
import Testing
import TestSupport

/// What `scripts/release` packs (scripts/test runs it into .build/dist first): the tarball's
/// binary runs with nothing of the toolchain, lists functions and opens the console; the .deb
/// names the packages of every library the binary loads, installs into a scratch root, runs from
/// there, and leaves nothing behind when purged.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ReleaseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let dist = ProcessInfo.processInfo.environment["LAMBDA_TUI_DIST"] ?? root + "/.build/dist"
    /// The toolchain's folder (`/opt/swift/usr`), which the shipped binary must not need.
    static let toolchain = URL(fileURLWithPath: CommandLine.arguments[0]).path.hasPrefix("/opt/swift") ? "/opt/swift"
        : ((try? Subprocess.run(["sh", "-c", "dirname $(dirname $(readlink -f $(command -v swift)))"], captureOutput: true).output) ?? "/opt/swift")
            .trimmingCharacters(in: .whitespacesAndNewlines)

    static func artifact(_ suffix: String) throws -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dist)) ?? []
        let name = try #require(names.first { $0.hasPrefix("lambda-tui") && $0.hasSuffix(suffix) },
                                "no lambda-tui*\(suffix) in \(dist): run scripts/release (scripts/test does)")
        return dist + "/" + name
    }

    static func scratch(_ hint: String) throws -> String {
        let path = NSTemporaryDirectory() + "lt-\(hint)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The libraries the binary asks the loader for, and the loader's answer for each.
    static func libraries(of binary: String) throws -> (needed: [String], resolved: String) {
        let dynamic = try Subprocess.run(["readelf", "-d", binary], captureOutput: true).output
        let needed = dynamic.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        return (needed, try Subprocess.run(["ldd", binary], captureOutput: true).output)
    }

    @Test func theTarballRunsWithoutTheToolchain() async throws {
        let tarball = try Self.artifact(".tar.gz")
        let folder = try Self.scratch("tarball")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Subprocess.run(["tar", "-xzf", tarball, "-C", folder]).status == 0)
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        #expect(top.hasPrefix("lambda-tui-") && top.contains("-linux-"), "\(top)")
        let unpacked = folder + "/" + top
        let expected = ["bin/lambda-tui", "README.md", "LICENSE", "share/man/man1/lambda-tui.1.gz",
                        "share/bash-completion/completions/lambda-tui", "share/zsh/vendor-completions/_lambda-tui",
                        "share/fish/vendor_completions.d/lambda-tui.fish", "share/doc/lambda-tui/copyright",
                        "share/doc/lambda-tui/THIRD-PARTY-LICENSES"]
            + ["dark", "light", "high-contrast", "monochrome", "solarized"].map { "share/lambda-tui/themes/\($0).theme" }
        let files = Set(try FileManager.default.subpathsOfDirectory(atPath: unpacked).filter {
            (try? FileManager.default.attributesOfItem(atPath: unpacked + "/" + $0)[.type] as? FileAttributeType) == .typeRegular
        })
        #expect(files == Set(expected), "\(files.symmetricDifference(expected).sorted())")
        let binary = unpacked + "/bin/lambda-tui"

        // At most 25 MB, stripped, and nothing of the toolchain: no Swift or Foundation library,
        // no path into it, no run path.
        let size = try FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int ?? .max
        #expect(size <= 25_000_000, "\(size) bytes")
        let (needed, resolved) = try Self.libraries(of: binary)
        #expect(!needed.isEmpty && needed.allSatisfy { !$0.contains("swift") && !$0.contains("Foundation") && !$0.contains("dispatch") },
                "\(needed)")
        #expect(!resolved.contains(Self.toolchain) && !resolved.contains("not found"), "\(resolved)")
        let dynamic = try Subprocess.run(["readelf", "-d", binary], captureOutput: true).output
        #expect(!dynamic.contains(Self.toolchain), "\(dynamic)")
        #expect(try Subprocess.run(["file", binary], captureOutput: true).output.contains("stripped") == true)

        // With an empty environment and no PATH: the version, a listing, the console.
        let version = try Subprocess.run(["env", "-i", binary, "--version"], captureOutput: true)
        #expect(version.status == 0 && version.output.trimmingCharacters(in: .whitespacesAndNewlines) == top.split(separator: "-")[2])
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("release")
        try await fixtures.createFunction(name)
        let listing = try Subprocess.run(["env", "-i", "AWS_ACCESS_KEY_ID=AKIDTESTING", "AWS_SECRET_ACCESS_KEY=testing", "AWS_REGION=us-east-1",
                                          "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "HOME=" + folder,
                                          binary, "functions", "--endpoint-url", fixtures.backend.motoURL], captureOutput: true)
        #expect(listing.status == 0 && listing.output.contains(name), "\(listing.output)")
        try await Self.openTheConsole(binary, listing: name, endpoint: fixtures.backend.motoURL)
    }

    /// The installed console from another folder, with no environment of the test's: `--theme
    /// light` found where the binary looks, the function listed, `q` ends it cleanly.
    static func openTheConsole(_ binary: String, listing name: String, endpoint: String) async throws {
        let elsewhere = try scratch("elsewhere")
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let session = try TmuxSession(endpoint: endpoint, arguments: "--theme light", workingDirectory: elsewhere, binary: binary,
                                      clearEnvironment: true)
        // The function among the others moto holds: filtered, since it may sort below the screen.
        var result = await session.waitFor("NAME")
        #expect(result.satisfied && !result.screen.contains("No theme named"), "\(result.screen)")
        try session.send("/")
        try session.type(name)
        try session.send("Enter")
        // The filter line and the one row it leaves.
        result = await session.waitFor { $0.contains("\n/" + name) && $0.contains("\n" + name + " ") }
        #expect(result.satisfied, "\(result.screen)")
        try session.send("q")
        result = await session.waitFor("modes:")
        #expect(result.screen.contains("EXITED 0"), "\(result.screen)")
    }

    @Test func theDebInstallsRunsAndPurgesCleanly() async throws {
        let deb = try Self.artifact(".deb")
        let control = try Subprocess.run(["dpkg-deb", "--field", deb, "Depends"], captureOutput: true).output
        let depends = Set(control.split(separator: ",").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) })
        #expect(!depends.contains { $0.hasSuffix("-dev") }, "\(depends)")

        // Every library the binary loads at start, and libcurl (opened at the first request), is
        // in a package the .deb depends on.
        let root = try Self.scratch("debroot")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Subprocess.run(["dpkg-deb", "-x", deb, root + "/extracted"]).status == 0)
        let (needed, _) = try Self.libraries(of: root + "/extracted/usr/bin/lambda-tui")
        for library in needed + ["libcurl.so.4"] {
            // The file the loader would open, asked of dpkg by its real name (merged /usr: dpkg
            // knows /lib/… where the loader's cache may say /usr/lib/…).
            let owner = try Subprocess.run(["sh", "-c", "dpkg -S \"*/$(basename \"$(readlink -f \"$(ldconfig -p | grep -m1 \"\(library) \" | sed 's/.*=> //')\")\")\""],
                                           captureOutput: true).output
            let package = owner.split(separator: ":").first.map(String.init) ?? ""
            #expect(!package.isEmpty && depends.contains(package), "\(library) comes from '\(package)', which Depends lacks: \(depends.sorted())")
        }

        // Installed into a scratch root by dpkg itself (the root's own database, the host's
        // packages not in it: hence --force-depends), run, then purged.
        for folder in ["var/lib/dpkg/info", "var/lib/dpkg/updates"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["var/lib/dpkg/status", "var/lib/dpkg/available"] { #expect(FileManager.default.createFile(atPath: root + "/" + file, contents: nil)) }
        let dpkg = ["dpkg", "--root=" + root, "--log=/dev/null", "--force-depends", "--force-not-root", "--force-script-chrootless"]
        #expect(try Subprocess.run(dpkg + ["--install", deb]).status == 0)
        let installed = ["usr/bin/lambda-tui", "usr/share/lambda-tui/themes/light.theme", "usr/share/man/man1/lambda-tui.1.gz",
                         "usr/share/bash-completion/completions/lambda-tui", "usr/share/zsh/vendor-completions/_lambda-tui",
                         "usr/share/fish/vendor_completions.d/lambda-tui.fish", "usr/share/doc/lambda-tui/copyright"]
        for file in installed { #expect(FileManager.default.fileExists(atPath: root + "/" + file), "\(file) is not installed") }
        let manual = try Subprocess.run(["sh", "-c", "zcat '\(root)/usr/share/man/man1/lambda-tui.1.gz'"], captureOutput: true).output
        #expect(manual.contains(".Sh NAME") && manual.contains("iam-policy"), "the man page lacks its sections or subcommands")

        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("deb")
        try await fixtures.createFunction(name)
        try await Self.openTheConsole(root + "/usr/bin/lambda-tui", listing: name, endpoint: fixtures.backend.motoURL)

        #expect(try Subprocess.run(dpkg + ["--purge", "lambda-tui"]).status == 0)
        let left = try FileManager.default.subpathsOfDirectory(atPath: root).filter { !$0.hasPrefix("var") && !$0.hasPrefix("extracted") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// A host without libcurl: what needs no network still works, and a listing says which
    /// package to install, in one line, rather than the loader's refusal at start.
    @Test func withoutLibcurlTheConsoleSaysWhatToInstall() throws {
        let missing = "LAMBDA_TUI_LIBCURL=/nonexistent/libcurl.so.4"
        let version = try Subprocess.run(["env", "-i", missing, TmuxSession.binary, "--version"], captureOutput: true)
        #expect(version.status == 0 && !version.output.isEmpty)
        let policy = try Subprocess.run(["env", "-i", missing, TmuxSession.binary, "iam-policy", "--read-only"], captureOutput: true)
        #expect(policy.status == 0 && policy.output.contains("lambda:ListFunctions"))
        let listing = try Subprocess.run(["sh", "-c", "env -i \(missing) AWS_ACCESS_KEY_ID=AKIDTESTING AWS_SECRET_ACCESS_KEY=testing "
                                          + "AWS_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null HOME=/tmp "
                                          + "\(TmuxSession.binary) functions --endpoint-url http://127.0.0.1:9 2>&1; echo \"exit $?\""], captureOutput: true)
        #expect(listing.output.contains("libcurl 4 is needed (on Debian or Ubuntu: apt install libcurl4)"), "\(listing.output)")
        #expect(listing.output.hasSuffix("exit 1\n") && listing.output.split(separator: "\n").count == 2, "\(listing.output)")
    }
}
