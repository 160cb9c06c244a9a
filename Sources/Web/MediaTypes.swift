/// Content types by file extension, and which ones are worth compressing.
public enum MediaTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff2": "font/woff2", "woff": "font/woff", "xml": "application/xml; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "ics": "text/calendar; charset=utf-8", "webmanifest": "application/manifest+json",
    ]

    public static func forPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// Text formats compress well; images and fonts are already compressed.
    public static func isCompressible(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingASCIIWhitespace().lowercased() } ?? ""
        return type.hasPrefix("text/") || type == "application/json" || type == "image/svg+xml"
            || type == "application/xml" || type == "application/manifest+json" || type == "text/calendar"
    }
}

import HTTPCore
