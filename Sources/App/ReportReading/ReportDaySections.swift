import HTML
import Store
import Survey

/// The pieces of a report day shared by the unit's own report page and the reader's page: the photos as
/// thumbnails (the image scaled by CSS, each a link to itself), the form to add one, and the replies.
enum ReportDaySections {
    static func photos(unitCode: String, date: LocalDate, photos: [ReportPhoto]) -> HTML {
        guard !photos.isEmpty else { return "<p class=\"quiet\">Chưa có ảnh nào của ngày này.</p>" }
        let items = photos.enumerated().map { index, photo -> HTML in
            let path = SiteRoute.reportPhoto(unit: unitCode, date: date.iso, photo: photo.id).path
            return """
                <li><a href="\(path)"><img src="\(path)" alt="Ảnh \(index + 1) ngày \(date.vietnamese): \(photo.fileName)" loading="lazy"></a></li>
                """
        }
        return "<ul class=\"report-photos\">\(items)</ul>"
    }

    /// The unit's form for one more photo of `date` (multipart: `csrf` first, then the file; the day is in the
    /// address), or why there is none.
    static func uploadForm(date: LocalDate, today: LocalDate, count: Int, rules: ReportPhotoRules, csrf: String?)
        -> HTML
    {
        guard count < rules.perDay else {
            return "<p class=\"quiet\">Đã đủ \(Format.count(rules.perDay)) ảnh cho ngày này.</p>"
        }
        let path = SiteRoute.reportPhotos.href([("date", date == today ? nil : date.iso)])
        let megabytes = rules.maxFileBytes / (1024 * 1024)
        return """
            <form method="post" action="\(path)" enctype="multipart/form-data" class="upload">
            \(AdminLayout.csrfField(csrf))
            <p><label for="photo"><strong>Thêm ảnh tuyên truyền</strong> (JPEG hoặc PNG, tối đa \(Format.count(megabytes)) MB mỗi ảnh, \(Format.count(rules.perDay)) ảnh mỗi ngày; đã có \(Format.count(count)))</label>
            <input id="photo" name="file" type="file" required accept="image/jpeg,image/png,.jpg,.jpeg,.png"></p>
            <p><button type="submit">Gửi ảnh</button></p>
            </form>
            """
    }

    static func replies(_ replies: [ReportReply], currentVersion: Int?) -> HTML {
        guard !replies.isEmpty else { return "<p class=\"quiet\">Chưa có phản hồi nào.</p>" }
        let items = replies.map { reply -> HTML in
            let corrected: HTML =
                (currentVersion ?? reply.reportVersion) > reply.reportVersion
                ? " Báo cáo đã được sửa sau phản hồi này." : .empty
            return """
                <div class="report-reply"><p class="quiet">\(reply.unitName) (\(reply.username)), \(DeskRoutes.dateTime(reply.repliedAt)), về báo cáo lần \(Format.count(reply.reportVersion)).\(corrected)</p><p>\(reply.body)</p></div>
                """
        }
        return "\(items)"
    }
}
