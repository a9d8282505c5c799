import Crypto

/// Random identifiers that begin with the moment they were minted: 6 bytes of Unix time in milliseconds,
/// big-endian, then random bytes.
///
/// They are keys of unique indexes on the submission path (`responses.submission_id`, `respondent_marks`). Purely
/// random keys put every answer of a group commit on a different index page, and each page is a 4 KiB write to
/// the WAL before the batch's fsync; keys minted at about the same moment share their first characters and land
/// on the same one or two pages. The random part (10 bytes or more) keeps them unguessable.
package enum TimeOrderedID {
    package static let timeByteCount = 6

    package static func bytes(count: Int, milliseconds: Int64) -> [UInt8] {
        precondition(count > timeByteCount, "a time-ordered id needs random bytes after its time")
        var bytes = SecureRandom.bytes(count)
        for index in 0..<timeByteCount {
            bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (timeByteCount - 1 - index)))
        }
        return bytes
    }

    /// A submission id for one rendering of a form: 16 bytes, 22 base64url characters (`SubmissionID.isValid`).
    package static func submissionID(milliseconds: Int64) -> String {
        Base64URL.encode(bytes(count: 16, milliseconds: milliseconds))
    }
}
