import Crypto
import Foundation

/// The key behind every signed token. From `QCDC_SECRET` when set (so several processes agree), otherwise from a
/// key file created beside the database on first start, readable by its owner only.
public enum ServerSecret {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(environmentValue: String?, keyFile: String) throws -> [UInt8] {
        if let value = environmentValue, !value.isEmpty {
            guard value.utf8.count >= 32 else {
                throw LoadError(description: "QCDC_SECRET quá ngắn: cần ít nhất 32 ký tự ngẫu nhiên.")
            }
            return SHA256.digest(Array(value.utf8))
        }
        if let key = try read(keyFile) { return key }
        let directory = (keyFile as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let key = SecureRandom.bytes(32)
        // O_EXCL: two processes starting at once cannot both write a key; the one that loses reads the other's.
        let descriptor = open(keyFile, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 && errno == EEXIST, let existing = try read(keyFile) { return existing }
        guard descriptor >= 0 else {
            throw LoadError(
                description:
                    "Không tạo được tệp khóa \(keyFile): \(String(cString: strerror(errno))). Kiểm tra quyền ghi thư mục."
            )
        }
        defer { close(descriptor) }
        let text = Array((Hex.encode(key) + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.count, fsync(descriptor) == 0 else {
            unlink(keyFile)
            throw LoadError(description: "Không ghi được tệp khóa \(keyFile): \(String(cString: strerror(errno))).")
        }
        return key
    }

    /// The key in an existing file; nil when there is none. A file others may read or write is refused: whoever
    /// reads the key can sign kiosk links and form tokens.
    private static func read(_ keyFile: String) throws -> [UInt8]? {
        var status = stat()
        guard stat(keyFile, &status) == 0 else { return nil }
        guard status.st_mode & 0o077 == 0 else {
            throw LoadError(
                description:
                    "Tệp khóa \(keyFile) để người khác đọc được (quyền \(String(status.st_mode & 0o777, radix: 8))): chạy `chmod 600 \(keyFile)` rồi khởi động lại."
            )
        }
        guard let data = FileManager.default.contents(atPath: keyFile), let text = String(data: data, encoding: .utf8),
            let key = Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count == 32
        else {
            throw LoadError(
                description:
                    "Tệp khóa \(keyFile) hỏng: cần 64 chữ số hex. Xóa tệp để tạo khóa mới (mọi liên kết đã ký sẽ hết hiệu lực)."
            )
        }
        return key
    }
}
