import Store

/// The desk pages' additions to the admin stylesheet, served at `/admin/desk.css` (the Content-Security-Policy
/// allows no inline styles). The weekly summary prints on A4 without the admin bar, the filters or the links.
enum DeskStyles {
    static let css = """
        .suggestion-text{white-space:pre-wrap;border-left:4px solid #7a0000;padding:4px 12px;background:#fafafa}
        .desk-actions{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}
        .desk-actions form{margin:0}
        .desk-reply textarea{width:100%;max-width:640px;font:inherit}
        .contact{background:#fff8e1;border:1px solid #c9a227;padding:6px 10px;border-radius:6px}
        .error{color:#b00020;font-weight:bold}
        table.summary td.num,table.summary th.num{text-align:right}
        table.summary tfoot td{font-weight:bold}
        .print-only{display:none}
        @page{size:A4;margin:15mm}
        @media print{
          body{font-size:11pt;background:#fff}
          .adminbar,.adminnav,.banner,.noprint,.filters,.pager{display:none}
          .print-only{display:block}
          main{max-width:none;margin:0;padding:0}
          .scroll{overflow:visible}
          table.summary{width:100%;border-collapse:collapse}
          table.summary th,table.summary td{border:1px solid #000;padding:2px 6px}
          a{color:#000;text-decoration:none}
        }
        """
}
