import HTML
import Store
import Survey

/// The dossier page: where it stands, the criteria with every stage's points (the viewer's own column as a form
/// while it may score), the satisfaction proposal with its bands, the documents, the steps the viewer may take
/// now, each criterion's score history and the timeline. A dossier not started yet (district and province
/// before the commune opens it) says "chưa lập hồ sơ" and shows the criteria alone.
struct DossierPage {
    let year: Int
    let subject: DossierSubject
    let actor: DossierActor
    let dossier: Dossier?
    /// The dossier's set, or the year's current one before it starts; nil when the year has none.
    let set: CriteriaSet?
    /// The year's satisfaction index (0–1) as it stands now.
    let share: Double?
    let csrf: String?
    let today: LocalDate

    var kind: DossierSubjectKind { subject.kind }

    func render() -> HTML {
        var parts: [HTML] = [header()]
        guard let set else {
            parts.append("<p class=\"lead\">Năm \(String(year)) chưa có bộ tiêu chí công nhận cho đơn vị này.</p>")
            return HTML.join(parts, separator: "\n")
        }
        parts.append(status(set))
        parts.append(
            DossierScoreTable(
                set: set, dossier: dossier, actor: actor, year: year, unit: subject.code,
                proposal: proposal(set), csrf: csrf
            ).render())
        parts.append(satisfaction(set))
        if let dossier {
            parts.append(DossierDocumentsSection(dossier: dossier, actor: actor, csrf: csrf).render())
            parts.append(steps(dossier))
            parts.append(DossierHistorySection(dossier: dossier).render())
        }
        parts.append(links())
        return HTML.join(parts, separator: "\n")
    }

    /// The satisfaction points the page proposes: the recorded proposal once submitted, the live one before.
    func proposal(_ set: CriteriaSet) -> Double {
        if let dossier, !dossier.record.state.isEditableBySubject, let recorded = dossier.recordedProposal {
            return recorded
        }
        return set.bands.points(forShare: share)
    }

    private func header() -> HTML {
        let district: HTML = subject.districtName.map { " · \($0)" } ?? .empty
        return """
            <h1>Hồ sơ công nhận năm \(String(year)) – \(subject.name)</h1>
            <p class="note">\(kind.label) · mã \(subject.code)\(district)</p>
            """
    }

    private func status(_ set: CriteriaSet) -> HTML {
        guard let dossier else {
            let who: HTML =
                kind == .commune
                ? "Hồ sơ được lập khi tài khoản của xã mở trang này."
                : "Hồ sơ được lập khi tài khoản của huyện mở trang này."
            return """
                <section id="trang-thai"><h2>Trạng thái</h2>
                <p class="lead"><strong>Chưa lập hồ sơ.</strong> \(who)</p>
                <p class="note">Bộ tiêu chí: \(set.title) (phiên bản \(set.version)).</p></section>
                """
        }
        let record = dossier.record
        var decision: HTML = .empty
        if record.state == .decided, let recognised = record.recognised {
            let verdict: HTML = recognised ? "<strong>Được công nhận</strong>" : "<strong>Không công nhận</strong>"
            decision = """
                <p class="decision">\(verdict) theo quyết định số \(record.decisionNumber ?? "–") ngày \(record.decisionDate?.vietnamese ?? "–").</p>
                """
        }
        return """
            <section id="trang-thai"><h2>Trạng thái</h2>
            <p class="lead state-\(record.state.rawValue)"><strong>\(record.state.label)</strong></p>
            \(decision)
            <p class="note">Bộ tiêu chí: \(set.title) (phiên bản \(set.version)) · \(rule(set))</p></section>
            """
    }

    /// The pass rule in a sentence.
    private func rule(_ set: CriteriaSet) -> HTML {
        let minimums = set.criteria.compactMap { criterion -> String? in
            criterion.minimumPoints.map { "tiêu chí \(criterion.code) từ \(Format.points($0))" }
        }
        let extra = minimums.isEmpty ? "" : "; " + minimums.joined(separator: ", ")
        return """
            Đạt chuẩn khi tổng điểm từ <strong>\(Format.points(set.passTotal))</strong>/\(Format.points(set.maxTotal))\(extra) (mức do tỉnh quy định).
            """
    }

    private func satisfaction(_ set: CriteriaSet) -> HTML {
        guard let criterion = set.satisfactionCriterion else { return .empty }
        let index: HTML =
            share.map { "Chỉ số hài lòng năm \(String(year)): <strong>\(Format.percent($0))</strong>" }
            ?? "Chưa có chỉ số hài lòng năm \(String(year)) (chưa đủ phiếu khảo sát được tính)"
        let live = set.bands.points(forShare: share)
        let band = set.bands.band(forIndex: share.map { $0 * 100 })
        let rows = set.bands.bands.map { item -> HTML in
            let current: HTML = item == band ? " class=\"current\"" : .empty
            return """
                <tr\(current)><td>từ \(Format.points(item.minimumIndex))%</td><td>\(Format.points(item.points))</td></tr>
                """
        }
        var recorded: HTML = .empty
        if let dossier, let points = dossier.recordedProposal, !dossier.record.state.isEditableBySubject {
            recorded = "<p>Điểm đề xuất đã ghi khi gửi hồ sơ: <strong>\(Format.points(points))</strong>.</p>"
        }
        let yearLink: HTML =
            kind == .commune
            ? " <a href=\"\(SiteRoute.communeYear(year: year, unit: subject.code).path)\">Kết quả khảo sát cả năm của xã</a>"
            : " <a href=\"\(SiteRoute.yearRankings(year: year).href([("district", subject.code)]))\">Xếp hạng năm của huyện</a>"
        return """
            <section id="hai-long"><h2>Tiêu chí \(criterion.code): điểm đề xuất từ kết quả khảo sát</h2>
            <p>\(index) → <strong>\(Format.points(live))</strong>/\(Format.points(criterion.maxPoints)) điểm.\(yearLink)</p>
            \(recorded)
            <p class="note">Điểm tự chấm của tiêu chí này do hệ thống đề xuất theo bảng quy đổi dưới đây, đơn vị không tự sửa; \(kind.hasReview ? "huyện" : "tỉnh") có thể điều chỉnh khi chấm, kèm lý do.</p>
            <div class="scroll"><table class="bands"><thead><tr><th>Chỉ số hài lòng năm</th><th>Điểm</th></tr></thead><tbody>\(rows)</tbody></table></div>
            </section>
            """
    }

