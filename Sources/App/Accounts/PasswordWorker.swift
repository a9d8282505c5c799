import Dispatch
import Store
import Synchronization
import Web

/// Runs argon2id hashing and verification on two dedicated serial queues, never on an event loop or Swift's
/// cooperative pool: each call takes ~50–100 ms of CPU and 64 MiB of memory. Two lanes use both cores at most and
/// bound the memory to ~128 MiB; past `maximumWaiting` queued jobs a login flood gets a 503 instead of piling up.
final class PasswordWorker: Sendable {
    private let lanes: [DispatchQueue]
    private let next = Atomic<Int>(0)
    private let waiting = Atomic<Int>(0)
    let maximumWaiting: Int

    init(lanes laneCount: Int = 2, maximumWaiting: Int = 64) {
        lanes = (0..<max(1, laneCount)).map { DispatchQueue(label: "qcdc.password.\($0)", qos: .userInitiated) }
        self.maximumWaiting = maximumWaiting
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let queued = waiting.add(1, ordering: .relaxed).newValue
        guard queued <= maximumWaiting else {
            waiting.subtract(1, ordering: .relaxed)
            throw HTTPError(
                .serviceUnavailable,
                message: "Hệ thống đang xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau ít giây.")
        }
        let lane = lanes[next.add(1, ordering: .relaxed).newValue % lanes.count]
        return try await withCheckedThrowingContinuation { continuation in
            lane.async {
                let result = Result { try body() }
                self.waiting.subtract(1, ordering: .relaxed)
                continuation.resume(with: result)
            }
        }
    }
}
