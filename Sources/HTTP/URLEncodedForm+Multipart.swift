extension URLEncodedForm {
    /// The text fields of a `multipart/form-data` body, in order; file parts are skipped without being
    /// buffered. What a CSRF check needs from an upload form, or a handler besides the file.
    public init(multipartBody body: [UInt8], contentType: String, limits: MultipartLimits = MultipartLimits())
        throws(MultipartError)
    {
        var parser = try MultipartParser(contentType: contentType, limits: limits)
        var fields: [Field] = []
        var current: (name: String, value: [UInt8])?
        var offset = 0
        repeat {
            // Slices, so a file part's content is never copied out whole.
            let end = min(body.count, offset + 64 * 1024)
            for event in try parser.append(body[offset..<end]) {
                switch event {
                case .partBegan(let head): current = head.isFile ? nil : (head.name, [])
                case .partData(let chunk): current?.value += chunk
                case .partEnded:
                    if let field = current {
                        fields.append(Field(name: field.name, value: String(decoding: field.value, as: UTF8.self)))
                    }
                    current = nil
                case .finished: break
                }
            }
            offset = end
        } while offset < body.count
        try parser.finish()
        self.init(fields)
    }
}
