import Crypto
import Foundation
import Testing

@testable import Uploads

@Suite struct ContentAddressedStoreTests {
    @Test func streamedChunksAreStoredUnderTheirHash() throws {
        try withTemporaryDirectory { root in
            let store = try ContentAddressedStore(directory: root + "/data/uploads")
            let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
            let writer = try store.makeWriter()
            for start in stride(from: 0, to: bytes.count, by: 4096) {
                try writer.write(Array(bytes[start..<min(bytes.count, start + 4096)]))
            }
            let stored = try writer.commit()
            #expect(stored.hash.hex == SHA256.hex(bytes))
            #expect(stored.size == bytes.count)
            #expect(filesUnder(store.directory) == ["\(stored.hash.hex.prefix(2))/\(stored.hash.hex)"])
            #expect(try store.contents(of: stored.hash) == bytes)
            #expect(try store.size(of: stored.hash) == bytes.count)
            #expect(store.contains(stored.hash))
            let attributes = try FileManager.default.attributesOfItem(atPath: store.directory)
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
        }
    }

    @Test func theSameContentIsStoredOnce() throws {
        try withTemporaryDirectory { root in
            let store = try ContentAddressedStore(directory: root)
            let first = try store.store(Fixtures.pdf)
            let second = try store.store(Fixtures.pdf)
            #expect(first == second)
            #expect(filesUnder(root).count == 1)
            #expect(try store.contents(of: first.hash) == Fixtures.pdf)
        }
    }

    @Test func abandonedAndDroppedWritersLeaveNothing() throws {
        try withTemporaryDirectory { root in
            let store = try ContentAddressedStore(directory: root)
            let abandoned = try store.makeWriter()
            try abandoned.write(Fixtures.html)
            abandoned.abandon()
            do {
                let dropped = try store.makeWriter()
                try dropped.write(Fixtures.html)
            }
            #expect(filesUnder(root).isEmpty)
            #expect(throws: UploadStoreError.self) { try abandoned.write(Fixtures.pdf) }
        }
    }

    @Test func writerShowsWhatItHoldsBeforeCommitting() throws {
        try withTemporaryDirectory { root in
            let writer = try ContentAddressedStore(directory: root).makeWriter()
            #expect(try writer.withContents { $0.count } == 0)
            try writer.write(try Fixtures.docx())
            #expect(try writer.withContents { UploadKind.detect($0) } == .docx)
        }
    }

    @Test func onlyWellFormedHashesNameFiles() throws {
        try withTemporaryDirectory { root in
            let store = try ContentAddressedStore(directory: root)
            let stored = try store.store(Fixtures.png)
            #expect(ContentHash(stored.hash.hex.uppercased()) == stored.hash)
            for text in [
                "", "../../etc/passwd", String(repeating: "a", count: 63), String(repeating: "a", count: 65),
                String(repeating: "g", count: 64), "../" + String(repeating: "a", count: 61),
                String(repeating: "a", count: 62) + "/x", String(repeating: "é", count: 32),
            ] {
                #expect(ContentHash(text) == nil, "\(text)")
            }
            let missing = try #require(ContentHash(String(repeating: "0", count: 64)))
            #expect(try store.contents(of: missing) == nil)
            #expect(try store.size(of: missing) == nil)
            #expect(!store.contains(missing))
        }
    }

    @Test func anUnwritableDirectoryIsATypedError() throws {
        #expect(throws: UploadStoreError.self) { try ContentAddressedStore(directory: "/proc/qcdc-no/uploads") }
    }
}
