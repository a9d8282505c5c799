import HTTP

extension URLEncodedForm {
    /// The first value given for `name`: what a handler wants for every field but checkboxes.
    public subscript(name: String) -> String? {
        first(name)
    }
}
