import Foundation

/// Runs work on the process's main thread while the commands run as async code. Swift's async
/// main parks the main thread in libdispatch on Linux and serves the main actor from another
/// thread, so the curses loop would never run where signals and the terminal expect it. Instead
/// the synchronous entry point keeps the main thread here, serving jobs until the command ends.
final class MainThread: @unchecked Sendable {
    static let shared = MainThread()

    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var finished = false

    /// Runs `body` on the main thread and returns what it returns.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    private func submit(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// Called on the main thread: serves jobs until `finish`.
    func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty && finished {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

@main
enum Entry {
    static func main() {
        let mainThread = MainThread.shared
        Task.detached {
            await LambdaTUICommand.main(GlobalOptions.afterSubcommand(Array(CommandLine.arguments.dropFirst())))
            mainThread.finish()
        }
        mainThread.serve()
    }
}
