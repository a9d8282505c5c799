/// `Content-Type` by file extension for the files a site serves. Text types say UTF-8 so browsers never guess.
enum MediaTypes {
    static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "webmanifest": "application/manifest+json",
        "map": "application/json",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "pdf": "application/pdf",
    ]

    /// The type for `fileName`, by its last extension, case-insensitively.
    static func forFile(named fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: ".") else { return fallback }
        let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
        return byExtension[fileExtension] ?? fallback
    }
}
