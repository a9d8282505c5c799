/// A minimal ZIP writer: stored (uncompressed) entries with CRC-32, no ZIP64, a fixed timestamp (1980-01-01) so
/// the same content always gives the same bytes. Enough for an XLSX workbook, which is a ZIP of a few XML
/// parts; writing it here is ~100 lines against a third-party dependency for one feature.
package struct StoredZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var entries = 0

    /// Files and archive stay under 4 GiB and 65,535 entries, the classic format's limits.
    package mutating func add(path: String, contents: [UInt8]) throws {
        let name = Array(path.utf8)
        guard contents.count < Int(UInt32.max), output.count < Int(UInt32.max) - contents.count - 1024,
            name.count < Int(UInt16.max), entries < Int(UInt16.max) - 1
        else {
            throw ZipError(
                description: "Tệp xuất quá lớn để đóng gói (giới hạn 4 GB). Hãy lọc bớt dữ liệu rồi xuất lại.")
        }
        let crc = CRC32.checksum(contents)
        let offset = UInt32(output.count)
        let size = UInt32(contents.count)
        // Bit 11: names are UTF-8.
        let flags: UInt16 = 0x0800
        let version: UInt16 = 20
        let time: UInt16 = 0
        let date: UInt16 = (1 << 5) | 1

        Self.append(UInt32(0x0403_4B50), to: &output)
        Self.append(version, to: &output)
        Self.append(flags, to: &output)
        Self.append(UInt16(0), to: &output)  // stored
        Self.append(time, to: &output)
        Self.append(date, to: &output)
        Self.append(crc, to: &output)
        Self.append(size, to: &output)
        Self.append(size, to: &output)
        Self.append(UInt16(name.count), to: &output)
        Self.append(UInt16(0), to: &output)
        output += name
        output += contents

        Self.append(UInt32(0x0201_4B50), to: &central)
        Self.append(version, to: &central)  // made by
        Self.append(version, to: &central)  // needed
        Self.append(flags, to: &central)
        Self.append(UInt16(0), to: &central)
        Self.append(time, to: &central)
        Self.append(date, to: &central)
        Self.append(crc, to: &central)
        Self.append(size, to: &central)
        Self.append(size, to: &central)
        Self.append(UInt16(name.count), to: &central)
        Self.append(UInt16(0), to: &central)  // extra
        Self.append(UInt16(0), to: &central)  // comment
        Self.append(UInt16(0), to: &central)  // disk
        Self.append(UInt16(0), to: &central)  // internal attributes
        Self.append(UInt32(0), to: &central)  // external attributes
        Self.append(offset, to: &central)
        central += name
        entries += 1
    }

    /// The archive: entries, central directory, end record.
    package func finish() -> [UInt8] {
        var archive = output
        let centralOffset = UInt32(archive.count)
        archive += central
        Self.append(UInt32(0x0605_4B50), to: &archive)
        Self.append(UInt16(0), to: &archive)
        Self.append(UInt16(0), to: &archive)
        Self.append(UInt16(entries), to: &archive)
        Self.append(UInt16(entries), to: &archive)
        Self.append(UInt32(central.count), to: &archive)
        Self.append(centralOffset, to: &archive)
        Self.append(UInt16(0), to: &archive)
        return archive
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
