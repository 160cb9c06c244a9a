#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import HTTPCore
import Synchronization

/// A hand-written HTTP/1.1 server on POSIX sockets and Dispatch.
///
/// `start()` binds and begins accepting; `shutdown()` stops accepting, lets requests in flight finish
/// (up to the grace period), closes idle connections, then `stopped()` returns.
public final class HTTPServer: Sendable {
    /// Dispatch sources are thread-safe objects that Swift does not mark Sendable; the mutex guards the rest.
    private struct State: @unchecked Sendable {
        var listener: ListeningSocket?
        var acceptSource: DispatchSourceRead?
        var sweeper: DispatchSourceTimer?
        var connections: [ObjectIdentifier: Connection] = [:]
        var draining = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    public let configuration: ServerConfiguration
    private let handler: HTTPHandler
    private let errorResponder: ErrorResponder
    private let logger: AccessLogger?
    private let state = Mutex(State())
    private let acceptQueue = DispatchQueue(label: "http.accept")
    private let dates = DateCache()

    public init(configuration: ServerConfiguration = ServerConfiguration(),
                errorResponder: @escaping ErrorResponder = DefaultErrorResponses.plainText,
                logger: AccessLogger? = AccessLog.standardError,
                handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        self.errorResponder = errorResponder
        self.logger = logger
    }

    /// The bound port (useful with port 0), or nil before `start()`.
    public var port: Int? { state.withLock { $0.listener?.port } }

    public var connectionCount: Int { state.withLock { $0.connections.count } }

    public func start() throws {
        // A peer that vanishes mid-write must not kill the process (send also passes MSG_NOSIGNAL).
        signal(SIGPIPE, SIG_IGN)
        let listener = try ListeningSocket(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let source = DispatchSource.makeReadSource(fileDescriptor: listener.descriptor, queue: acceptQueue)
        source.setEventHandler { [self] in acceptPending(listener.descriptor) }
        source.setCancelHandler { Glibc.close(listener.descriptor) }
        let sweeper = DispatchSource.makeTimerSource(queue: acceptQueue)
        let interval = DispatchTimeInterval.milliseconds(Int(configuration.sweepInterval * 1000))
        sweeper.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
        sweeper.setEventHandler { [self] in sweepTimeouts() }
        state.withLock {
            $0.listener = listener
            $0.acceptSource = source
            $0.sweeper = sweeper
        }
        source.resume()
        sweeper.resume()
    }

    private func acceptPending(_ listenFD: Int32) {
        while true {
            // accept4 is hidden behind _GNU_SOURCE in Glibc's module map; accept + fcntl does the same.
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listenFD, $0, &peerLength) }
            }
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                // EAGAIN: nothing left. EMFILE/ENFILE: out of descriptors; the backlog holds the rest until one frees.
                return
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let context = ServerContext(
                configuration: configuration, handler: handler, errorResponder: errorResponder, logger: logger,
                dates: dates, connectionClosed: { [weak self] id in self?.connectionClosed(id) })
            let connection: Connection? = state.withLock { state in
                guard !state.draining, state.connections.count < configuration.maxConnections else { return nil }
                let connection = Connection(descriptor: fd, context: context, remoteAddress: PeerAddress.text(peer))
                state.connections[connection.id] = connection
                return connection
            }
            if let connection {
                connection.start()
            } else {
                refuse(fd)
            }
        }
    }

    /// Over the connection cap: a short 503 in one non-blocking send, then close. Never queued, never a crash.
    private func refuse(_ fd: Int32) {
        let bytes = ResponseSerializer.serialize(errorResponder(.serviceUnavailable), keepAlive: false, date: dates.current())
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        logger?(AccessLogEntry(method: "-", path: "-", status: 503, bytes: 0, durationMicroseconds: 0))
        Glibc.close(fd)
    }

    private func sweepTimeouts() {
        let connections = state.withLock { Array($0.connections.values) }
        for connection in connections {
            connection.queue.async { connection.checkTimeout() }
        }
    }

    private func connectionClosed(_ id: ObjectIdentifier) {
        let done = state.withLock { state -> Bool in
            state.connections[id] = nil
            return state.draining && state.connections.isEmpty
        }
        if done { finish() }
    }

    /// Graceful shutdown: stop accepting, finish requests in flight, close the rest after the grace period.
    public func shutdown() {
        let (connections, alreadyDraining) = state.withLock { state -> ([Connection], Bool) in
            let was = state.draining
            state.draining = true
            state.acceptSource?.cancel()
            state.acceptSource = nil
            return (Array(state.connections.values), was)
        }
        guard !alreadyDraining else { return }
        if connections.isEmpty { return finish() }
        for connection in connections {
            connection.queue.async { connection.beginDraining() }
        }
        acceptQueue.asyncAfter(deadline: .now() + configuration.shutdownGracePeriod) { [self] in
            let stragglers = state.withLock { Array($0.connections.values) }
            for connection in stragglers { connection.queue.async { connection.close() } }
        }
    }

    private func finish() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.finished else { return [] }
            state.finished = true
            state.sweeper?.cancel()
            state.sweeper = nil
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the server has shut down and every connection is closed.
    public func stopped() async {
        await withCheckedContinuation { continuation in
            let alreadyDone = state.withLock { state -> Bool in
                if state.finished { return true }
                state.waiters.append(continuation)
                return false
            }
            if alreadyDone { continuation.resume() }
        }
    }
}
