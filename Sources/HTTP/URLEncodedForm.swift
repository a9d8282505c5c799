/// `application/x-www-form-urlencoded` data (form bodies and query strings): ordered name/value pairs,
/// repeated names kept, "+" read as a space, escapes decoded as UTF-8.
public struct URLEncodedForm: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public static let defaultFieldLimit = 1000

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    public init(_ pairs: [(String, String)]) {
        self.fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Decodes a body or query string. Empty pieces ("a=1&&b=2") are skipped; a piece without "=" is a name
    /// with an empty value.
    public init(decoding text: some StringProtocol, fieldLimit: Int = URLEncodedForm.defaultFieldLimit)
        throws(URLEncodedFormError)
    {
        var text = String(text)
        // withUTF8 only rethrows untyped errors, so carry the typed one out in a Result.
        let result = text.withUTF8 { bytes in
            Result { () throws(URLEncodedFormError) in
                try Self.decodeFields(UnsafeRawBufferPointer(bytes), fieldLimit: fieldLimit)
            }
        }
        fields = try result.get()
    }

    /// Decodes a request body as sent.
    public init(decoding body: [UInt8], fieldLimit: Int = URLEncodedForm.defaultFieldLimit) throws(URLEncodedFormError)
    {
        let result = body.withUnsafeBytes { bytes in
            Result { () throws(URLEncodedFormError) in try Self.decodeFields(bytes, fieldLimit: fieldLimit) }
        }
        fields = try result.get()
    }

    /// Every value given for `name`, in order (checkboxes send one field per ticked box).
    public func values(for name: String) -> [String] {
        // A plain loop: an answer asks once per question, and a lazy filter-and-map into an array costs more.
        var values: [String] = []
        for field in fields where field.name == name { values.append(field.value) }
        return values
    }

    /// The first value given for `name`.
    public func first(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    public mutating func append(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// The fields encoded for a query string or a form body ("ten=H%C3%A0&x=1").
    public var encoded: String {
        fields.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
    }

    private static func decodeFields(_ bytes: UnsafeRawBufferPointer, fieldLimit: Int) throws(URLEncodedFormError)
        -> [Field]
    {
        var fields: [Field] = []
        var pieceStart = 0
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "&") {
                if index > pieceStart {
                    guard fields.count < fieldLimit else { throw .tooManyFields(limit: fieldLimit) }
                    let piece = UnsafeRawBufferPointer(rebasing: bytes[pieceStart..<index])
                    fields.append(try decodeField(piece, number: fields.count))
                }
                pieceStart = index + 1
            }
            index += 1
        }
        return fields
    }

    private static func decodeField(_ piece: UnsafeRawBufferPointer, number: Int) throws(URLEncodedFormError) -> Field {
        let equals = piece.firstIndex(of: UInt8(ascii: "=")) ?? piece.count
        let name = UnsafeRawBufferPointer(rebasing: piece[0..<equals])
        let value =
            equals < piece.count
            ? UnsafeRawBufferPointer(rebasing: piece[(equals + 1)...]) : UnsafeRawBufferPointer(start: nil, count: 0)
        do {
            return Field(
                name: try PercentEncoding.decode(bytes: name, plusAsSpace: true),
                value: try PercentEncoding.decode(bytes: value, plusAsSpace: true)
            )
        } catch {
            throw .invalidEncoding(field: number, error)
        }
    }
}
