/// The web's form builder checks a form with the same rules as `qcdc form import`: it writes the document and reads
/// it back, so a form built on a page and one imported from a file can never be held to different rules. Problems
/// name the field by its path (`questions[2].options[0].label`), which is also the page's field name.
extension FormDocument {
    package func checked() throws(FormDocumentError) -> FormDocument {
        try FormDocument.read(Array(json().utf8))
    }
}
