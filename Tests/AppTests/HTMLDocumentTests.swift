import Testing

/// The test target's HTML reader on the awkward inputs a page can hold: bare and unquoted attributes, entities,
/// void elements, raw script text, comments, inline tags in cells, implied ends.
@Suite struct HTMLDocumentTests {
    @Test func attributesWithAndWithoutQuotes() {
        let page = HTMLDocument(
            """
            <!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>Tiêu đề &amp; phụ</title>
            <link rel="stylesheet" href='/site.css'></head><body>
            <input type=number name=visitors min=0 max="100000" required value='1&#39;2'>
            <p CLASS="a  b" data-x = "y">Hết</p></body></html>
            """)
        #expect(page.title == "Tiêu đề & phụ")
        #expect(page.elements(tag: "html").first?["lang"] == "vi")
        #expect(page.elements(tag: "meta").first?["charset"] == "utf-8")
        #expect(page.elements(tag: "link").first?["href"] == "/site.css")
        let input = page.elements(tag: "input").first
        #expect(input?["type"] == "number")
        #expect(input?["max"] == "100000")
        #expect(input?["required"] == "", "a bare attribute is present with an empty value")
        #expect(input?["value"] == "1'2")
        #expect(input?.childElements.isEmpty == true, "a void element holds nothing")
        let paragraph = page.elements(class: "b").first
        #expect(paragraph?.tag == "p")
        #expect(paragraph?["data-x"] == "y")
        #expect(paragraph?.text == "Hết")
    }

    @Test func entitiesInTextAndAttributes() {
        let page = HTMLDocument(
            """
            <p title="&quot;a&quot; &lt;b&gt;">x &amp;&amp; y &lt; z &gt; w &quot;q&quot; &#39;s&#39; &#7843; &#x1EA1; \
            &nbsp;| &unknown; & alone</p><a href="/d?sort=code&amp;page=2">Trang</a>
            """)
        let paragraph = page.elements(tag: "p").first
        #expect(paragraph?["title"] == "\"a\" <b>")
        #expect(paragraph?.rawText == "x && y < z > w \"q\" 's' ả ạ \u{A0}| &unknown; & alone")
        #expect(page.links == [HTMLLink(href: "/d?sort=code&page=2", text: "Trang")])
    }

    @Test func scriptStyleAndCommentsAreNotMarkup() {
        let page = HTMLDocument(
            """
            <head><style>td > a { color: red }</style><script>if (a < b && c) { x = "</p>" }</script></head>
            <body><!-- <p>hidden</p> --><p>shown</p><textarea name=t>&lt;b&gt; <i>not a tag</i></textarea></body>
            """)
        #expect(page.texts(of: "p") == ["shown"])
        #expect(page.elements(tag: "style").first?.rawText == "td > a { color: red }")
        #expect(page.elements(tag: "script").first?.rawText == "if (a < b && c) { x = \"</p>\" }")
        #expect(page.elements(tag: "i").isEmpty)
        #expect(page.forms.isEmpty)
        #expect(HTMLField(page.elements(tag: "textarea")[0]).value == "<b> <i>not a tag</i>")
    }

    @Test func tablesReadByHeaderWithInlineTagsInCells() throws {
        let page = HTMLDocument(
            """
            <table class="other"><tr><th>X</th></tr><tr><td>1</td></tr></table>
            <table class="units"><thead><tr><th><a href="/d?sort=code">Mã</a></th><th aria-sort="ascending">Đơn vị</th>
            <th>Hài lòng</th></tr></thead>
            <tbody><tr class="s-vuot"><td>07243</td><td><a href="/u/1"><strong>Xã</strong>   Bố Hạ</a>
            </td><td>100,0%</td></tr>
            <tr class="s-thieu"><td>07204<td>Phường <em>Thọ</em> Xương<td>–</tbody>
            <tfoot><tr><td></td><td>Cộng</td><td>50,0%</td></tr></tfoot></table>
            """)
        #expect(page.tables.count == 2)
        #expect(page.table(class: "other")?.headers == ["X"], "a header row without thead")
        #expect(page.table(class: "other")?.column("X") == ["1"])
        let table = try #require(page.table(withHeader: "Hài lòng"))
        #expect(table.element.hasClass("units"))
        #expect(table.headers == ["Mã", "Đơn vị", "Hài lòng"])
        #expect(table.headerCell("Mã")?.links.first?.href == "/d?sort=code")
        #expect(table.headerCell("Đơn vị")?["aria-sort"] == "ascending")
        #expect(table.rows.count == 2, "cells and rows end where the next one starts; totals are apart")
        #expect(table.footer.map(\.texts) == [["", "Cộng", "50,0%"]])
        #expect(table.rows[0]["Đơn vị"] == "Xã Bố Hạ")
        #expect(table.rows[0].cell("Đơn vị")?.links.first?.href == "/u/1")
        #expect(table.rows[0].classes == ["s-vuot"])
        #expect(table.rows[1].texts == ["07204", "Phường Thọ Xương", "–"])
        #expect(table.column("Hài lòng") == ["100,0%", "–"])
        #expect(table.column("Không có") == nil)
        #expect(table.row(where: "Mã", is: "07204")?["Hài lòng"] == "–")
        #expect(page.table(withHeader: "Không có") == nil)
    }

