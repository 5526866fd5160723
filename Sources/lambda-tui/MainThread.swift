import AWSCore
import CProcess
import Dispatch
import FoundationEssentials
import Synchronization

/// Runs work on the process's main thread while the commands run as async code. Swift's async
/// main parks the main thread in libdispatch on Linux and serves the main actor from another
/// thread, so the curses loop would never run where signals and the terminal expect it. Instead
/// the synchronous entry point keeps the main thread here, serving jobs until the command ends.
final class MainThread: Sendable {
    static let shared = MainThread()

    private struct Queue: ~Copyable {
        var jobs: [@Sendable () -> Void] = []
        var finished = false
    }

    private let queue = Mutex(Queue())
    /// Signalled once for each job and once for the end.
    private let ready = DispatchSemaphore(value: 0)

    /// Runs `body` on the main thread and returns what it returns.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        queue.withLock { $0.jobs.append(job) }
        ready.signal()
    }

    func finish() {
        queue.withLock { $0.finished = true }
        ready.signal()
    }

    /// Called on the main thread: serves jobs until `finish`.
    func serve() {
        while true {
            ready.wait()
            let next: (job: (@Sendable () -> Void)?, finished: Bool) = queue.withLock { queue in
                queue.jobs.isEmpty ? (nil, queue.finished) : (queue.jobs.removeFirst(), false)
            }
            if let job = next.job { job() } else if next.finished { return }
        }
    }
}

@main
enum Entry {
    static func main() {
        _ = lt_trim_startup_memory()
        // The one answer that needs nothing else: printed before the parser, the threads and the
        // libraries are set up, so that checking which build a bastion has costs almost nothing.
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            print(LambdaTUIVersion.current)
            return
        }
        let mainThread = MainThread.shared
        Task.detached {
            await LambdaTUICommand.main(GlobalOptions.afterSubcommand(Array(CommandLine.arguments.dropFirst())))
            mainThread.finish()
        }
        mainThread.serve()
    }
}
