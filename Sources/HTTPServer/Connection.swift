#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import HTTPCore
import Synchronization

/// One accepted TCP connection: reads, parses, hands whole requests to the handler one at a time
/// (pipelined requests wait their turn, so answers keep their order), writes, and enforces timeouts.
///
/// Concurrency: every mutable property is touched only on `queue`, a serial queue of its own; this is
/// the invariant behind `@unchecked Sendable`. Reading stops while a request is being answered, which
/// is the back-pressure: a client cannot queue unbounded work.
final class Connection: @unchecked Sendable {
    private enum Phase { case idle, head, body, handling, writing, lingering }

    let queue: DispatchQueue
    private let fd: Int32
    private let context: ServerContext
    private var parser: RequestParser
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var readSuspended = false
    private var writeSuspended = true
    private var openSources = 0
    private let readBuffer: UnsafeMutableRawBufferPointer

    private var phase = Phase.idle
    private var phaseStarted = MonotonicClock.now()
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var inFlight = false
    private var closeAfterWrite = false
    /// Set with an error answer: after it is written, drain what the client still sends, then close.
    private var lingerAfterWrite = false
    private var lingeredBytes = 0
    private var peerClosed = false
    private var draining = false
    private var closed = false
    private var processing = false
    private var processAgain = false

    private let remoteAddress: String?

    init(descriptor: Int32, context: ServerContext, remoteAddress: String?) {
        self.fd = descriptor
        self.remoteAddress = remoteAddress
        self.context = context
        self.parser = RequestParser(limits: context.configuration.limits)
        self.queue = DispatchQueue(label: "http.connection", target: .global())
        self.readBuffer = .allocate(byteCount: 32 * 1024, alignment: 16)
        self.idTag = Connection.nextTag.add(1, ordering: .relaxed).newValue
        queue.setSpecific(key: Connection.queueKey, value: idTag)
        executor = QueueExecutor(queue: queue)
    }

    /// Tells code running in a task whether it is, at that moment, on this connection's queue.
    private static let queueKey = DispatchSpecificKey<Int>()
    private static let nextTag = Atomic<Int>(0)
    private let idTag: Int
    private let executor: QueueExecutor

    deinit { readBuffer.deallocate() }

    var id: ObjectIdentifier { ObjectIdentifier(self) }

    /// Sets up the sources on the connection's own queue, like every other state change: a shutdown
    /// racing the start then finds either no sources (and closes the descriptor itself) or both.
    func start() {
        queue.async { [self] in
            guard !closed else { return }
            let read = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            let write = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
            read.setEventHandler { [unowned self] in readAvailable() }
            write.setEventHandler { [unowned self] in flush() }
            // The descriptor is closed only when both sources are cancelled (Dispatch's rule for shared fds).
            let done: @Sendable () -> Void = { [self] in sourceCancelled() }
            read.setCancelHandler(handler: done)
            write.setCancelHandler(handler: done)
            readSource = read
            writeSource = write
            openSources = 2
            phaseStarted = MonotonicClock.now()
            read.resume()
        }
    }

    // MARK: reading