    @Test func formsByActionWithTheirFields() throws {
        let page = HTMLDocument(
            """
            <form method="get" action="/d#don-vi"><input type="search" name="q" value="ngo"></form>
            <form method=POST action="/r" novalidate><input type="hidden" name="csrf" value="abc">
            <p><label for="visitors"><strong>Số người</strong></label><p class="error" id="e-visitors">Sai số.</p>
            <input id="visitors" type="number" name="visitors" min="0" max="9" value="" required></p>
            <p><label>Huyện <select name="district"><option value="">Tất cả<option value="213" selected>TP
            </select></label></p>
            <label><input type="checkbox" name="publicity" value="loa" checked> Loa</label>
            <label><input type="checkbox" name="publicity" value="web"> Web</label>
            <textarea name="notes">
            Dòng một</textarea><button type="submit">Gửi</button></form>
            """)
        #expect(page.forms.count == 2)
        #expect(page.form(action: "/d")?.method == "get", "the fragment is not part of the target")
        #expect(page.form(action: "/d")?.field("q")?.type == "search")
        let form = try #require(page.form(action: "/r"))
        #expect(form.method == "post")
        #expect(form.names == ["csrf", "visitors", "district", "publicity", "publicity", "notes"])
        #expect(form.field("csrf")?.type == "hidden")
        #expect(page.hiddenField("csrf") == "abc")
        #expect(page.hiddenField("visitors") == nil, "only hidden inputs")
        let visitors = try #require(form.field("visitors"))
        #expect(visitors.isRequired && visitors.min == "0" && visitors.max == "9" && visitors.value == "")
        #expect(form.error(for: "visitors") == "Sai số.", "the message sits by the field's label")
        #expect(form.error(for: "district") == nil)
        let described = HTMLDocument(
            """
            <form><span class="error" id="e-b">Sai b.</span><input name="a" aria-describedby="x e-a">\
            <input name="b" aria-describedby="e-b"><p class="error" id="e-a">Sai a.</p></form>
            """
        ).forms[0]
        #expect(described.error(for: "a") == "Sai a.", "aria-describedby names the message wherever it is")
        #expect(described.error(for: "b") == "Sai b.")
        let district = try #require(form.field("district"))
        #expect(district.type == "select")
        #expect(district.options.map(\.value) == ["", "213"])
        #expect(district.options.map(\.text) == ["Tất cả", "TP"])
        #expect(district.value == "213")
        #expect(form.fields(named: "publicity").filter(\.isChecked).map(\.value) == ["loa"])
        #expect(form.field("notes")?.value == "Dòng một", "a textarea's leading newline is not its value")
    }

    @Test func headingsLinksAndBrokenMarkup() {
        let page = HTMLDocument(
            """
            <h1>Phường <b>A</b></h1><h2>Phiếu</h2><ul class="links"><li><a href="/s/1/07210"><strong>PKS02</strong><br>\
            <span class="note">Đợt 1</span></a><li><a href=/g/07210 rel=next>Góp ý</a></ul>
            <h2>Hòm thư</h2></span></div><p>a<p>b<div>c</div> 1 < 2
            """)
        #expect(page.headings() == ["Phường A", "Phiếu", "Hòm thư"])
        #expect(page.headings(2) == ["Phiếu", "Hòm thư"])
        #expect(
            page.links == [
                HTMLLink(href: "/s/1/07210", text: "PKS02 Đợt 1"),
                HTMLLink(href: "/g/07210", text: "Góp ý", rel: "next"),
            ])
        #expect(page.elements(tag: "ul").first?.elements(tag: "li").count == 2)
        #expect(page.texts(of: "p") == ["a", "b"], "a paragraph ends where a block starts; stray end tags are ignored")
        #expect(page.text.hasSuffix("c 1 < 2"))
        #expect(page.link(text: "Góp ý")?.href == "/g/07210")
    }
}
