import CLinux
import Glibc
import HTTP

extension Reactor {
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    /// What a refused large body is told: uploads in progress usually finish within this.
    static let largeBodyRetryAfterSeconds = 30

    /// One connection's epoll event.
    func handle(events: UInt32, fd: Int32) {
        guard let connection = connection(at: fd) else { return }
        if events & clinux_epollerr() != 0 || (events & clinux_epollhup() != 0 && events & clinux_epollin() == 0) {
            close(connection)  // reset, or gone both ways: nothing can be read or written any more
            return
        }
        if events & clinux_epollout() != 0 && connection.phase == .writing {
            writePending(connection)
        }
        if events & (clinux_epollin() | clinux_epollhup()) != 0 {
            readable(connection)
        }
    }

    private func readable(_ connection: Connection) {
        switch connection.phase {
        case .responding, .writing:
            // One request at a time: pipelined bytes wait in the socket until this response is written.
            setInterest(connection, connection.phase == .writing ? clinux_epollout() : 0)
            return
        case .lingering:
            let count = read(connection.fd, readBuffer.baseAddress, readBuffer.count)
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { close(connection) }
            return
        case .idle, .readingHead, .readingBody:
            break
        }
        let count = read(connection.fd, readBuffer.baseAddress, readBuffer.count)
        if count < 0 {
            if errno != EAGAIN && errno != EINTR { close(connection) }
            return
        }
        if count == 0 {
            close(connection)  // the client went away between or during requests
            return
        }
        connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        if connection.phase == .idle {
            connection.phase = .readingHead
            armDeadline(connection, after: context.headDeadline)
        }
        processBufferedRequests(connection)
    }

    /// Takes the next complete request from the parser, if any, and starts its handler; otherwise makes sure
    /// the right deadline runs for what is still missing.
    func processBufferedRequests(_ connection: Connection) {
        switch connection.parser.next() {
        case .needMoreData:
            if connection.parser.isReadingBody && connection.phase != .readingBody {
                let length = connection.parser.pendingBodyLength ?? 0
                if let refusal = reserveBody(connection, length: length) {
                    context.refusedForBodyBudget.add(1, ordering: .relaxed)
                    context.log("\(connection.remoteAddress): body of \(length) bytes refused: \(refusal)")
                    sendErrorAndClose(
                        connection, status: .serviceUnavailable, retryAfter: Self.largeBodyRetryAfterSeconds)
                    return
                }
                connection.phase = .readingBody
                armDeadline(connection, after: context.bodyDeadline(forLength: length))
                if connection.parser.expectsContinue {
                    // Best effort into an idle socket's empty send buffer; a client that gets nothing sends anyway.
                    _ = Self.continueResponse.withUnsafeBytes { clinux_send(connection.fd, $0.baseAddress, $0.count) }
                }
            } else if connection.phase == .idle && connection.parser.hasPartialRequest {
                connection.phase = .readingHead
                armDeadline(connection, after: context.headDeadline)
            }
        case .request(var request):
            request.remoteAddress = connection.remoteAddress
            startHandler(connection, request)
        case .failure(let error):
            context.log("\(connection.remoteAddress): refused request: \(error)")
            sendErrorAndClose(connection, status: error.status)
        }
    }

    /// Holds budget for a body: every body from the server-wide budget, and a body above the ordinary limit (only
    /// upload targets may declare one) also from this loop's large-body budget. Nil when held; otherwise which
    /// budget is in use, for the log.
    private func reserveBody(_ connection: Connection, length: Int) -> String? {
        let budget = context.configuration.bodyBudgetBytes
        guard context.bodyBytesInUse.add(length, ordering: .relaxed).newValue <= budget else {
            context.bodyBytesInUse.subtract(length, ordering: .relaxed)
            return "the server's body budget of \(budget) bytes is in use"
        }
        connection.reservedSharedBodyBytes = length
        guard length > context.configuration.limits.maxBodyBytes else { return nil }
        guard largeBodyBytesInUse + length <= context.configuration.largeBodyBudgetBytes else {
            releaseLargeBody(connection)
            return "this loop's large-body budget of \(context.configuration.largeBodyBudgetBytes) bytes is in use"
        }
        largeBodyBytesInUse += length
        connection.reservedBodyBytes = length
        return nil
    }

    /// Gives back the connection's share of the large-body budget: its request was taken, refused, timed out
    /// or its connection closed.
    func releaseLargeBody(_ connection: Connection) {
        largeBodyBytesInUse -= connection.reservedBodyBytes
        connection.reservedBodyBytes = 0
        if connection.reservedSharedBodyBytes != 0 {
            context.bodyBytesInUse.subtract(connection.reservedSharedBodyBytes, ordering: .relaxed)
            connection.reservedSharedBodyBytes = 0
        }
    }

    private func startHandler(_ connection: Connection, _ request: HTTPRequest) {
        releaseLargeBody(connection)
        connection.phase = .responding
        clearDeadline(connection)
        connection.keepAlive = connection.keepAlive && request.wantsKeepAlive && !isDraining
        connection.clientClosesAfterResponse = !request.wantsKeepAlive
        connection.isHeadRequest = request.method == .head
        let loop = self.loop
        let responder = context.responder
        let fd = connection.fd
        let serial = connection.serial
        // The task starts at once, on this thread, inside this call (SE-0472): a handler that never suspends, such
        // as the answer page's, runs to its end before `Task.immediate` returns, with no job queued. It prefers this
        // loop as its executor, so after any suspension (a database read) it comes back here.
        Task.immediate(executorPreference: loop) {
            let response = await responder.respond(to: request)
            loop.complete(EventLoop.Completion(fd: fd, serial: serial, response: response))
        }
    }

