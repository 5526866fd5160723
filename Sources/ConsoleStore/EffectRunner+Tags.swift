import AWSCore
import FoundationEssentials
import LambdaAPI
import Synchronization
import TaggingAPI

extension EffectRunner {
    /// Every asked function's tags: GetResources pages of 100 where offered (a function it does not
    /// list has no tags), else one ListTags call per function, paced. Pages and batches are
    /// reported as they come, so that the filter fills in while the read goes on.
    func readTags(_ arns: [String], progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        let reading = tagReads.begin()
        var fallback: String?
        if let tagging {
            do {
                var found: [String: [String: String]] = [:]
                var token: String?
                repeat {
                    guard tagReads.isCurrent(reading) else { return Self.stoppedTagRead }
                    let page = try await tagging.resources(ofType: "lambda:function", token: token)
                    found.merge(page.tags) { _, new in new }
                    if !page.tags.isEmpty { progress(.tagsLoaded(page.tags, final: false, problem: nil)) }
                    token = page.nextToken
                } while token != nil
                var untagged: [String: [String: String]] = [:]
                for arn in arns where found[arn] == nil { untagged[arn] = [:] }
                return .tagsLoaded(untagged, final: true, problem: nil)
            } catch {
                // Often tag:GetResources is not allowed: ListTags (lambda:ListTags) may be.
                fallback = "GetResources: \(Self.sentence(error))"
            }
        }
        return await listTagsOneByOne(arns, note: fallback, reading: reading, progress: progress)
    }

    /// What a read stopped by `.stopTagReading` answers: what it found was already reported, and
    /// it is not final (a read started since owns the in-flight mark).
    static let stoppedTagRead = ConsoleAction.tagsLoaded([:], final: false, problem: nil)

    private func listTagsOneByOne(_ arns: [String], note: String?, reading: Int,
                                  progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        let together = 4
        let batchSeconds = Double(together) / tagCallsPerSecond
        var last: [String: [String: String]] = [:]
        var known = 0
        var failures = 0
        var lastFailure: String?
        var start = 0
        while start < arns.count {
            guard tagReads.isCurrent(reading) else { return Self.stoppedTagRead }
            let batch = Array(arns[start..<min(arns.count, start + together)])
            start += together
            let began = Date()
            let answers = await withTaskGroup(of: (String, Result<[String: String], Error>).self) { group in
                for arn in batch {
                    group.addTask { [lambda] in
                        do { return (arn, .success(try await lambda.listTags(arn))) } catch { return (arn, .failure(error)) }
                    }
                }
                var answers: [(String, Result<[String: String], Error>)] = []
                for await answer in group { answers.append(answer) }
                return answers
            }
            var batchTags: [String: [String: String]] = [:]
            for (arn, result) in answers {
                switch result {
                case .success(let tags): batchTags[arn] = tags
                case .failure(let error):
                    failures += 1
                    lastFailure = Self.sentence(error)
                }
            }
            known += batchTags.count
            if start < arns.count {
                if !batchTags.isEmpty { progress(.tagsLoaded(batchTags, final: false, problem: nil)) }
                let rest = batchSeconds - Date().timeIntervalSince(began)
                if rest > 0 { try? await Task.sleep(for: .milliseconds(Int(rest * 1000))) }
            } else {
                last = batchTags  // the final answer carries the last batch
            }
        }
        var problem: String?
        if failures > 0 { problem = "\(failures) could not be read: \(lastFailure ?? "")" }
        if let note, problem == nil, known < arns.count { problem = note }
        return .tagsLoaded(last, final: true, problem: problem)
    }

    static func sentence(_ error: Error) -> String {
        if let error = error as? AWSClientError { return error.description }
        return error.sentence
    }
}

/// Which tag read is the current one: clearing the `tag:` filter stops the read (it paces its
/// calls to the account's quota and would go on for minutes for nobody), and a new read makes
/// any older one stop.
final class TagReadControl: Sendable {
    private let current = Mutex(0)
    func begin() -> Int { current.withLock { $0 += 1; return $0 } }
    func stop() { current.withLock { $0 += 1 } }
    func isCurrent(_ reading: Int) -> Bool { current.withLock { $0 == reading } }
}
