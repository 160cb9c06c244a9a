extension ICSCalendar {
    /// A social worker's feed: what they hold, plus the permanences where they are titulaire even
    /// when someone covers for them or they are cancelled, so their agenda shows what became of them.
    /// A suppléant only sees the occurrences they actually cover.
    public static func occurrences(forWorker workerID: String, in occurrences: [Occurrence]) -> [Occurrence] {
        occurrences.filter { $0.titulaireID == workerID || $0.holder.workerID == workerID }
    }

    /// A site's feed: everything it hosts, cancelled occurrences included.
    public static func occurrences(forSite siteID: String, in occurrences: [Occurrence]) -> [Occurrence] {
        occurrences.filter { $0.siteID == siteID }
    }
}