    private func readAvailable() {
        guard !closed, !readSuspended else { return }
        if phase == .lingering { return discardAvailable() }
        while true {
            let n = Glibc.read(fd, readBuffer.baseAddress, readBuffer.count)
            if n > 0 {
                if phase == .idle { enter(.head) }
                parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n]))
                if n < readBuffer.count { break }
            } else if n == 0 {
                peerClosed = true
                suspendReading()
                break
            } else {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { return close() }
                break
            }
        }
        processRequests()
    }

    /// Handles whatever is buffered. Re-entrant calls (an answer written synchronously by a handler
    /// that never suspended asks for the next pipelined request) only mark that another round is due:
    /// the loop below runs it, so thousands of pipelined requests cost no stack depth.
    private func processRequests() {
        if processing {
            processAgain = true
            return
        }
        processing = true
        defer { processing = false }
        repeat {
            processAgain = false
            processOnce()
        } while processAgain
    }

    private func processOnce() {
        guard !closed, !inFlight, outputOffset == output.count else { return }
        do {
            if let request = try parser.nextRequest() {
                dispatch(request)
                return
            }
        } catch {
            return sendError(error.status)
        }
        if parser.expectsContinue {
            parser.continueSent()
            // HTTP/1.0 clients do not know 100 (Continue) and must not receive it (RFC 9110 §10.1.1).
            guard parser.pendingVersion == .http11 else { return resumeReading() }
            enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            return
        }
        if peerClosed { return close() }
        if parser.isMidRequest {
            if parser.isReceivingBody, phase != .body { enter(.body) } else if phase == .idle { enter(.head) }
        } else {
            if draining { return close() }
            if phase != .idle { enter(.idle) }
        }
        resumeReading()
    }

    // MARK: answering

    private func dispatch(_ incoming: HTTPRequest) {
        var addressed = incoming
        addressed.remoteAddress = remoteAddress
        let request = addressed
        inFlight = true
        enter(.handling)
        suspendReading()
        let started = MonotonicClock.now()
        let handler = context.handler
        // The handler starts right here, on this queue's thread, and runs to its first real suspension
        // (a database call); a handler that never suspends (static files, health) answers without
        // any thread hop. It resumes on this queue too (the executor preference), so the answer is
        // normally written in place; the queue hop below is only a safety net.
        let id = idTag
        Task.immediate(executorPreference: executor) { [self] in
            let response = await handler(request)
            if DispatchQueue.getSpecific(key: Connection.queueKey) == id {
                respond(response, to: request, started: started)
            } else {
                queue.async { [self] in respond(response, to: request, started: started) }
            }
        }
    }

    private func respond(_ response: HTTPResponse, to request: HTTPRequest, started: UInt64) {
        inFlight = false
        guard !closed else { return }
        let keepAlive = request.keepAlive && !draining && !peerClosed
        let bytes = ResponseSerializer.serialize(response, version: request.version, isHead: request.method == "HEAD",
                                                 keepAlive: keepAlive, date: context.dates.current())
        if let logger = context.logger {
            logger(AccessLogEntry(method: request.method, path: String(request.path), status: response.status.code,
                                  bytes: request.method == "HEAD" ? 0 : response.body.count,
                                  durationMicroseconds: Int((MonotonicClock.now() - started) / 1000)))
        }
        closeAfterWrite = !keepAlive
        enqueue(bytes)
    }

    /// Answers a protocol error or a timeout and closes: the stream can no longer be trusted.
    private func sendError(_ status: HTTPStatus) {
        guard !closed else { return }
        suspendReading()
        let response = context.errorResponder(status)
        let bytes = ResponseSerializer.serialize(response, keepAlive: false, date: context.dates.current())
        context.logger?(AccessLogEntry(method: "-", path: "-", status: status.code, bytes: response.body.count, durationMicroseconds: 0))
        closeAfterWrite = true
        lingerAfterWrite = true
        enqueue(bytes)
    }

    /// The error answer is out: no more writes (the client sees the end of the answer), and whatever
    /// the client was still sending is read and dropped until it stops, or for a bounded time and size.
    private func linger() {
        guard !peerClosed else { return close() }
        shutdown(fd, Int32(SHUT_WR))
        enter(.lingering)
        resumeReading()
    }

    private func discardAvailable() {
        while true {
            let n = Glibc.read(fd, readBuffer.baseAddress, readBuffer.count)
            if n > 0 {
                lingeredBytes += n
                if lingeredBytes > context.configuration.lingerBytes { return close() }
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                return close()   // end of stream, or an error: the client is done
            }
        }
    }

    // MARK: writing

    private func enqueue(_ bytes: [UInt8]) {
        if outputOffset == output.count {
            output = bytes
            outputOffset = 0
        } else {
            output.append(contentsOf: bytes)
        }
        flush()
    }

    private func flush() {
        guard !closed else { return }
        while outputOffset < output.count {
            let n = output.withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress! + outputOffset, buffer.count - outputOffset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                outputOffset += n
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if phase != .writing { enter(.writing) }
                if writeSuspended { writeSuspended = false; writeSource?.resume() }
                return
            } else {
                return close()
            }
        }
        if !writeSuspended { writeSuspended = true; writeSource?.suspend() }
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
        if closeAfterWrite { return lingerAfterWrite ? linger() : close() }
        if phase == .writing || phase == .handling { enter(.idle) }
        processRequests()
    }

    // MARK: timeouts and shutdown

    private func enter(_ next: Phase) {
        phase = next
        phaseStarted = MonotonicClock.now()
    }

    /// Called periodically by the server's sweeper, on this connection's queue. The clock is read here,
    /// not by the sweeper: a phase may have started between the two, and must not look ancient.
    func checkTimeout() {
        guard !closed else { return }
        let elapsed = MonotonicClock.now() - phaseStarted
        let config = context.configuration
        switch phase {
        case .idle where elapsed > MonotonicClock.nanoseconds(config.idleTimeout): close()
        case .head where elapsed > MonotonicClock.nanoseconds(config.headerTimeout): sendError(.requestTimeout)
        case .body where elapsed > MonotonicClock.nanoseconds(config.bodyTimeout): sendError(.requestTimeout)
        case .writing where elapsed > MonotonicClock.nanoseconds(config.writeTimeout): close()
        case .lingering where elapsed > MonotonicClock.nanoseconds(config.lingerTimeout): close()
        default: break
        }
    }

    /// Stop taking new requests: close now if idle, else after the answer in progress.
    func beginDraining() {
        draining = true
        if !closed, phase == .idle || phase == .lingering, !inFlight, outputOffset == output.count { close() }
    }

    func close() {
        guard !closed else { return }
        closed = true
        guard readSource != nil else {
            // Never started (shut down before its first turn on the queue): no source owns the descriptor.
            Glibc.close(fd)
            context.connectionClosed(id)
            return
        }
        if readSuspended { readSuspended = false; readSource?.resume() }
        if writeSuspended { writeSuspended = false; writeSource?.resume() }
        readSource?.cancel()
        writeSource?.cancel()
    }

    private func sourceCancelled() {
        openSources -= 1
        guard openSources == 0 else { return }
        readSource = nil
        writeSource = nil
        Glibc.close(fd)
        context.connectionClosed(id)
    }

    private func suspendReading() {
        if !readSuspended { readSuspended = true; readSource?.suspend() }
    }

    private func resumeReading() {
        if readSuspended && !peerClosed && !closed { readSuspended = false; readSource?.resume() }
    }
}
