import HTML
import Store
import Survey

/// The criteria sets' pages: the list (year, subject, version, dossiers using it) and one set (contents, and the
/// edit form while unused; a copy button always).
enum CriteriaSetViews {
    static func list(_ sets: [CriteriaSetStore.Listing]) -> HTML {
        let rows = sets.map { set -> HTML in
            """
            <tr><td data-label="Năm">\(String(set.year))</td><td data-label="Đối tượng">\(set.subjectKind.label)</td><td data-label="Bộ tiêu chí"><a href="\(SiteRoute.criteriaSet(id: set.id).path)">\(set.title)</a></td><td data-label="Phiên bản">\(set.version)</td><td data-label="Hồ sơ sử dụng">\(Format.count(set.dossiers))\(set.isFrozen ? " (đã khóa)" : "")</td></tr>
            """
        }
        return """
            <h1>Bộ tiêu chí công nhận</h1>
            <p class="note">Bộ tiêu chí chưa có hồ sơ nào sử dụng thì sửa được; đã có hồ sơ sử dụng thì bị khóa, muốn thay đổi hãy sao chép thành phiên bản mới. Hồ sơ mới của một năm dùng phiên bản mới nhất.</p>
            <table class="cards criteria-sets"><thead><tr><th>Năm</th><th>Đối tượng</th><th>Bộ tiêu chí</th><th>Phiên bản</th><th>Hồ sơ sử dụng</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    static func page(_ set: CriteriaSet, frozen: Bool, csrf: String?) -> HTML {
        let copy: HTML = """
            <form method="post" action="\(SiteRoute.copyCriteriaSet(id: set.id).path)" class="inline">\(AdminLayout.csrfField(csrf))<button type="submit">Sao chép thành phiên bản mới</button></form>
            """
        let state: HTML =
            frozen
            ? "<p class=\"lead\">Đã có hồ sơ sử dụng bộ tiêu chí này: <strong>đã khóa</strong>, không sửa được.</p>"
            : "<p class=\"lead\">Chưa có hồ sơ nào sử dụng: sửa được.</p>"
        return """
            <h1>\(set.title)</h1>
            <p class="note">\(set.subjectKind.label) · năm \(String(set.year)) · phiên bản \(set.version) · tổng điểm tối đa \(Format.points(set.maxTotal)) · đạt chuẩn từ \(Format.points(set.passTotal)) điểm</p>
            \(state)
            <p class="actions">\(copy) <a href="\(SiteRoute.criteriaSets.path)">Danh sách bộ tiêu chí</a></p>
            \(frozen ? contents(set) : editForm(set, csrf: csrf))
            """
    }

    static func contents(_ set: CriteriaSet) -> HTML {
        let criteria = set.criteria.map { criterion -> HTML in
            """
            <tr><td>\(criterion.code)</td><td>\(criterion.title)\(criterion.isSatisfaction ? " (sự hài lòng)" : "")</td><td>\(Format.points(criterion.maxPoints))</td><td>\(Format.points(criterion.minimumPoints))</td></tr>
            """
        }
        let bands = set.bands.bands.map { band -> HTML in
            "<tr><td>từ \(Format.points(band.minimumIndex))%</td><td>\(Format.points(band.points))</td></tr>"
        }
        let kinds = set.documentKinds.map { kind -> HTML in
            "<tr><td>\(kind.title)</td><td>\(kind.required ? "Có" : "Không")</td><td>\(kind.uploaderLabel(set.subjectKind))</td></tr>"
        }
        return """
            <h2>Tiêu chí</h2>
            <div class="scroll"><table><thead><tr><th>Số</th><th>Nội dung</th><th>Tối đa</th><th>Tối thiểu</th></tr></thead><tbody>\(criteria)</tbody></table></div>
            <h2>Quy đổi chỉ số hài lòng ra điểm</h2>
            <div class="scroll"><table><thead><tr><th>Chỉ số hài lòng năm</th><th>Điểm</th></tr></thead><tbody>\(bands)</tbody></table></div>
            <h2>Tài liệu</h2>
            <div class="scroll"><table><thead><tr><th>Tài liệu</th><th>Bắt buộc</th><th>Người tải lên</th></tr></thead><tbody>\(kinds)</tbody></table></div>
            """
    }

    static func editForm(_ set: CriteriaSet, csrf: String?) -> HTML {
        let spare = CriteriaSetForm.spareRows
        let criteria = (0..<(set.criteria.count + spare)).map { row -> HTML in
            let criterion = row < set.criteria.count ? set.criteria[row] : nil
            let checked: HTML = criterion?.isSatisfaction == true ? " checked" : .empty
            return """
                <tr><td><input name="c\(row)-code" value="\(criterion?.code ?? "")" size="4"></td><td><input name="c\(row)-parent" value="\(criterion?.parentCode ?? "")" size="4"></td><td><input name="c\(row)-title" value="\(criterion?.title ?? "")" size="50"></td><td><input name="c\(row)-max" value="\(criterion.map { Format.points($0.maxPoints) } ?? "")" size="5" inputmode="decimal"></td><td><input name="c\(row)-min" value="\(criterion?.minimumPoints.map { Format.points($0) } ?? "")" size="5" inputmode="decimal"></td><td><input type="radio" name="satisfaction" value="\(criterion?.code ?? "")"\(checked)\(criterion == nil ? " disabled" : "")></td></tr>
                """
        }
        let bands = (0..<(set.bands.bands.count + spare)).map { row -> HTML in
            let band = row < set.bands.bands.count ? set.bands.bands[row] : nil
            return """
                <tr><td><input name="b\(row)-min" value="\(band.map { Format.points($0.minimumIndex) } ?? "")" size="5" inputmode="decimal"></td><td><input name="b\(row)-points" value="\(band.map { Format.points($0.points) } ?? "")" size="5" inputmode="decimal"></td></tr>
                """
        }
        let kinds = (0..<(set.documentKinds.count + spare)).map { row -> HTML in
            let kind = row < set.documentKinds.count ? set.documentKinds[row] : nil
            let required: HTML = kind?.required == true ? " checked" : .empty
            let options = DossierDocumentKind.Uploader.allCases.map { uploader -> HTML in
                let selected: HTML = kind?.uploadedBy == uploader ? " selected" : .empty
                let label = uploader == .subject ? "Đơn vị lập hồ sơ" : "Cấp thẩm định (huyện)"
                return "<option value=\"\(uploader.rawValue)\"\(selected)>\(label)</option>"
            }
            return """
                <tr><td><input name="d\(row)-code" value="\(kind?.code ?? "")" size="14"></td><td><input name="d\(row)-title" value="\(kind?.title ?? "")" size="40"></td><td><input type="checkbox" name="d\(row)-required" value="1"\(required)></td><td><select name="d\(row)-by">\(options)</select></td></tr>
                """
        }
        return """
            <form method="post" action="\(SiteRoute.criteriaSet(id: set.id).path)" class="criteria-form">\(AdminLayout.csrfField(csrf))
            <p><label>Tên bộ tiêu chí<br><input name="title" value="\(set.title)" size="80" required></label></p>
            <p><label>Tổng điểm đạt chuẩn (mức do tỉnh quy định) <input name="pass_total" value="\(Format.points(set.passTotal))" size="5" inputmode="decimal"></label></p>
            <h2>Tiêu chí</h2>
            <p class="note">Tiêu chí thành phần ghi số của tiêu chí lớn ở cột "Thuộc"; điểm tối đa của các tiêu chí thành phần phải cộng lại đúng điểm tối đa của tiêu chí lớn. Xóa trắng số và nội dung để bỏ một dòng.</p>
            <div class="scroll"><table><thead><tr><th>Số</th><th>Thuộc</th><th>Nội dung</th><th>Tối đa</th><th>Tối thiểu</th><th>Sự hài lòng</th></tr></thead><tbody>\(criteria)</tbody></table></div>
            <h2>Quy đổi chỉ số hài lòng ra điểm</h2>
            <div class="scroll"><table><thead><tr><th>Chỉ số hài lòng năm từ (%)</th><th>Điểm</th></tr></thead><tbody>\(bands)</tbody></table></div>
            <h2>Tài liệu</h2>
            <div class="scroll"><table><thead><tr><th>Mã</th><th>Tên tài liệu</th><th>Bắt buộc</th><th>Người tải lên</th></tr></thead><tbody>\(kinds)</tbody></table></div>
            <p><button type="submit">Lưu bộ tiêu chí</button></p>
            </form>
            """
    }
}
