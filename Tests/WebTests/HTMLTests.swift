import HTML
import Testing

@Test func textEscapesEverySpecialCharacter() {
    let text = "a & b < c > d \" e ' f"
    let html: HTML = "<p>\(text)</p>"
    #expect(html.rendered == "<p>a &amp; b &lt; c &gt; d &quot; e &#39; f</p>")
    #expect(HTML(text: "&&").rendered == "&amp;&amp;")
}

@Test func nestedFragmentsAreNotEscapedTwice() {
    let name = "Tom & Jerry"
    let cell: HTML = "<td>\(name)</td>"
    let row: HTML = "<tr>\(cell)</tr>"
    let table: HTML = "<table>\(row)</table>"
    #expect(table.rendered == "<table><tr><td>Tom &amp; Jerry</td></tr></table>")
}

@Test func scriptInUserTextComesOutInert() {
    let comment = "<script>alert('x')</script>"
    let html: HTML = "<div>\(comment)</div>"
    #expect(!html.rendered.contains("<script"))
    #expect(html.rendered == "<div>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</div>")
}

@Test func attributeInjectionIsNeutralised() {
    let hostile = "\" onmouseover=\"alert(1)"
    let single = "' autofocus onfocus='alert(1)"
    let html: HTML = "<input value=\"\(hostile)\"><input value='\(single)'>"
    #expect(
        html.rendered
            == "<input value=\"&quot; onmouseover=&quot;alert(1)\"><input value='&#39; autofocus onfocus=&#39;alert(1)'>"
    )
    // Exactly the quotes we wrote remain; none came from the user.
    #expect(html.rendered.filter { $0 == "\"" }.count == 2)
    #expect(html.rendered.filter { $0 == "'" }.count == 2)
}

@Test func vietnameseTextIsUntouched() {
    let commune = "Phường Phúc Xá, Quận Ba Đình — Hà Nội"
    let html: HTML = "<h1>\(commune)</h1>"
    #expect(html.rendered == "<h1>\(commune)</h1>")
    #expect(html.bytes == Array("<h1>Phường Phúc Xá, Quận Ba Đình — Hà Nội</h1>".utf8))
}

@Test func numbersSequencesAndJoining() {
    let items: [HTML] = ["<li>\("a<b")</li>", "<li>\(2)</li>", "<li>\(2.5)</li>"]
    let list: HTML = "<ul>\(items)</ul>"
    #expect(list.rendered == "<ul><li>a&lt;b</li><li>2</li><li>2.5</li></ul>")
    let joined: HTML = "\(items, separator: "<br>")"
    #expect(joined.rendered == "<li>a&lt;b</li><br><li>2</li><br><li>2.5</li>")
    #expect(HTML.join(["x", "y"], separator: ", ").rendered == "x, y")
    #expect(HTML.join([HTML]()).isEmpty)
    #expect(HTML.empty.rendered.isEmpty)
}

@Test func rawMarkupOnlyThroughTheExplicitDoor() {
    let svg = HTML(unsafeRaw: "<svg><rect/></svg>")
    let page: HTML = "<div>\(svg)</div>"
    #expect(page.rendered == "<div><svg><rect/></svg></div>")
    var built = HTML.empty
    built.append(text: "<b>")
    built += "<i>"
    #expect(built.rendered == "&lt;b&gt;<i>")
}

@Test func substringsEscapeLikeStrings() {
    let text = "x<y>z"
    let slice = text.dropFirst()
    let html: HTML = "\(slice)"
    #expect(html.rendered == "&lt;y&gt;z")
}

@Test func largePageKeepsEveryRowEscaped() {
    // 200 rows of user text, as a dashboard table would have; speed is measured by `make bench`, not here.
    let rows = (0..<200).map { index -> HTML in "<tr><td>\(index)</td><td>\("Xã <\(index)> & Đông")</td></tr>" }
    let page: HTML = "<table>\(rows)</table>"
    #expect(page.rendered.hasPrefix("<table><tr><td>0</td><td>Xã &lt;0&gt; &amp; Đông</td></tr>"))
    #expect(page.rendered.hasSuffix("<tr><td>199</td><td>Xã &lt;199&gt; &amp; Đông</td></tr></table>"))
    #expect(!page.rendered.contains("<199>"))
}
