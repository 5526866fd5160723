import Dispatch
import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process groups of helpers running now (credential_process). They run in groups of their
/// own, so that a time-out can end a helper with everything it started; but then the terminal's
/// ctrl-c no longer reaches them. While any runs, SIGINT, SIGTERM and SIGHUP end those groups
/// first and then this process, as the signal would have, so that no helper is orphaned.
enum ChildProcessGroups {
    private static let groups = Mutex<Set<pid_t>>([])
    private static let watchers = Mutex<[any DispatchSourceSignal]>([])
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func add(_ group: pid_t) {
        let first = groups.withLock { groups in
            groups.insert(group)
            return groups.count == 1
        }
        if first { watch() }
    }

    static func remove(_ group: pid_t) {
        let last = groups.withLock { groups in
            groups.remove(group)
            return groups.isEmpty
        }
        if last { unwatch() }
    }

    private static func watch() {
        watchers.withLock { sources in
            guard sources.isEmpty else { return }
            for number in signals {
                // A console already watching the signal keeps its own handler.
                var current = sigaction()
                sigaction(number, nil, &current)
                guard current.__sigaction_handler.sa_handler == nil else { continue }
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    for group in ChildProcessGroups.groups.withLock({ $0 }) { kill(-group, SIGTERM) }
                    signal(number, SIG_DFL)
                    raise(number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    private static func unwatch() {
        watchers.withLock { sources in
            for source in sources {
                source.cancel()
            }
            if !sources.isEmpty { for number in signals { signal(number, SIG_DFL) } }
            sources.removeAll()
        }
    }
}
