import CCurl
import FoundationEssentials
import Glibc
import Synchronization

/// The thread that owns the curl multi handle. Other threads only touch `inbox` and write a
/// byte to the wake-up pipe, which the loop polls beside curl's own sockets.
final class CurlTransferLoop: Sendable {
    private struct Inbox {
        var jobs: [CurlJob] = []
        var cancelled: [UInt64] = []
        var stopping = false
        var nextID: UInt64 = 1
    }

    private let inbox = Mutex(Inbox())
    private let wakeRead: Int32
    private let wakeWrite: Int32
    let options: TransportOptions
    /// Why no request can be sent (no libcurl, no thread for the loop); nil when the loop runs.
    private let unavailable = Mutex<String?>(CurlLibrary.problem)

    init(options: TransportOptions) {
        self.options = options
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        if unavailable.withLock({ $0 }) == nil, !SystemThread.start({ [self] in self.run() }) {
            unavailable.withLock { $0 = "no thread could be started for the network (the process is at its limit of threads)" }
        }
    }

    func submit(request: HTTPRequest, sink: CurlJob.Sink) -> UInt64 {
        if let problem = unavailable.withLock({ $0 }) {
            sink.fail(TransportError.networkUnavailable(problem), headDelivered: false)
            return 0
        }
        let id = inbox.withLock { inbox in
            let id = inbox.nextID
            inbox.nextID += 1
            inbox.jobs.append(CurlJob(id: id, request: request, sink: sink))
            return id
        }
        wake()
        return id
    }

    func cancel(_ id: UInt64) {
        let pending: CurlJob? = inbox.withLock { inbox in
            if let index = inbox.jobs.firstIndex(where: { $0.id == id }) {
                return inbox.jobs.remove(at: index)
            }
            inbox.cancelled.append(id)
            return nil
        }
        pending?.sink.fail(CancellationError(), headDelivered: false)
        wake()
    }

    func shutdown() {
        inbox.withLock { $0.stopping = true }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func run() {
        guard let multi = lt_multi_init() else { return }
        var active: [UInt64: CurlTransfer] = [:]
        var idsByHandle: [UnsafeMutableRawPointer: UInt64] = [:]

        func finish(_ id: UInt64, with code: CURLcode?) {
            guard let transfer = active.removeValue(forKey: id) else { return }
            idsByHandle[transfer.easy] = nil
            lt_multi_remove_handle(multi, transfer.easy)
            if let code { transfer.complete(code) } else { transfer.fail(CancellationError()) }
        }

        while true {
            let (jobs, cancelled, stopping) = inbox.withLock { inbox in
                defer { inbox.jobs = []; inbox.cancelled = [] }
                return (inbox.jobs, inbox.cancelled, inbox.stopping)
            }
            for job in jobs {
                do {
                    let transfer = try CurlTransfer(job: job, options: options)
                    active[job.id] = transfer
                    idsByHandle[transfer.easy] = job.id
                    lt_multi_add_handle(multi, transfer.easy)
                } catch {
                    job.sink.fail(error, headDelivered: false)
                }
            }
            for id in cancelled { finish(id, with: nil) }
            if stopping {
                for id in Array(active.keys) { finish(id, with: nil) }
                break
            }

            var running: Int32 = 0
            lt_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = lt_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let id = idsByHandle[easy] else { continue }
                finish(id, with: message.pointee.data.result)
            }

            var wait = curl_waitfd(fd: wakeRead, events: Int16(CURL_WAIT_POLLIN), revents: 0)
            lt_multi_poll(multi, &wait, 1, 1000, nil)
            var drain = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &drain, drain.count) > 0 {}
        }
        lt_multi_cleanup(multi)
        close(wakeRead)
        close(wakeWrite)
    }
}
