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
        let manager = FileManager.default
        if let data = manager.contents(atPath: keyFile) {
            guard let text = String(data: data, encoding: .utf8),
                let key = Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count == 32
            else {
                throw LoadError(
                    description:
                        "Tệp khóa \(keyFile) hỏng: cần 64 chữ số hex. Xóa tệp để tạo khóa mới (mọi liên kết đã ký sẽ hết hiệu lực)."
                )
            }
            return key
        }
        let key = SecureRandom.bytes(32)
        let directory = (keyFile as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        guard
            manager.createFile(
                atPath: keyFile, contents: Data((Hex.encode(key) + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else {
            throw LoadError(description: "Không ghi được tệp khóa \(keyFile): kiểm tra quyền ghi thư mục.")
        }
        return key
    }
}
