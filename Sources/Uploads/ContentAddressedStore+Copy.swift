import Crypto
import Glibc

extension ContentAddressedStore {
    /// What copying a store into another did.
    public struct CopyOutcome: Sendable, Hashable {
        public var copied = 0
        public var alreadyThere = 0
        /// Files whose content no longer matches their name (damaged on disk): not copied.
        public var damaged: [String] = []
    }

    /// Copies every stored file that `other` does not have yet (a backup's uploads, or back at restore), re-hashing
    /// each on the way: since a name is its content's hash, a copy is checked by what it is, and a damaged file is
    /// reported instead of spreading. Files already in `other` are not read again (same name, same content).
    public func copyMissing(into other: ContentAddressedStore) throws(UploadStoreError) -> CopyOutcome {
        var outcome = CopyOutcome()
        for hash in try storedHashes() {
            if other.contains(hash) {
                outcome.alreadyThere += 1
                continue
            }
            guard let bytes = try contents(of: hash) else { continue }
            guard Hex.encode(SHA256.digest(bytes)) == hash.hex else {
                outcome.damaged.append(hash.hex)
                continue
            }
            _ = try other.store(bytes)
            outcome.copied += 1
        }
        return outcome
    }

    /// The hashes of every file in the store (`<2 hex>/<64 hex>`), in name order; temporary files are skipped.
    public func storedHashes() throws(UploadStoreError) -> [ContentHash] {
        var hashes: [ContentHash] = []
        for folder in try Self.entries(of: directory) where folder.utf8.count == 2 {
            for name in try Self.entries(of: directory + "/" + folder) {
                if let hash = ContentHash(name), name.hasPrefix(folder) { hashes.append(hash) }
            }
        }
        return hashes.sorted { $0.hex < $1.hex }
    }

    private static func entries(of path: String) throws(UploadStoreError) -> [String] {
        guard let stream = opendir(path) else {
            if errno == ENOENT { return [] }
            throw UploadStoreError("opendir", path: path)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
