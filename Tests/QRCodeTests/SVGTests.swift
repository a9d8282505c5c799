import Testing

@testable import QRCode

@Suite struct SVGTests {
    let matrix: QRMatrix

    init() throws {
        matrix = try QRCode.encode("https://qcdc.example.vn/q/07210")
    }

    @Test func isWellFormedWithViewBoxIncludingQuietZone() throws {
        let document = try SVGDocument(parsing: matrix.svg())
        let root = try #require(document.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 37 37", "29 modules + 4 quiet modules each side")
        #expect(root.attributes["width"] == "296")
        #expect(root.attributes["height"] == "296")
        #expect(root.attributes["shape-rendering"] == "crispEdges")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == nil)
        #expect(document.elements(named: "title").isEmpty)

        let background = try #require(document.elements(named: "rect").first)
        #expect(document.elements(named: "rect").count == 1)
        #expect(background.attributes["width"] == "37" && background.attributes["height"] == "37")
        #expect(background.attributes["x"] == nil && background.attributes["y"] == nil, "starts at the origin")
        #expect(background.attributes["fill"] == "#fff")
        #expect(document.elements(named: "path").count == 1)
        #expect(document.elements(named: "path").first?.attributes["fill"] == "#000")
    }

    @Test func pathCoversExactlyTheDarkModulesWithMergedRuns() throws {
        for quietZone in [0, 4] {
            let document = try SVGDocument(parsing: matrix.svg(moduleSize: 3, quietZone: quietZone))
            let path = try #require(document.elements(named: "path").first?.attributes["d"])
            let runs = try parseRuns(path)
            var painted = Set<[Int]>()
            for run in runs {
                for x in run.x..<(run.x + run.length) {
                    #expect(painted.insert([x - quietZone, run.y - quietZone]).inserted, "no module painted twice")
                }
            }
            var dark = Set<[Int]>()
            var expectedRuns = 0
            for y in 0..<matrix.size {
                for x in 0..<matrix.size where matrix.isDark(x: x, y: y) {
                    dark.insert([x, y])
                    if !matrix.isDark(x: x - 1, y: y) { expectedRuns += 1 }
                }
            }
            #expect(painted == dark)
            #expect(runs.count == expectedRuns, "one rectangle per maximal horizontal run")
            #expect(runs.count < dark.count, "runs are merged, not one rectangle per module")
        }
    }

    @Test func labelAndColoursAreEscaped() throws {
        let label = #"Mã QR <phường 7> & "khu phố" 'A'"#
        let svg = matrix.svg(foreground: #"#123"><script>"#, background: "#fafafa", label: label)
        #expect(!svg.contains("<script>"))
        let document = try SVGDocument(parsing: svg)
        #expect(document.elements.first?.attributes["aria-label"] == label)
        #expect(document.titleText == label)
        #expect(document.elements(named: "path").first?.attributes["fill"] == #"#123"><script>"#)
        #expect(document.elements(named: "rect").first?.attributes["fill"] == "#fafafa")
        #expect(document.elements(named: "script").isEmpty)
    }

    @Test func controlCharactersInTheLabelStillGiveWellFormedXML() throws {
        let svg = matrix.svg(label: "a\u{0}b\u{1B}c\td")
        let document = try SVGDocument(parsing: svg)
        #expect(document.titleText == "abc\td")
    }

    @Test func oddArgumentsAreClampedNotTrapped() throws {
        let tiny = try SVGDocument(parsing: matrix.svg(moduleSize: -5, quietZone: -2))
        #expect(tiny.elements.first?.attributes["viewBox"] == "0 0 29 29")
        #expect(tiny.elements.first?.attributes["width"] == "29")
        let huge = try SVGDocument(parsing: matrix.svg(moduleSize: Int.max, quietZone: Int.max))
        let side = 29 + 2 * QRMatrix.maximumQuietZone
        #expect(huge.elements.first?.attributes["viewBox"] == "0 0 \(side) \(side)")
        #expect(huge.elements.first?.attributes["width"] == "\(side * QRMatrix.maximumSVGModuleSize)")
    }

    private struct Run {
        let x: Int
        let y: Int
        let length: Int
    }

    private struct PathSyntaxError: Error {
        let remainder: Substring
    }

    /// Reads back the `M x y h n v1 h-n z` rectangles the renderer writes; anything else is an error.
    private func parseRuns(_ path: String) throws -> [Run] {
        var runs: [Run] = []
        var rest = path[...]
        func number() throws -> Int {
            let digits = rest.prefix { $0.isNumber }
            guard let value = Int(digits) else { throw PathSyntaxError(remainder: rest) }
            rest = rest.dropFirst(digits.count)
            return value
        }
        func expect(_ text: String) throws {
            guard rest.hasPrefix(text) else { throw PathSyntaxError(remainder: rest) }
            rest = rest.dropFirst(text.count)
        }
        while !rest.isEmpty {
            try expect("M")
            let x = try number()
            try expect(" ")
            let y = try number()
            try expect("h")
            let length = try number()
            try expect("v1h-")
            #expect(try number() == length, "rectangle closes on itself")
            try expect("z")
            runs.append(Run(x: x, y: y, length: length))
        }
        return runs
    }
}
