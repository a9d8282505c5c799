import Glibc

/// Nanoseconds of CLOCK_MONOTONIC: the loop's notion of "now" for deadlines, cheap and immune to clock changes.
enum MonotonicClock {
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
