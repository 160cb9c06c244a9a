import HTTPCore

/// Every bound the server enforces, in one place. Times are in seconds.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 asks the system for a free port (tests); `HTTPServer.port` tells which one.
    public var port: Int = 8080
    public var limits = ParserLimits()
    /// Simultaneous connections; one more is answered 503 and closed instead of being served.
    public var maxConnections: Int = 512
    /// From the first byte of a request to the end of its head (slowloris defence) → 408, close.
    public var headerTimeout: Double = 10
    /// From the end of the head to the end of the body → 408, close.
    public var bodyTimeout: Double = 30
    /// An open keep-alive connection with no request in progress is closed after this.
    public var idleTimeout: Double = 15
    /// A client that stops reading its response (slow read) is cut off after this.
    public var writeTimeout: Double = 30
    /// After an error answer (413, 431, 400…) the client may still be sending: its bytes are read and
    /// dropped for this long (or `lingerBytes`) before closing, so that it reads the answer instead of a
    /// reset (closing a socket with unread data sends RST).
    public var lingerTimeout: Double = 2
    public var lingerBytes: Int = 1 << 20
    /// On shutdown, requests in flight get this long to finish before connections are cut.
    public var shutdownGracePeriod: Double = 10
    /// How often timeouts are checked; the precision of every timeout above.
    public var sweepInterval: Double = 0.5
    public var backlog: Int32 = 1024

    public init() {}
}
