// swift-tools-version:6.0
import PackageDescription

// Arrows point one way: C shims <- HTTP <- Server / Web; CSQLite, Crypto <- Database; Survey is pure.
// Store is the data side (stores, SQL, rules, read models): it never sees HTTP or Web. App is the web side
// (routes, views, middleware) over Store, and holds no SQL. Only the `qcdc` executable wires App to Server. The
// benchmark data generator (BenchData, `qcdc-bench-data`) sits beside App and is not part of `qcdc`.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("NonisolatedNonsendingByDefault")]

let package = Package(
    name: "qcdc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qcdc", targets: ["qcdc"]),
        .executable(name: "qcdc-bench-data", targets: ["qcdc-bench-data"]),
        .executable(name: "qcdc-simulate", targets: ["qcdc-simulate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `/metrics`: Prometheus's text format from swift-prometheus's registry (it brings swift-metrics' CoreMetrics
        // and swift-atomics, no SwiftNIO).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C libraries and shims.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "CPNG", linkerSettings: [.linkedLibrary("png16")]),
        .target(name: "CLinux"),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Pure layers.
        .target(name: "HTTP", swiftSettings: strict),
        .target(name: "HTML", swiftSettings: strict),
        .target(name: "Survey", swiftSettings: strict),
        .target(name: "Crypto", dependencies: ["CSodium"], swiftSettings: strict),

        // Layers over C.
        .target(name: "Server", dependencies: ["HTTP", "CLinux"], swiftSettings: strict),
        .target(name: "Web", dependencies: ["HTTP", "HTML", "CZlib"], swiftSettings: strict),
        .target(name: "Database", dependencies: ["CSQLite", "CLinux", "Crypto"], swiftSettings: strict),
        .target(name: "QRCode", dependencies: ["CQRencode", "CPNG"], swiftSettings: strict),
        // Uploaded documents: content sniffing, harmless names, the content-addressed store, and the receiver
        // that turns a multipart body into a stored file (HTTP for the parser, Crypto for SHA-256).
        .target(name: "Uploads", dependencies: ["HTTP", "Crypto"], swiftSettings: strict),

        // The application: its data side, its web side, and its command line.
        .target(name: "Store", dependencies: ["Database", "Survey", "Crypto", "HTML"], swiftSettings: strict),
        .target(
            name: "App",
            dependencies: [
                "Store", "HTTP", "Web", "HTML", "Database", "QRCode", "Survey", "Crypto", "Uploads",
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "qcdc",
            dependencies: [
                "App", "Store", "Server", "Database", "HTTP", "Survey", "Crypto", "Web", "Uploads",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // Benchmark tooling, outside the production binary.
        .target(name: "BenchData", dependencies: ["Store", "Database", "Survey", "Crypto"], swiftSettings: strict),
        .executableTarget(
            name: "qcdc-bench-data",
            dependencies: [
                "BenchData", "Store", "Database", "Survey",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The honest-answers simulation (issue 11's proof), also outside the production binary.
        .target(
            name: "Simulation", dependencies: ["BenchData", "Store", "Database", "Survey", "Crypto", "Web"],
            swiftSettings: strict),
        .executableTarget(
            name: "qcdc-simulate",
            dependencies: [
                "Simulation", "Store", "Database",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        .testTarget(name: "HTTPTests", dependencies: ["HTTP"], swiftSettings: strict),
        .testTarget(name: "ServerTests", dependencies: ["Server", "HTTP"], swiftSettings: strict),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTP", "HTML"], swiftSettings: strict),
        .testTarget(name: "DatabaseTests", dependencies: ["Database", "Crypto"], swiftSettings: strict),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: strict),
        // Store only for its ZIP writer, to build real DOCX-shaped fixtures.
        .testTarget(name: "UploadsTests", dependencies: ["Uploads", "HTTP", "Crypto", "Store"], swiftSettings: strict),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: strict),
        .testTarget(name: "SurveyTests", dependencies: ["Survey"], swiftSettings: strict),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Store", "Server", "Database", "HTTP", "Web", "HTML", "Survey", "Crypto", "Uploads"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BenchDataTests", dependencies: ["BenchData", "Store", "Database", "Survey"],
            swiftSettings: strict),
        .testTarget(
            name: "SimulationTests", dependencies: ["Simulation", "BenchData", "Store", "Database", "Survey"],
            swiftSettings: strict),
    ]
)
