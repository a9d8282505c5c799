/// Why a `StaticFiles` could not be set up.
public enum StaticFilesError: Error, Sendable, Hashable, CustomStringConvertible {
    case rootNotFound(path: String, errno: Int32)
    case rootNotDirectory(path: String)

    public var description: String {
        switch self {
        case .rootNotFound(let path, let code):
            "Static files root \"\(path)\" cannot be resolved (errno \(code)); check the path and permissions."
        case .rootNotDirectory(let path):
            "Static files root \"\(path)\" is not a directory; point it at the folder that holds the files."
        }
    }
}
