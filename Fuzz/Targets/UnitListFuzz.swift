// libFuzzer target: the CSV reader and the unit-list checker behind the administrative-map import.
// The reader must keep its limits; a list the checker accepts must be a well-formed tree.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUnitList(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = CSVReader()
    if let records = try? reader.records(bytes) {
        for record in records {
            precondition(record.fields.count <= reader.maxFieldsPerRecord + 1, "field count limit not enforced")
            precondition(record.line >= 1, "record without a line number")
            for field in record.fields {
                precondition(field.utf8.count <= reader.maxFieldBytes + 1, "field size limit")
            }
        }
    }
    guard let list = try? UnitList(csv: bytes) else { return 0 }
    precondition(list.province != nil, "accepted a list without a province")
    let codes = Set(list.units.map(\.code))
    precondition(codes.count == list.units.count, "accepted duplicate codes")
    for unit in list.units {
        precondition(unit.code.utf8.count == unit.level.codeLength, "accepted a code of the wrong length")
        if let parent = unit.parentCode { precondition(codes.contains(parent), "accepted a dangling parent") }
    }
    return 0
}
