/// A refusal printed as it is, without the usage text a `ValidationError` adds (the command line was right; the file
/// or the database said no).
struct FormCommandError: Error, CustomStringConvertible {
    let description: String
}
