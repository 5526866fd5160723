import AWSCore
import ConsoleStore
import Foundation
import LambdaAPI
import LambdaTestSupport
import LogsAPI
import Testing
import TestSupport

/// Undo on moto: each change journaled with what it replaced; `u` sends the inverse, guarded by
/// the RevisionId the change left (or by checking what it set), and refuses when anything changed
/// since; a deletion says it cannot be undone; environment values are never journaled.
@Suite struct UndoTests {
    @Test func aliasConfigurationAndTagsComeBackAndAChangeSinceRefusesTheUndo() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("undo")
        try await fixtures.createFunction(name, memory: 256, environment: ["DB_PASSWORD": "hunter2"], tags: ["team": "payments"])
        try await fixtures.publishVersions(name, descriptions: ["one", "two"])
        _ = try await fixtures.lambda.createAlias(name, CreateAliasRequest(name: "live", functionVersion: "1"))
        let folder = MutationRunnerTests.folder()
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: folder)
        let arn = try #require(try await fixtures.lambda.getFunctionConfiguration(name).functionArn)

        // Three changes, each journaled.
        for mutation in [Mutation.updateAlias(function: name, AliasSettings(name: "live", version: "2", description: "", additionalVersion: nil,
                                                                           weight: 0, before: nil), revisionId: nil),
                         .updateConfiguration(function: name, { var c = ConfigurationChanges(); c.memorySize = 1024; return c }(), revisionId: nil),
                         .setTags(function: name, arn: arn, add: ["team": "search", "tier": "gold"], remove: []),
                         .updateConfiguration(function: name, { var c = ConfigurationChanges(); c.environment = ["DB_PASSWORD": "new"]; return c }(),
                                              revisionId: nil)] {
            guard case .mutationFinished(_, .done) = await runner.run(.mutate(mutation)) else { Issue.record("\(mutation) failed"); return }
        }
        guard case .journalLoaded(let entries) = await runner.run(.loadJournal) else { Issue.record("no journal"); return }
        #expect(entries.map(\.action) == ["UpdateFunctionConfiguration", "TagResource/UntagResource", "UpdateFunctionConfiguration", "UpdateAlias"])
        #expect(entries[0].undo == nil && entries[0].notUndoable?.contains("environment values are never kept") == true)
        let journalText = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8)
        #expect(!journalText.contains("hunter2") && !journalText.contains("\"new\""), "an environment value in the journal")
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/journal.jsonl")[.posixPermissions] as? Int) == 0o600)

        // The tags come back (team restored, tier removed).
        guard case .undoFinished(_, .done) = await runner.run(.undo(entries[1])) else { Issue.record("tags undo"); return }
        #expect(try await fixtures.lambda.listTags(arn) == ["team": "payments"])
        // The alias goes back to version 1.
        guard case .undoFinished(_, .done) = await runner.run(.undo(entries[3])) else { Issue.record("alias undo"); return }
        #expect(try await fixtures.lambda.getAlias(name, name: "live").functionVersion == "1")

        // The configuration changed again since (the environment change, then another): the memory undo is refused.
        var other = UpdateFunctionConfigurationRequest()
        other.timeout = 45
        _ = try await fixtures.lambda.updateFunctionConfiguration(name, other)
        let refused = await runner.run(.undo(entries[2]))
        guard case .undoFinished(_, .conflict) = refused else { Issue.record("not refused: \(refused)"); return }
        #expect(try await fixtures.lambda.getFunctionConfiguration(name).memorySize == 1024, "the undo went through over a later change")

        guard case .journalLoaded(let after) = await runner.run(.loadJournal) else { return }
        #expect(after.first { $0.id == entries[1].id }?.undone == true && after.first { $0.id == entries[3].id }?.undone == true)
    }

    @Test func aDeletionIsNotUndoableAndUIsPressedTwice() async throws {
        let fixtures = try await LambdaFixtures()
        let name = LambdaFixtures.uniqueName("undo-delete")
        try await fixtures.createFunction(name)
        let folder = MutationRunnerTests.folder()
        let runner = MutationRunnerTests.runner(fixtures.backend, folder: folder)
        _ = await runner.run(.mutate(.deleteFunction(function: name, version: nil)))
        guard case .journalLoaded(let entries) = await runner.run(.loadJournal) else { Issue.record("no journal"); return }
        #expect(entries.first?.notUndoable == "a deletion cannot be undone")

        var state = ConsoleState(connection: ConnectionInfo(profile: "test-profile", region: "us-east-1", endpoint: "e", readOnly: false))
        _ = Reducer.reduce(&state, .auditCommand(.open))
        _ = Reducer.reduce(&state, .journalLoaded(entries))
        #expect(Reducer.reduce(&state, .auditCommand(.undo)).isEmpty && state.status?.contains("cannot be undone") == true)
        let undoable = JournalEntry(time: Date(), profile: "test-profile", region: "us-east-1", action: "PutFunctionConcurrency", target: name,
                                    undo: .reservedConcurrency(function: name, previous: nil, left: 5), notUndoable: nil)
        _ = Reducer.reduce(&state, .journalLoaded([undoable]))
        let now = Date()
        #expect(Reducer.reduce(&state, .auditCommand(.undo), now: now).isEmpty, "the first u only asks")
        #expect(Reducer.reduce(&state, .auditCommand(.undo), now: now.addingTimeInterval(1)) == [.undo(undoable)])
    }
}

/// The journal read back: lines cut short, garbage, another profile's, and undo marks.
@Suite struct JournalReadingTests {
    @Test func badLinesAreSkippedAndUndoMarksApply() throws {
        let folder = MutationRunnerTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = Journal(path: folder + "/journal.jsonl")
        let kept = JournalEntry(time: Date(timeIntervalSince1970: 1_800_000_000), profile: "p", region: "eu-west-1", action: "UpdateAlias",
                                target: "f:live", undo: .mapping(function: "f", uuid: "u", enabled: true), notUndoable: nil)
        let other = JournalEntry(time: Date(), profile: "q", region: "eu-west-1", action: "UpdateAlias", target: "g", undo: nil, notUndoable: "no")
        try journal.append(kept)
        try journal.append(other)
        let whole = try String(contentsOfFile: journal.path, encoding: .utf8)
        // Garbage, a line cut short, a mark for an unknown id, a mark for the kept entry.
        try PrivateFile.append(Data("not json\n{\"id\": \"x\", \"time\"\n\(whole.prefix(40))\n{\"undid\": \"nobody\"}\n".utf8), to: journal.path)
        try journal.markUndone(kept.id)
        let read = journal.load(profile: "p", region: "eu-west-1")
        #expect(read.count == 1 && read[0].id == kept.id && read[0].undone && read[0].undo == kept.undo)
        #expect(Journal(path: folder + "/absent.jsonl").load(profile: "p", region: "eu-west-1").isEmpty)
    }
}
