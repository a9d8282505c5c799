import CQRencode

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns text into a QR code symbol through libqrencode.
public enum QRCode {
    /// Encodes `text` as UTF-8 in 8-bit byte mode, in the smallest version that fits.
    ///
    /// Byte mode keeps a mixed-case URL exactly as written (alphanumeric mode would upper-case it).
    /// libqrencode is built with pthread here, so this may be called from many threads at once.
    public static func encode(
        _ text: String,
        correction: QRCorrectionLevel = .medium
    ) throws(QRCodeError) -> QRMatrix {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .emptyText }
        // Checked before the C call, so the Int32 conversion below cannot overflow.
        guard bytes.count <= correction.maximumByteCount else {
            throw .textTooLong(byteCount: bytes.count, maximum: correction.maximumByteCount, correction: correction)
        }
        let result: Result<QRMatrix, QRCodeError> = bytes.withUnsafeBufferPointer { buffer in
            errno = 0
            // Version 0 asks libqrencode for the smallest version that holds the data.
            guard
                let symbol = QRcode_encodeData(
                    Int32(buffer.count), buffer.baseAddress, 0, correction.libqrencodeLevel
                )
            else {
                let code = errno
                if code == ERANGE {
                    return .failure(
                        .textTooLong(
                            byteCount: bytes.count, maximum: correction.maximumByteCount, correction: correction
                        ))
                }
                return .failure(.encoderFailed(errno: code, reason: describe(errno: code)))
            }
            defer { QRcode_free(symbol) }
            return matrix(from: symbol.pointee)
        }
        return try result.get()
    }

    private static func matrix(from symbol: QRcode) -> Result<QRMatrix, QRCodeError> {
        let size = Int(symbol.width)
        guard size > 0, let data = symbol.data else {
            return .failure(.encoderFailed(errno: 0, reason: "libqrencode returned an empty symbol"))
        }
        // libqrencode stores one byte a module; only the lowest bit says dark or light.
        let source = UnsafeBufferPointer(start: data, count: size * size)
        let modules = source.map { $0 & 1 == 1 }
        return .success(QRMatrix(version: Int(symbol.version), size: size, modules: modules))
    }

    private static func describe(errno code: Int32) -> String {
        guard code != 0, let text = strerror(code) else { return "no error code was set" }
        return String(cString: text)
    }
}
