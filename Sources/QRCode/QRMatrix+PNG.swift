import CPNG

extension QRMatrix {
    /// The widest PNG `png(scale:quietZone:)` will draw: 4096 × 4096 at one bit a pixel is 2 MiB of
    /// bitmap, so a request with a huge scale cannot exhaust the server's memory.
    public static let maximumPNGSide = 4096

    /// A 1-bit grayscale PNG of the symbol, `scale` pixels per module, with a light quiet zone of
    /// `quietZone` modules on every side: the image is `(size + 2 × quietZone) × scale` pixels square.
    public func png(scale: Int = 8, quietZone: Int = 4) throws(QRCodeError) -> [UInt8] {
        guard scale >= 1 else { throw .invalidScale(scale) }
        guard quietZone >= 0 else { throw .invalidQuietZone(quietZone) }
        let (doubledZone, zoneOverflow) = quietZone.multipliedReportingOverflow(by: 2)
        let (modulesPerSide, sumOverflow) = size.addingReportingOverflow(doubledZone)
        let (side, sideOverflow) = modulesPerSide.multipliedReportingOverflow(by: scale)
        guard !zoneOverflow, !sumOverflow, !sideOverflow, side <= Self.maximumPNGSide else {
            throw .imageTooLarge(
                side: zoneOverflow || sumOverflow || sideOverflow ? Int.max : side,
                maximum: Self.maximumPNGSide)
        }
        let bitmap = oneBitBitmap(side: side, scale: scale, quietZone: quietZone)
        return try Self.encodePNG(bitmap: bitmap, side: side)
    }

    /// Rows packed eight pixels a byte, most significant bit first; a set bit is white in PNG grayscale.
    private func oneBitBitmap(side: Int, scale: Int, quietZone: Int) -> [UInt8] {
        let rowBytes = (side + 7) / 8
        var bitmap = [UInt8](repeating: 0xFF, count: rowBytes * side)
        let origin = quietZone * scale
        bitmap.withUnsafeMutableBufferPointer { pixels in
            for y in 0..<size {
                let firstRow = (origin + y * scale) * rowBytes
                // Draw one pixel row for this module row, then copy it down `scale - 1` times.
                for x in 0..<size where modules[y * size + x] {
                    let left = origin + x * scale
                    for pixel in left..<(left + scale) {
                        pixels[firstRow + (pixel >> 3)] &= ~(0x80 >> UInt8(pixel & 7))
                    }
                }
                let drawnRow = UnsafeBufferPointer(rebasing: pixels[firstRow..<(firstRow + rowBytes)])
                for copy in 1..<scale {
                    let target = firstRow + copy * rowBytes
                    _ = UnsafeMutableBufferPointer(rebasing: pixels[target..<(target + rowBytes)])
                        .update(fromContentsOf: drawnRow)
                }
            }
        }
        return bitmap
    }

    private static func encodePNG(bitmap: [UInt8], side: Int) throws(QRCodeError) -> [UInt8] {
        var output = cpng_buffer()
        var message = [CChar](repeating: 0, count: 256)
        let status = bitmap.withUnsafeBufferPointer { pixels in
            message.withUnsafeMutableBufferPointer { text in
                cpng_write_grayscale(
                    pixels.baseAddress, UInt32(side), UInt32(side), (side + 7) / 8, 1,
                    &output, text.baseAddress, text.count
                )
            }
        }
        defer { cpng_buffer_free(&output) }
        guard status == CPNG_OK, let data = output.data else {
            let reason = message.withUnsafeBufferPointer { text in
                text.baseAddress.map { String(cString: $0) } ?? ""
            }
            throw .pngEncodingFailed(reason: reason.isEmpty ? "status \(status.rawValue)" : reason)
        }
        return Array(UnsafeBufferPointer(start: data, count: output.size))
    }
}