    /// The forms of the steps this viewer may take now.
    private func steps(_ dossier: Dossier) -> HTML {
        let record = dossier.record
        let actions = DossierWorkflow.actions(record.state, actor: actor, kind: kind).filter { $0 != .saveScores }
        guard !actions.isEmpty else { return .empty }
        let path = SiteRoute.dossierStep(year: year, unit: subject.code).path
        let forms = actions.map { action -> HTML in
            switch action {
            case .submit:
                let missing = dossier.missingDocuments.filter { $0.uploadedBy == .subject }.map(\.title)
                let unscored = dossier.criteriaSet.scorable.filter {
                    !$0.isSatisfaction && dossier.current(.selfAssessment)[$0.code] == nil
                }.map(\.code)
                var notes: [HTML] = []
                if !unscored.isEmpty { notes.append("Chưa tự chấm: tiêu chí \(unscored.joined(separator: ", ")).") }
                if !missing.isEmpty { notes.append("Còn thiếu tài liệu: \(missing.joined(separator: "; ")).") }
                let note: HTML = notes.isEmpty ? .empty : "<p class=\"note\">\(HTML.join(notes, separator: " "))</p>"
                return """
                    <form method="post" action="\(path)" class="step">\(AdminLayout.csrfField(csrf))
                    <input type="hidden" name="action" value="submit">\(note)
                    <p><button type="submit">Gửi hồ sơ \(kind.hasReview ? "lên huyện" : "lên tỉnh")</button></p></form>
                    """
            case .returnForChanges:
                return """
                    <form method="post" action="\(path)" class="step">\(AdminLayout.csrfField(csrf))
                    <input type="hidden" name="action" value="return">
                    <p><label>Nội dung cần bổ sung, sửa đổi (bắt buộc)<br><textarea name="comment" rows="3" cols="60" required></textarea></label></p>
                    <p><button type="submit">Trả lại để bổ sung</button></p></form>
                    """
            case .forward:
                let missing = dossier.missingDocuments.filter { $0.uploadedBy == .reviewer }.map(\.title)
                let note: HTML =
                    missing.isEmpty ? .empty : "<p class=\"note\">Còn thiếu: \(missing.joined(separator: "; ")).</p>"
                return """
                    <form method="post" action="\(path)" class="step">\(AdminLayout.csrfField(csrf))
                    <input type="hidden" name="action" value="forward">\(note)
                    <p><label>Ý kiến thẩm định<br><textarea name="comment" rows="2" cols="60"></textarea></label></p>
                    <p><button type="submit">Thẩm định xong, chuyển tỉnh</button></p></form>
                    """
            case .decide:
                let final = dossier.criteriaSet.verdict(dossier.finalPoints)
                let advice: HTML =
                    final.passes
                    ? "Theo điểm \(kind.hasReview ? "thẩm định" : "tỉnh chấm") (\(Format.points(final.total))), hồ sơ <strong>đạt</strong> mức công nhận."
                    : "Theo điểm hiện có (\(Format.points(final.total))), hồ sơ <strong>chưa đạt</strong> mức công nhận."
                return """
                    <form method="post" action="\(path)" class="step">\(AdminLayout.csrfField(csrf))
                    <input type="hidden" name="action" value="decide">
                    <p>\(advice)</p>
                    <fieldset><legend>Quyết định</legend>
                    <label><input type="radio" name="recognised" value="1" required> Công nhận đạt chuẩn</label>
                    <label><input type="radio" name="recognised" value="0"> Không công nhận</label></fieldset>
                    <p><label>Số quyết định <input type="text" name="number" maxlength="60" required></label>
                    <label>Ngày quyết định <input type="date" name="date" value="\(today.iso)" required></label></p>
                    <p><label>Ghi chú<br><textarea name="comment" rows="2" cols="60"></textarea></label></p>
                    <p><button type="submit">Ghi quyết định</button></p></form>
                    """
            case .saveScores:
                return .empty
            }
        }
        return """
            <section id="buoc" class="noprint"><h2>Bước tiếp theo</h2>
            \(HTML.join(forms, separator: "\n"))
            </section>
            """
    }

    private func links() -> HTML {
        var links: [HTML] = []
        if actor != .subject || kind == .districtCommittee {
            links.append("<a href=\"\(SiteRoute.dossiers(year: year).path)\">Hồ sơ công nhận năm \(String(year))</a>")
        }
        return links.isEmpty ? .empty : "<p class=\"actions noprint\">\(HTML.join(links, separator: " · "))</p>"
    }
}