    /// A handler finished: write its response, if its connection is still the one that asked.
    func finishResponse(_ completion: EventLoop.Completion) {
        guard let connection = connection(at: completion.fd), connection.serial == completion.serial,
            connection.phase == .responding
        else { return }
        let keepAlive = connection.keepAlive && !completion.response.closeConnection && !isDraining
        connection.writeBuffer.removeAll(keepingCapacity: true)
        HTTPResponseSerializer.serialize(
            completion.response, date: dateCache.current(), keepAlive: keepAlive,
            isHeadRequest: connection.isHeadRequest, into: &connection.writeBuffer)
        startWriting(connection, closeAfter: !keepAlive)
    }

    /// Answers with the error page and closes: parse failures, request timeouts and refused large bodies.
    func sendErrorAndClose(_ connection: Connection, status: HTTPStatus, retryAfter: Int? = nil) {
        releaseLargeBody(connection)
        var response = context.errorPage(status)
        if let retryAfter { response.headers.set("Retry-After", String(retryAfter)) }
        connection.writeBuffer.removeAll(keepingCapacity: true)
        HTTPResponseSerializer.serialize(
            response, date: dateCache.current(), keepAlive: false, into: &connection.writeBuffer)
        startWriting(connection, closeAfter: true)
    }

    private func startWriting(_ connection: Connection, closeAfter: Bool) {
        connection.phase = .writing
        connection.closeAfterWrite = closeAfter
        connection.writeOffset = 0
        clearDeadline(connection)
        writePending(connection)
    }

    /// Writes as much as the socket takes; on EAGAIN waits for EPOLLOUT under the write deadline.
    private func writePending(_ connection: Connection) {
        let total = connection.writeBuffer.count
        while connection.writeOffset < total {
            let offset = connection.writeOffset
            let sent = connection.writeBuffer.withUnsafeBytes { bytes in
                clinux_send(
                    connection.fd, UnsafeRawBufferPointer(rebasing: bytes[offset...]).baseAddress, total - offset)
            }
            if sent > 0 {
                connection.writeOffset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if !connection.hasDeadline { armDeadline(connection, after: context.writeDeadline) }
                setInterest(connection, clinux_epollout())
                return
            } else {
                close(connection)  // EPIPE, ECONNRESET: the client is gone
                return
            }
        }
        responseWritten(connection)
    }

    private func responseWritten(_ connection: Connection) {
        clearDeadline(connection)
        if connection.writeBuffer.capacity > 256 * 1024 { connection.writeBuffer = [] }
        if connection.closeAfterWrite {
            // Lingering (shut our side, read until the client closes) exists so that bytes the client still sends
            // cannot turn our close into a reset that destroys the response in flight. With nothing unread, closing
            // now sends a plain FIN and spares that round trip (a shutdown, an epoll wake-up and a read per
            // connection; issue 18's Connection: close benchmark): when the client has closed its side already, it
            // sends nothing more; when it asked for the close and left no partial request, neither. Anything else
            // lingers.
            let pending = clinux_input_pending(connection.fd)
            let clientIsDone =
                pending < 0
                || (pending == 0 && connection.clientClosesAfterResponse && !connection.parser.hasPartialRequest)
            if clientIsDone {
                close(connection)
            } else {
                beginLingering(connection)
            }
            return
        }
        connection.phase = .idle
        setInterest(connection, clinux_epollin())
        armDeadline(connection, after: context.idleDeadline)
        processBufferedRequests(connection)  // a pipelined request may already be waiting
    }

    private func beginLingering(_ connection: Connection) {
        _ = clinux_shutdown_write(connection.fd)
        connection.phase = .lingering
        setInterest(connection, clinux_epollin())
        armDeadline(connection, after: Self.lingerNanoseconds)
    }

    /// A deadline passed for this connection.
    func deadlinePassed(_ connection: Connection) {
        switch connection.phase {
        case .idle, .writing, .lingering:
            close(connection)
        case .readingHead, .readingBody:
            context.log("\(connection.remoteAddress): request not received in time")
            sendErrorAndClose(connection, status: .requestTimeout)
        case .responding:
            break  // handlers run without a deadline; their writes have one
        }
    }

    func setInterest(_ connection: Connection, _ events: UInt32) {
        guard connection.interest != events else { return }
        if clinux_epoll_modify(loop.epollFD, connection.fd, events, UInt64(connection.fd)) == 0 {
            connection.interest = events
        } else {
            close(connection)
        }
    }

    func close(_ connection: Connection) {
        let index = Int(connection.fd)
        guard index < connections.count, connections[index] === connection else { return }
        connections[index] = nil
        liveConnections -= 1
        releaseLargeBody(connection)
        connection.hasDeadline = false
        if connection.counted { context.openConnections.subtract(1, ordering: .relaxed) }
        if connection.countedForPeer {
            connection.countedForPeer = false
            context.release(peer: connection.remoteAddress)
        }
        Glibc.close(connection.fd)
    }
}
