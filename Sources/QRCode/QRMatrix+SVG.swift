extension QRMatrix {
    static let maximumSVGModuleSize = 1024
    /// Far above the 4 modules the standard asks for; a bound keeps image sizes predictable.
    static let maximumQuietZone = 64

    /// An SVG image of the symbol with a light quiet zone around it.
    ///
    /// Coordinates are in modules and a `viewBox` maps them to `moduleSize` pixels, so the image scales
    /// cleanly in CSS. Dark modules form one `<path>`, each horizontal run of dark modules one rectangle.
    /// `label` becomes `aria-label` and `<title>` for screen readers. All embedded text is escaped.
    /// `moduleSize` is clamped to 1...1024 pixels and `quietZone` to 0...64 modules.
    public func svg(
        moduleSize: Int = 8,
        quietZone: Int = 4,
        foreground: String = "#000",
        background: String = "#fff",
        label: String? = nil
    ) -> String {
        // Clamped rather than thrown: the SVG scales anyway, and the bounds keep the arithmetic from overflowing.
        let moduleSize = min(max(1, moduleSize), Self.maximumSVGModuleSize)
        let quietZone = min(max(0, quietZone), Self.maximumQuietZone)
        let side = size + 2 * quietZone
        let pixelSide = side * moduleSize

        var writer = MarkupWriter(capacity: 512 + size * size * 2)
        writer.append(#"<svg xmlns="http://www.w3.org/2000/svg" width=""#)
        writer.append(pixelSide)
        writer.append(#"" height=""#)
        writer.append(pixelSide)
        writer.append(#"" viewBox="0 0 "#)
        writer.append(side)
        writer.append(" ")
        writer.append(side)
        writer.append(#"" shape-rendering="crispEdges" role="img""#)
        if let label {
            writer.append(#" aria-label=""#)
            writer.appendEscaped(label)
            writer.append(#"">"#)
            writer.append("<title>")
            writer.appendEscaped(label)
            writer.append("</title>")
        } else {
            writer.append(">")
        }
        writer.append(#"<rect width=""#)
        writer.append(side)
        writer.append(#"" height=""#)
        writer.append(side)
        writer.append(#"" fill=""#)
        writer.appendEscaped(background)
        writer.append(#""/><path fill=""#)
        writer.appendEscaped(foreground)
        writer.append(#"" d=""#)
        appendDarkRuns(to: &writer, offset: quietZone)
        writer.append(#""/></svg>"#)
        return writer.string
    }

    /// One closed rectangle per horizontal run: `M x y h width v 1 h -width z`.
    private func appendDarkRuns(to writer: inout MarkupWriter, offset: Int) {
        for y in 0..<size {
            let row = y * size
            var x = 0
            while x < size {
                guard modules[row + x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, modules[row + x] { x += 1 }
                let length = x - start
                writer.append("M")
                writer.append(start + offset)
                writer.append(" ")
                writer.append(y + offset)
                writer.append("h")
                writer.append(length)
                writer.append("v1h-")
                writer.append(length)
                writer.append("z")
            }
        }
    }
}
