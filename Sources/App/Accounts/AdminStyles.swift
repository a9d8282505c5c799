import Store

/// The admin pages' additions to `/static/site.css`, served at `/admin/admin.css` (the Content-Security-Policy
/// allows no inline styles). Mobile first: everything fits 360 px; tables scroll sideways inside their box.
enum AdminStyles {
    static let css = """
        body.admin main{max-width:1100px}
        .adminbar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;padding:8px 14px;background:#7a0000;color:#fff}
        .adminbar .unit{font-weight:bold;color:#fff;text-decoration:none;flex:1 1 auto}
        .adminbar .who{font-size:.85em}
        .adminbar form{margin:0}
        .adminnav{display:flex;flex-wrap:wrap;gap:0 16px;padding:2px 14px;background:#f3e6e6}
        .adminnav a{display:inline-block;padding:8px 0;min-height:40px}
        button.link{background:none;border:1px solid #fff;border-radius:6px;color:#fff;font:inherit;font-size:.85em;padding:6px 10px;min-height:40px;cursor:pointer}
        .stack label{display:block;font-weight:bold;margin-top:10px}
        .stack input.text{max-width:420px}
        .stack select{display:block;width:100%;max-width:420px;font:inherit;padding:6px;min-height:40px;border:1px solid #888;border-radius:6px}
        .notice{background:#e8f5e9;border:1px solid #2e7d32;padding:8px 12px;border-radius:6px}
        .scroll{overflow-x:auto}
        .question-results{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-start}
        table.question-result{width:auto;max-width:100%;flex:1 1 300px}
        table.question-result caption{text-align:left;padding:4px 0}
        table.question-result td.num{text-align:right;white-space:nowrap}
        .filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}
        .filters label{display:flex;flex-direction:column;font-size:.9em}
        .filters input,.filters select{font:inherit;padding:6px;border:1px solid #888;border-radius:6px;min-height:40px}
        .pager{display:flex;gap:12px;justify-content:space-between;margin:12px 0}
        td form{margin:0}
        td .button{min-height:40px;padding:6px 12px;font-size:.9em}
        .tag{display:inline-block;padding:0 6px;border-radius:4px;background:#eee;font-size:.85em}
        .tag.warn{background:#fff3cd}
        .tag.off{background:#f8d7da}
        .tools{display:flex;flex-wrap:wrap;gap:8px}
        td.actions{white-space:nowrap}
        td.actions form{display:inline-block}
        ul.choices{list-style:none;padding:0;columns:2 280px}
        ul.choices label{display:block;padding:6px 0;min-height:40px}
        td.ok,td.warn,td.bad{font-weight:bold}
        @media (max-width:640px){
          table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}
          table.cards thead{display:none}
          table.cards tr{border:1px solid #ccc;border-radius:8px;padding:8px 12px;margin:0 0 12px}
          table.cards td{border:0;padding:3px 0}
          table.cards td[data-label]::before{content:attr(data-label);display:block;font-size:.8em;color:#555}
          table.cards td.actions{white-space:normal;display:flex;flex-wrap:wrap;gap:8px;padding-top:8px}
        }
        /* The printable report (PrintReportPage): district groups, subtotals, place and date, room to sign; a wide
           table prints on landscape A4 through the named page "wide". */
        .print-table th[scope=rowgroup]{text-align:left;background:#f2f2f2}
        .print-table tr.subtotal,.print-table tfoot tr{font-weight:bold}
        .print-table tr.subtotal th,.print-table tfoot th{text-align:left}
        .print-table tfoot tr{border-top:2px solid #000}
        .place-date{text-align:right;margin:16px 0 4px}
        .signatures{display:flex;justify-content:space-between;gap:24px;text-align:center}
        .signatures>div{flex:0 1 45%}
        .sign-space{height:25mm}
        @page wide{size:A4 landscape;margin:12mm}
        @media print{
          .print-report.wide{page:wide}
          .print-table{font-size:10pt;border-collapse:collapse;width:100%}
          .print-table th,.print-table td{border:1px solid #000;padding:2px 4px}
          .print-table tr,.signatures{break-inside:avoid;page-break-inside:avoid}
          .print-report .chart svg{max-height:70mm}
        }
        /* Today's board: a label beside its value keeps a card short (after table.cards, which it overrides). */
        @media (max-width:640px){table.today-units td[data-label]::before,table.today-districts td[data-label]::before{display:inline;margin-right:6px}}
        .slip{border:2px dashed #555;padding:16px;margin:16px 0;break-inside:avoid;page-break-inside:avoid}
        .slip h2{margin-top:0}
        .slip .secret{font:bold 1.5em/1.3 ui-monospace,monospace;letter-spacing:.08em}
        .slip dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}
        .slip dt{font-weight:bold}
        .slip dd{margin:0;word-break:break-all}
        @media (max-width:480px){.slip dl{grid-template-columns:1fr}.slip dd{margin-bottom:6px}}
        /* A report day's photos: thumbnails are the images scaled down, two across at 360 px. */
        .report-photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;padding:0;list-style:none}
        .report-photos img{display:block;width:100%;height:120px;object-fit:cover;border:1px solid #ccc;border-radius:4px}
        .quiet{color:#555}
        .report-reply{border-left:4px solid #7a0000;padding:4px 12px;margin:8px 0;background:#faf5f5}
        .report-reply p{margin:4px 0;white-space:pre-wrap}
        @media print{
          .adminbar,.adminnav,.noprint{display:none}
          .slip{border:1px solid #000;page-break-after:always;break-after:page;margin:0}
        }
        """
}
