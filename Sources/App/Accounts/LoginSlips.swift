import HTML
import Store

/// Login slips ("phiếu tài khoản"): one A4 sheet per account with the unit, the address, the username, the first
/// password and what to do with it. Printed by `qcdc user bulk-create --slips` and on the web slip page
/// (`/admin/users/slips/{id}`) after an account is created or its password reset.
public enum LoginSlips {
    public typealias Slip = LoginSlip

    /// One slip as a block of markup.
    public static func slip(_ slip: Slip, loginURL: String) -> HTML {
        """
        <section class="slip">
        <h2>Tài khoản quản trị khảo sát – \(slip.unitName)</h2>
        <dl>
        <dt>Địa chỉ đăng nhập</dt><dd>\(loginURL)</dd>
        <dt>Tên đăng nhập</dt><dd class="secret">\(slip.username)</dd>
        <dt>Mật khẩu lần đầu</dt><dd class="secret">\(slip.password)</dd>
        </dl>
        <ol>
        <li>Mở địa chỉ trên bằng trình duyệt, nhập tên đăng nhập và mật khẩu lần đầu (gõ cả dấu gạch ngang).</li>
        <li>Hệ thống sẽ yêu cầu đổi mật khẩu ngay: chọn mật khẩu mới dài ít nhất 10 ký tự, khác tên đăng nhập.</li>
        <li>Không chia sẻ mật khẩu; giữ phiếu này ở nơi an toàn hoặc hủy sau khi đã đổi mật khẩu.</li>
        <li>Quên mật khẩu: liên hệ cán bộ quản trị cấp trên để được cấp lại.</li>
        </ol>
        </section>
        """
    }

    /// A standalone printable document (for a file opened from disk: its styles are inline, since no site
    /// Content-Security-Policy applies there).
    public static func document(_ slips: [Slip], loginURL: String) -> HTML {
        """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Phiếu tài khoản quản trị khảo sát</title>
        <style>\(HTML(unsafeRaw: printCSS))</style>
        </head>
        <body>
        \(slips.map { slip($0, loginURL: loginURL) })
        </body>
        </html>
        """
    }

    static let printCSS = """
        body{font:16px/1.5 system-ui,Arial,sans-serif;color:#000;margin:0 auto;max-width:800px;padding:12px}
        .slip{border:2px dashed #555;padding:16px;margin:16px 0;break-inside:avoid;page-break-inside:avoid}
        .slip h2{margin-top:0;font-size:1.3em}
        .secret{font:bold 1.5em/1.3 ui-monospace,monospace;letter-spacing:.08em}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}
        dt{font-weight:bold}
        dd{margin:0;word-break:break-all}
        @media print{@page{size:A4;margin:15mm}body{max-width:none;padding:0}
        .slip{border:1px solid #000;margin:0;page-break-after:always;break-after:page}}
        """
}
