import HTML
import Store

/// `/rieng-tu`: what the portal keeps about the people who answer or write in, for how long, and who reads it.
/// The durations are the province's current retention settings (`qcdc retention set`), read on each request.
enum PrivacyPage {
    static func render(_ settings: RetentionSettings, banner: String?) -> HTML {
        let months = Format.count(settings.contactMonths)
        let days = Format.count(settings.networkDaysAfterClose)
        return Layout.page(
            title: "Quyền riêng tư", banner: banner,
            body: """
                <h1>Quyền riêng tư</h1>
                <p class="lead">Cổng khảo sát không hỏi và không lưu họ tên của người trả lời phiếu.</p>
                <h2>Những gì được lưu</h2>
                <ul>
                <li>Phiếu trả lời: các lựa chọn và ý kiến Anh/Chị viết, đơn vị và thời điểm gửi. Không có họ tên, số điện thoại hay địa chỉ.</li>
                <li>Để phát hiện phiếu gửi hàng loạt: một mã băm có khóa của mạng và của thiết bị đã gửi phiếu. Khóa được thay mỗi ngày, nên mã băm không cho biết địa chỉ mạng và không nối được các ngày với nhau.</li>
                <li>Góp ý, kiến nghị: nội dung góp ý. Họ tên và số điện thoại chỉ được lưu khi Anh/Chị tự ghi và đồng ý cho cơ quan liên hệ lại.</li>
                </ul>
                <h2>Lưu trong bao lâu</h2>
                <ul>
                <li>Mã băm mạng và thiết bị được xóa \(days) ngày sau ngày cuối của đợt khảo sát.</li>
                <li>Họ tên và số điện thoại trong góp ý được xóa \(months) tháng sau khi cơ quan trả lời (hoặc sau khi góp ý được giải quyết).</li>
                <li>Các lựa chọn trong phiếu được giữ để tổng hợp kết quả; chúng không gắn với người nào.</li>
                </ul>
                <h2>Ai được xem</h2>
                <ul>
                <li>Cán bộ của xã, phường xem kết quả tổng hợp của đơn vị mình; huyện và tỉnh xem các đơn vị trong phạm vi của mình.</li>
                <li>Ý kiến viết trong phiếu chỉ huyện và tỉnh đọc, không phải cán bộ của chính đơn vị được đánh giá.</li>
                <li>Góp ý và thông tin liên hệ (nếu có) chỉ cán bộ tiếp nhận của đơn vị nhận góp ý và cấp trên xem được.</li>
                </ul>
                """)
    }
}
