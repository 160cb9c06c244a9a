// swift-tools-version:6.0
import PackageDescription

// Dependencies flow downwards only (see docs/architecture.md):
// accueil → AccueilWeb → AccueilCore → {SQLiteStore, Orientation, Planning} → CivilCalendar / C libraries;
// AccueilWeb alone also sees {Web, HTML, HTTPCore, OpenDocument}. AccueilCore cannot import the web modules: the compiler
// refuses it, because they are not among its dependencies.
let strict: [SwiftSetting] = []

let package = Package(
    name: "Accueil",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "accueil", targets: ["accueil"]),
    ],
    targets: [
        // System libraries (Debian: libsqlite3-dev, zlib1g-dev, libsodium-dev, libcurl4-openssl-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        // SMTP with STARTTLS and authentication, for the mails to partners (libcurl speaks it).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "HTTPCore", swiftSettings: strict),
        .target(name: "HTTPServer", dependencies: ["HTTPCore"], swiftSettings: strict),
        .target(name: "SQLiteStore", dependencies: ["CSQLite"], swiftSettings: strict),
        // One-shot deflate through zlib, for gzip answers and ZIP entries.
        .target(name: "Deflate", dependencies: ["CZlib"], swiftSettings: strict),
        .target(name: "Web", dependencies: ["HTTPCore", "CZlib", "Deflate"], swiftSettings: strict),
        .target(name: "HTML", swiftSettings: strict),
        // OpenDocument Text (.odt) files for download, zipped by hand through zlib.
        .target(name: "OpenDocument", dependencies: ["CZlib", "Deflate"], swiftSettings: strict),
        // Sending one mail through an SMTP relay (libcurl); the queue and its retries are AccueilCore's.
        .target(name: "Mail", dependencies: ["CCurl"], swiftSettings: strict),
        // Day arithmetic shared by Orientation and Planning (which stay independent of each other).
        .target(name: "CivilCalendar", swiftSettings: strict),
        .target(name: "Orientation", dependencies: ["CivilCalendar"], swiftSettings: strict),
        .target(name: "Planning", dependencies: ["CivilCalendar"], swiftSettings: strict),
        // Records, repositories, services, statistics, data protection, backup, audit, time: no HTTP.
        .target(
            name: "AccueilCore",
            dependencies: ["SQLiteStore", "Orientation", "Planning", "CivilCalendar", "CSodium"],
            swiftSettings: strict),
        // Routes, pages, forms, layout, sessions, CSRF, error pages and the `Application` that joins them.
        .target(
            name: "AccueilWeb",
            dependencies: ["AccueilCore", "HTTPCore", "Web", "HTML", "SQLiteStore", "Orientation", "Planning", "OpenDocument"],
            swiftSettings: strict),
        .executableTarget(
            name: "accueil",
            dependencies: ["AccueilCore", "AccueilWeb", "HTTPCore", "HTTPServer", "SQLiteStore", "Orientation", "Mail"],
            swiftSettings: strict),

        // Shared by the test targets only: a raw-socket HTTP client.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPCore", "TestSupport"]),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTPCore", "HTTPServer"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"]),
        .testTarget(name: "OrientationTests", dependencies: ["Orientation", "TestSupport"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning"]),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"]),
        .testTarget(
            name: "AccueilTests",
            dependencies: ["AccueilCore", "AccueilWeb", "HTTPCore", "HTTPServer", "Web", "HTML", "SQLiteStore", "Orientation", "Planning", "TestSupport", "OpenDocument"]),
    ]
)
