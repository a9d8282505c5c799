import Foundation
import Glibc

/// Flushing files and renames to disk: a backup or a restore that reports success must survive a power cut.
enum DurableFile {
    static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("mở", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("ghi xuống đĩa", path) }
    }

    /// Renames within one folder, then syncs the folder so the new name itself is durable.
    static func rename(_ from: String, to destination: String) throws {
        guard Glibc.rename(from, destination) == 0 else { throw failure("đổi tên thành \(destination)", from) }
        let folder = (destination as NSString).deletingLastPathComponent
        try sync(path: folder.isEmpty ? "." : folder)
    }

    private static func failure(_ action: String, _ path: String) -> BackupError {
        BackupError("Không \(action) được \(path): \(String(cString: strerror(errno))).")
    }
}
