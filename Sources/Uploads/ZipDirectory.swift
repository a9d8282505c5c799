/// Just enough of the ZIP format (APPNOTE 4.3.12, 4.3.16) to list entry names: find the End Of Central
/// Directory record, then walk the central directory. Every offset and length comes from the file, so each is
/// checked against the bytes before use; ZIP64 and multi-disk archives are refused (no DOCX needs them).
enum ZipDirectory {
    static let endSignature: UInt32 = 0x0605_4B50
    static let entrySignature: UInt32 = 0x0201_4B50
    static let endRecordSize = 22
    static let entryHeaderSize = 46

    /// Whether some entry's name starts with `prefix`; false for anything that is not a well-formed ZIP.
    static func hasEntry(namePrefix prefix: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let end = findEndRecord(in: bytes) else { return false }
        let disk = read16(bytes, end + 4)
        let directoryDisk = read16(bytes, end + 6)
        let entriesOnDisk = Int(read16(bytes, end + 8))
        let entries = Int(read16(bytes, end + 10))
        let directorySize = Int(read32(bytes, end + 12))
        let directoryOffset = Int(read32(bytes, end + 16))
        guard disk == 0, directoryDisk == 0, entriesOnDisk == entries, entries != 0xFFFF,
            directoryOffset != 0xFFFF_FFFF, directorySize != 0xFFFF_FFFF,
            directoryOffset + directorySize <= end,
            // A count the directory cannot hold is a lie (zip-bomb shapes announce 65,534 entries in 200 bytes).
            entries * entryHeaderSize <= directorySize
        else { return false }
        let directoryEnd = directoryOffset + directorySize
        var offset = directoryOffset
        for _ in 0..<entries {
            guard offset + entryHeaderSize <= directoryEnd, read32(bytes, offset) == entrySignature else {
                return false
            }
            let nameLength = Int(read16(bytes, offset + 28))
            let extraLength = Int(read16(bytes, offset + 30))
            let commentLength = Int(read16(bytes, offset + 32))
            let nameStart = offset + entryHeaderSize
            guard nameStart + nameLength <= directoryEnd else { return false }
            if nameLength >= prefix.count
                && zip(UnsafeRawBufferPointer(rebasing: bytes[nameStart..<(nameStart + prefix.count)]), prefix)
                    .allSatisfy({ $0 == $1 })
            {
                return true
            }
            offset = nameStart + nameLength + extraLength + commentLength
        }
        return false
    }

    /// The offset of the end record: searched backwards, since a comment of up to 65,535 bytes may follow it,
    /// and accepted only where its comment length reaches exactly the end of the file.
    static func findEndRecord(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= endRecordSize else { return nil }
        let lowest = max(0, bytes.count - endRecordSize - Int(UInt16.max))
        var offset = bytes.count - endRecordSize
        while offset >= lowest {
            if read32(bytes, offset) == endSignature
                && offset + endRecordSize + Int(read16(bytes, offset + 20)) == bytes.count
            {
                return offset
            }
            offset -= 1
        }
        return nil
    }

    static func read16(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func read32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(read16(bytes, offset)) | UInt32(read16(bytes, offset + 2)) << 16
    }
}
