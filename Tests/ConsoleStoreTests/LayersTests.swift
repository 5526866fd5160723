import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Testing
import TestSupport

/// `:layers` on moto: the account's layers, a layer's versions with the functions of the list
/// that use each, and a version deleted by ctrl-d pressed twice (audited; read-only refuses it).
@Suite struct LayersTests {
    @Test func layersTheirVersionsWhoUsesThemAndDeletingOne() async throws {
        let fixtures = try await LambdaFixtures()
        let layer = LambdaFixtures.uniqueName("layer")
        let zip = try ZipArchive(entries: [ZipArchive.Entry(path: "python/shared.py", contents: Data("X = 1\n".utf8))]).data()
        let published = try await fixtures.lambda.publishLayerVersion(layer, PublishLayerVersionRequest(
            content: LayerVersionContentInput(zipFile: zip), description: "shared code", compatibleRuntimes: [.python312]))
        let arn = try #require(published.layerVersionArn)
        // moto refuses a function naming its own layer versions (CreateFunction and
        // UpdateFunctionConfiguration answer "LayerVersion does not exist"): the list that uses
        // it is given here, as ListFunctions shapes it.
        let function = LambdaFixtures.uniqueName("uses-layer")
        let user = try LambdaJSON.decoder().decode(FunctionConfiguration.self, from: Data(#"""
            {"FunctionName": "\#(function)", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:\#(function)",
             "Layers": [{"Arn": "\#(arn)", "CodeSize": 150}]}
            """#.utf8))

        let folder = MutationRunnerTests.folder()
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: folder)
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120))
        func run(_ effects: [ConsoleEffect]) async {
            for effect in effects { _ = Reducer.reduce(&state, await runner.run(effect)) }
        }
        _ = Reducer.reduce(&state, .functionsLoaded(.listed([user])))
        #expect(state.functions.first { $0.functionName == function }?.layerArns == [arn])

        _ = Reducer.reduce(&state, .openCommandLine)
        _ = Reducer.reduce(&state, .editCommandLine("layers"))
        await run(Reducer.reduce(&state, .runCommandLine))
        #expect(state.route == .layers)
        let position = try #require(state.layers.layersTable.visible.firstIndex { state.layers.layers[$0].layerName == layer })
        _ = Reducer.reduce(&state, .moveCursor(position))
        await run(Reducer.reduce(&state, .layersCommand(.openLayer)))
        #expect(state.layers.versions.map(\.version) == [published.version])
        #expect(state.layers.usage[arn] == 1 && state.functionsUsing(layerVersionArn: arn) == [function])

        // ctrl-d once asks; again deletes.
        #expect(Reducer.reduce(&state, .layersCommand(.deleteVersion)).isEmpty)
        #expect(state.status?.contains("ctrl-d again deletes version") == true)
        await run(Reducer.reduce(&state, .layersCommand(.deleteVersion)))
        await run(Reducer.reduce(&state, .refresh))
        #expect(state.layers.versions.isEmpty, "the version is still listed")
        #expect(try String(contentsOfFile: folder + "/audit.log", encoding: .utf8).contains("DeleteLayerVersion"))

        var readOnly = ConsoleState(connection: ConnectionInfo(profile: "p", region: "us-east-1", endpoint: "e", readOnly: true))
        readOnly.routes.append(.layers)
        readOnly.layers.openLayer = layer
        readOnly.layers.versions = state.layers.versions
        #expect(Reducer.reduce(&readOnly, .layersCommand(.deleteVersion)).isEmpty)
    }
}

/// `n` in the layers view: a folder published as a new layer version on moto, the form's checks,
/// the CLI command zipping the same folder.
@Suite struct LayerPublishTests {
    @Test func aFolderIsPublishedAsANewVersion() async throws {
        let fixtures = try await LambdaFixtures()
        let layer = LambdaFixtures.uniqueName("published")
        let folder = NSTemporaryDirectory() + "lt-layer-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/python", withIntermediateDirectories: true)
        try "X = 1\n".write(toFile: folder + "/python/shared.py", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .layersCommand(.open))
        #expect(ActionCatalog.available(in: state) == [.publishLayer])
        _ = Reducer.reduce(&state, .openAction(.publishLayer))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        form.set(.layerName, "bad name")
        form.set(.runtime, "python3.12 cobol")
        #expect(FormSubmission.actionErrors(form)[.layerName] != nil && FormSubmission.actionErrors(form)[.runtime] != nil)
        form.set(.layerName, layer)
        form.set(.runtime, "python3.12")
        form.set(.path, folder)
        #expect(FormSubmission.actionErrors(form).isEmpty)
        let mutation = try #require(FormSubmission.mutation(from: form))
        #expect(AWSCLICommand.render(mutation, connection: state.connection).contains(
            "zip -qr /tmp/\(layer).zip .) && aws lambda publish-layer-version --layer-name \(layer) --zip-file fileb:///tmp/\(layer).zip"))

        let runner = MutationRunnerTests.runner(fixtures.backend, folder: MutationRunnerTests.folder())
        guard case .mutationFinished(_, .done(let sentence, _)) = await runner.run(.mutate(mutation)) else { Issue.record("not published"); return }
        #expect(sentence.contains("Published version 1 of layer \(layer)"))
        let versions = try await fixtures.lambda.layerVersions(of: layer).all()
        #expect(versions.first?.compatibleRuntimes == [.python312])
    }
}

/// Sharing a layer version on moto: with an account (AddLayerVersionPermission), the policy read
/// back under the cursor, and the statement removed again.
@Suite struct LayerSharingTests {
    @Test func shareWithAnAccountAndStop() async throws {
        let fixtures = try await LambdaFixtures()
        let layer = LambdaFixtures.uniqueName("shared")
        let zip = try ZipArchive(entries: [ZipArchive.Entry(path: "python/x.py", contents: Data("X = 1\n".utf8))]).data()
        _ = try await fixtures.lambda.publishLayerVersion(layer, PublishLayerVersionRequest(content: LayerVersionContentInput(zipFile: zip)))
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: MutationRunnerTests.folder())
        var state = ConsoleState(connection: ConnectionInfo(profile: "dev", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .resized(rows: 40, columns: 120))
        func run(_ effects: [ConsoleEffect]) async { for effect in effects { await run(Reducer.reduce(&state, await runner.run(effect))) } }
        await run(Reducer.reduce(&state, .layersCommand(.open)))
        let position = try #require(state.layers.layersTable.visible.firstIndex { state.layers.layers[$0].layerName == layer })
        _ = Reducer.reduce(&state, .moveCursor(position))
        await run(Reducer.reduce(&state, .layersCommand(.openLayer)))
        let arn = try #require(state.layers.selectedVersion?.layerVersionArn)
        #expect(state.layers.policies[arn] == ResourceRead<String>.none, "a new version is not shared")
        #expect(!ActionCatalog.available(in: state).contains(.unshareLayer))

        _ = Reducer.reduce(&state, .openAction(.shareLayer))
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        form.set(.principal, "12345")
        #expect(FormSubmission.actionErrors(form)[.principal] != nil)
        form.set(.principal, "111111111111")
        form.set(.statementId, "partner")
        let share = try #require(FormSubmission.mutation(from: form))
        state.overlay = nil
        await run([.mutate(share)])
        let rows = PolicyStatementRow.rows(state.layers.policies[arn]?.value ?? "")
        #expect(rows.map(\.sid) == ["partner"], "\(String(describing: state.layers.policies[arn]))")
        #expect(ActionCatalog.available(in: state).contains(.unshareLayer))
        await run([.mutate(.unshareLayer(layer: layer, version: 1, statementId: "partner"))])
        #expect(state.layers.policies[arn] == ResourceRead<String>.none)
    }
}
