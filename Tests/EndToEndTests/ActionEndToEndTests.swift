import Foundation
import LambdaAPI
import LambdaTestSupport
import Testing
import TestSupport

/// The action palette in the real binary, in tmux, against moto: each action is driven by keys
/// and its effect read back from moto with a separate client call.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ActionEndToEndTests {
    @Test func invokeShowsTheResponseSavesTheEventAndAudits() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-invoke")
        try await fixtures.createFunction(name)
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try session.send("i")
        #expect(await session.waitFor("Invoke \(name)").satisfied)
        try session.send("Tab", "Tab", "Tab", "C-u")
        try session.type(#"{"order": 42, "note": "secret-in-payload"}"#)
        try session.send("Tab")
        try session.type("smoke")
        try session.send("Enter")
        let result = await session.waitFor { $0.contains("✓ 200") && $0.contains("round trip") && $0.contains(#""order" : 42"#) }
        #expect(result.satisfied, "the invocation's response was not shown:\n\(result.screen)")
        let saved = try String(contentsOfFile: console.folder + "/config/lambda-tui/events/\(name)/smoke.json", encoding: .utf8)
        #expect(saved.contains(#""order": 42"#))
        #expect(console.auditLog.contains("\tInvoke\t\(name)\tstatus 200"))
        #expect(!console.auditLog.contains("secret-in-payload"), "the audit log must not hold payloads")
        try await console.quit()
    }

    @Test func publishVersionSelectsIt() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-publish")
        let created = try await fixtures.createFunction(name)
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        try console.session.send("P")
        #expect(await console.session.waitFor("Publish a version of \(name)").satisfied)
        try console.session.type("release from the console")
        try console.session.send("Enter")
        #expect(await console.session.waitFor("Enter again publishes").satisfied, "one Enter must not publish")
        try console.session.send("Enter")
        await console.expectDone("Published version 1 of \(name)")
        let versions = try await fixtures.lambda.versions(of: name).all()
        #expect(versions.contains { $0.version == "1" && $0.description == "release from the console" })
        let screen = await console.session.waitFor("release from the console").screen
        #expect(screen.contains("VERSION"), "the versions pane was not shown after publishing:\n\(screen)")
        let requests = console.auditLog
        #expect(requests.contains("\tPublishVersion\t\(name)\tok"))
        _ = created
        try await console.quit()
    }

    @Test func editConfigurationValidatesThenApplies() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-config")
        try await fixtures.createFunction(name, environment: ["DB_PASSWORD": "hunter2-secret"])
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try session.send("e")
        var result = await session.waitFor("Configuration of \(name)")
        #expect(result.satisfied)
        #expect(!result.screen.contains("hunter2-secret"), "environment values are masked in the form:\n\(result.screen)")
        // Memory is the fourth field, timeout the fifth.
        try session.send("Tab", "Tab", "Tab", "C-u")
        try session.type("100")
        try session.send("Tab", "C-u")
        try session.type("1000")
        try session.send("Enter")
        result = await session.waitFor { $0.contains("must be 128 to 10240 MB") && $0.contains("must be 1 to 900 s") }
        #expect(result.satisfied, "out-of-range values were not marked:\n\(result.screen)")
        #expect(try await fixtures.lambda.getFunctionConfiguration(name).memorySize == 256, "nothing is sent while fields are wrong")

        // The cursor is back on the first field in error: memory.
        try session.send("C-u")
        try session.type("512")
        try session.send("Tab", "C-u")
        try session.type("60")
        // The last rows are the environment: the variable, then an empty row to add one.
        for _ in 0..<12 { try session.send("Tab") }
        try session.type("NEW_KEY=added")
        try session.send("Enter")
        await console.expectDone("Updated the configuration of \(name)")
        let configuration = try await fixtures.lambda.getFunctionConfiguration(name)
        #expect(configuration.memorySize == 512)
        #expect(configuration.timeout == 60)
        #expect(configuration.environment?.variables == ["DB_PASSWORD": "hunter2-secret", "NEW_KEY": "added"])
        #expect(!console.auditLog.contains("hunter2"), "the audit log must not hold environment values")
        try await console.quit()
    }

    @Test func tagsAndReservedConcurrency() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-tags")
        let function = try await fixtures.createFunction(name, tags: ["team": "search", "old": "yes"])
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try session.send("Enter")  // the detail loads the tags
        #expect(await session.waitFor("old").satisfied)
        try session.send("t")
        #expect(await session.waitFor("Tags of \(name)").satisfied)
        // Rows are sorted: old=yes, team=search, then the empty row.
        try session.send("C-u", "Tab", "C-u")
        try session.type("team=payments")
        try session.send("Tab")
        try session.type("cost-center=42")
        try session.send("Enter")
        await console.expectDone("1 removed")
        let tags = try await fixtures.lambda.listTags(try #require(function.functionArn))
        #expect(tags == ["team": "payments", "cost-center": "42"])

        try session.send("c")
        #expect(await session.waitFor("Reserved concurrency of \(name)").satisfied)
        // moto has no GetAccountSettings: the form says so and leaves the check to the API.
        #expect(await session.waitFor("could not be read here").satisfied)
        try session.type("5")
        try session.send("Enter")
        await console.expectDone("Reserved 5 concurrent executions")
        #expect(try await fixtures.lambda.getFunctionConcurrency(name).reservedConcurrentExecutions == 5)
        try await console.quit()
    }

    @Test func aliasesAreCreatedEditedAndDeletedWithTypedConfirmation() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-alias")
        try await fixtures.createFunction(name)
        _ = try await fixtures.lambda.publishVersion(name, PublishVersionRequest(description: "one"))
        _ = try await fixtures.lambda.publishVersion(name, PublishVersionRequest(description: "two"))
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try console.show("aliases")
        try session.send("a")
        #expect(await session.waitFor("New alias of \(name)").satisfied)
        try session.type("live")
        try session.send("Tab", "C-u")
        try session.type("1")
        try session.send("Tab", "Tab")
        try session.type("2")
        try session.send("Tab")
        try session.type("10")
        try session.send("Enter")
        await console.expectDone("Created alias \(name):live")
        var alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.functionVersion == "1")
        #expect(alias.routingConfig?.additionalVersionWeights == ["2": 0.1])

        #expect(await session.waitFor("live").satisfied)
        try session.send("e")
        #expect(await session.waitFor("Alias \(name):live").satisfied)
        try session.send("Tab", "Tab", "Tab", "C-u")
        try session.type("25")
        try session.send("Enter")
        await console.expectDone("Updated alias \(name):live")
        alias = try await fixtures.lambda.getAlias(name, name: "live")
        #expect(alias.routingConfig?.additionalVersionWeights == ["2": 0.25])

        try session.send("C-d")
        #expect(await session.waitFor("Delete alias \(name):live").satisfied)
        try session.type("liv")
        try session.send("Enter")
        #expect(await session.waitFor("type live to confirm").satisfied, "a wrong confirmation must be refused")
        try session.type("e")
        try session.send("Enter")
        await console.expectDone("Deleted alias \(name):live")
        #expect(try await fixtures.lambda.aliases(of: name).all().isEmpty)
        try await console.quit()
    }

    @Test func mappingsAreCreatedToggledAndDeleted() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-mapping")
        try await fixtures.createFunction(name)
        let queue = try await fixtures.createQueue(LambdaFixtures.uniqueName("e2e-queue"))
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try console.show("mappings")
        try session.send("C-p")
        #expect(await session.waitFor("Actions on \(name)").satisfied)
        try session.type("create mapping")
        try session.send("Enter")
        #expect(await session.waitFor("New event source mapping").satisfied)
        try session.type(queue)
        try session.send("Tab")
        try session.type("7")
        try session.send("Enter")
        await console.expectDone("Created mapping")
        let mapping = try #require(try await fixtures.lambda.eventSourceMappings(functionName: name).all().first)
        #expect(mapping.batchSize == 7)

        try session.send("x")
        #expect(await session.waitFor("Disable mapping").satisfied)
        try session.send("Enter")
        await console.expectDone("Disabled mapping")
        #expect(try await fixtures.lambda.getEventSourceMapping(try #require(mapping.uuid)).state == "Disabled")

        try session.send("C-d")
        #expect(await session.waitFor("Delete mapping").satisfied)
        try session.type(String(try #require(mapping.uuid).prefix(8)))
        try session.send("Enter")
        await console.expectDone("Deleted mapping")
        let left = try await fixtures.lambda.eventSourceMappings(functionName: name).all()
        #expect(left.allSatisfy { $0.state == "Deleting" } )
        try await console.quit()
    }

    @Test func updateCodeFromADirectoryThenDeleteTheFunction() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-code")
        let before = try await fixtures.createFunction(name)
        let directory = NSTemporaryDirectory() + "lt-code-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "def handler(event, context):\n    return {'v': 2}\n".write(toFile: directory + "/index.py", atomically: true, encoding: .utf8)
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL)
        let session = console.session
        try session.send("u")
        #expect(await session.waitFor("Update the code of \(name)").satisfied)
        try session.send("Right", "Tab")
        try session.type(directory)
        try session.send("Enter")
        await console.expectDone("Updated the code of \(name)")
        #expect(try await fixtures.lambda.getFunctionConfiguration(name).codeSha256 != before.codeSha256)

        try session.send("C-d")
        #expect(await session.waitFor("Delete function \(name)").satisfied)
        try session.type(name)
        try session.send("Enter")
        await console.expectDone("Deleted function \(name)")
        await #expect(throws: (any Error).self) { try await fixtures.lambda.getFunction(name) }
        try await console.quit()
    }

    @Test func aPayloadWrittenInTheEditorIsInvoked() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-editor")
        try await fixtures.createFunction(name)
        // An "editor" that replaces the file, as a user saving in vi would.
        let editor = NSTemporaryDirectory() + "lt-editor-\(UUID().uuidString.prefix(8)).sh"
        try "#!/bin/sh\nprintf '{\"from\": \"the editor\", \"lines\": [1, 2]}\\n' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let console = try await ActionConsole(name, endpoint: fixtures.backend.motoURL, editor: editor)
        let session = console.session
        try session.send("i")
        #expect(await session.waitFor("Invoke \(name)").satisfied)
        try session.send("Tab", "Tab", "Tab", "C-e")
        #expect(await session.waitFor(#"{"from": "the editor""#).satisfied, "the editor's text did not come back into the field:\n\(session.screen)")
        try session.send("Enter")
        let result = await session.waitFor { $0.contains("✓ 200") && $0.contains(#""from" : "the editor""#) }
        #expect(result.satisfied, "the edited payload was not invoked:\n\(result.screen)")
        try await console.quit()
    }

    @Test func provisionedConcurrencyAndDeletingAVersion() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("e2e-version")
        try await fixtures.createFunction(name)
        _ = try await fixtures.lambda.publishVersion(name, PublishVersionRequest(description: "to be removed"))
        // moto has no provisioned concurrency: the proxy answers that call as the reference documents it.
        let lane = TestBackend.lane("provisioned")
        try await fixtures.backend.script(lane: lane, [[
            "match": ["method": "PUT", "path": "/provisioned-concurrency"], "status": 202,
            "headers": ["Content-Type": "application/json"],
            "body": #"{"RequestedProvisionedConcurrentExecutions":3,"AllocatedProvisionedConcurrentExecutions":0,"Status":"IN_PROGRESS"}"#,
        ]])
        let console = try await ActionConsole(name, endpoint: fixtures.backend.faultURL(lane: lane))
        let session = console.session
        try console.show("versions")
        #expect(await session.waitFor("to be removed").satisfied)
        try session.send("g", "c")
        #expect(await session.waitFor("Provisioned concurrency of \(name):1").satisfied)
        try session.type("3")
        try session.send("Enter")
        await console.expectDone("3 requested, IN_PROGRESS")
        let put = try #require(try await fixtures.backend.requests(lane: lane).first { $0.method == "PUT" })
        #expect(put.path.hasSuffix("/provisioned-concurrency?Qualifier=1"))
        #expect(put.body == #"{"ProvisionedConcurrentExecutions":3}"#)

        try session.send("C-d")
        #expect(await session.waitFor("Delete version 1 of \(name)").satisfied)
        try session.type("1")
        try session.send("Enter")
        await console.expectDone("Deleted version 1 of \(name)")
        #expect(try await fixtures.lambda.versions(of: name).all().map(\.version) == ["$LATEST"])
        try await console.quit()
    }
}
