import CLinux

/// Waiting for the process to be asked to stop (systemd's SIGTERM, Ctrl-C's SIGINT).
public enum TerminationSignal {
    /// Blocks the calling thread until SIGTERM or SIGINT arrives; returns which (or -1 if the handlers could
    /// not be installed). Call it from the main thread after `HTTPServer.start()`, then `shutdown()`.
    public static func wait() -> Int32 {
        clinux_termination_wait()
    }

    /// Installs the handlers without waiting, so a signal sent before `wait()` is not lost.
    @discardableResult
    public static func prepare() -> Bool {
        clinux_termination_prepare() == 0
    }
}
