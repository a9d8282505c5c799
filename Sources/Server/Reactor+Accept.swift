import CLinux
import Glibc
import HTTP

extension Reactor {
    /// Accepts until the backlog is empty, at most 32 at a time: the listener stays ready, so the rest of a
    /// burst wakes the other loops (EPOLLEXCLUSIVE) instead of all landing on this one.
    func acceptConnections() {
        var addressBytes = [CChar](repeating: 0, count: 64)
        for _ in 0..<32 {
            let fd = addressBytes.withUnsafeMutableBufferPointer { clinux_accept(context.listenFD, $0.baseAddress, 64) }
            guard fd >= 0 else {
                acceptFailed(errno: clinux_errno())
                return
            }
            let address = String(decoding: addressBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let open = context.openConnections.add(1, ordering: .relaxed).newValue
            guard open <= context.configuration.maxConnections else {
                context.openConnections.subtract(1, ordering: .relaxed)
                context.refusedAtConnectionLimit.add(1, ordering: .relaxed)
                rejectOverLimit(fd)
                continue
            }
            let capped = !context.configuration.isExemptPeer(address)
            guard !capped || context.admit(peer: address) else {
                context.openConnections.subtract(1, ordering: .relaxed)
                context.refusedPerClient.add(1, ordering: .relaxed)
                rejectOverLimit(fd)
                continue
            }
            adopt(fd, address: address, countedForPeer: capped)
        }
    }

    private func acceptFailed(errno code: Int32) {
        switch code {
        case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED, EPROTO:
            return
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            // Out of descriptors or memory: keep serving the open connections, retry accepting shortly.
            if now - lastAcceptErrorLog > 1_000_000_000 {
                lastAcceptErrorLog = now
                context.log("accept paused for 100 ms: \(ServerError("accept", errno: code))")
            }
            unregisterListener()
            acceptResumesAt = now + Self.acceptPauseNanoseconds
        default:
            if now - lastAcceptErrorLog > 1_000_000_000 {
                lastAcceptErrorLog = now
                context.log("\(ServerError("accept", errno: code))")
            }
        }
    }

    /// `fd` has TCP_NODELAY from the listener (`clinux_listen_tcp`).
    private func adopt(_ fd: Int32, address: String, countedForPeer: Bool) {
        let interest = clinux_epollin()
        guard clinux_epoll_add(loop.epollFD, fd, interest, UInt64(fd)) == 0 else {
            context.log("\(ServerError("epoll_ctl add connection", errno: clinux_errno()))")
            Glibc.close(fd)
            context.openConnections.subtract(1, ordering: .relaxed)
            if countedForPeer { context.release(peer: address) }
            return
        }
        nextSerial &+= 1
        let connection = Connection(
            fd: fd, serial: nextSerial, remoteAddress: address,
            limits: context.configuration.limits, interest: interest, counted: true)
        connection.countedForPeer = countedForPeer
        store(connection)
        armDeadline(connection, after: context.idleDeadline)
    }

    /// Past the connection limit: a short 503 written straight into the fresh socket's empty send buffer, then
    /// our side is shut down. The socket lingers briefly (uncounted, never parsed) so that a request the client
    /// already sent does not turn the close into a reset that destroys the 503 before the client reads it.
    private func rejectOverLimit(_ fd: Int32) {
        let response = context.errorPage(.serviceUnavailable)
        let bytes = HTTPResponseSerializer.serialized(response, date: dateCache.current(), keepAlive: false)
        _ = bytes.withUnsafeBytes { clinux_send(fd, $0.baseAddress, $0.count) }
        _ = clinux_shutdown_write(fd)
        guard clinux_epoll_add(loop.epollFD, fd, clinux_epollin(), UInt64(fd)) == 0 else {
            Glibc.close(fd)
            return
        }
        nextSerial &+= 1
        let connection = Connection(
            fd: fd, serial: nextSerial, remoteAddress: "", limits: context.configuration.limits,
            interest: clinux_epollin(), counted: false)
        connection.phase = .lingering
        store(connection)
        armDeadline(connection, after: Self.rejectLingerNanoseconds)
    }

    private func store(_ connection: Connection) {
        let index = Int(connection.fd)
        if index >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: index + 1 - connections.count))
        }
        connections[index] = connection
        liveConnections += 1
    }
}
