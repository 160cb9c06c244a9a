/// The checks that make a `TerritorialReferential` trustworthy, kept apart from the lookups.
enum ReferentialValidator {
    struct Result {
        let sectors: [Sector]
        let coverageStart: LocalDate
        let ccasSite: Site
    }

    static func validate(_ document: ReferentialDocument) throws(ReferentialError) -> Result {
        try checkUnique(document.circonscriptions.map(\.id))
        try checkUnique(document.sites.map(\.id))
        try checkUnique(document.sectors.map(\.key))
        for circonscription in document.circonscriptions where !circonscription.period.isWellFormed {
            throw .invalidPeriod(id: circonscription.id)
        }
        let sites = Dictionary(uniqueKeysWithValues: document.sites.map { ($0.id, $0) })
        let circonscriptionIDs = Set(document.circonscriptions.map(\.id))
        for site in document.sites {
            try checkSite(site, sites: sites, circonscriptionIDs: circonscriptionIDs)
        }
        let ccasSites = document.sites.filter { $0.kind == .ccas }
        guard ccasSites.count == 1, let ccasSite = ccasSites.first else {
            throw .ccasSiteCount(ccasSites.count)
        }
        let sorted = document.sectors.map { sector in
            Sector(key: sector.key, label: sector.label,
                   assignments: sector.assignments.sorted { $0.validFrom < $1.validFrom })
        }
        let starts = sorted.compactMap { $0.assignments.first?.validFrom }
        guard let coverageStart = starts.min() else { throw .noSectors }
        for sector in sorted {
            try checkSector(sector, coverageStart: coverageStart, sites: sites)
        }
        return Result(sectors: sorted, coverageStart: coverageStart, ccasSite: ccasSite)
    }

    private static func checkUnique(_ ids: [String]) throws(ReferentialError) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw .duplicateID(id)
        }
    }

    private static func checkSite(
        _ site: Site, sites: [String: Site], circonscriptionIDs: Set<String>
    ) throws(ReferentialError) {
        guard site.period.isWellFormed else { throw .invalidPeriod(id: site.id) }
        if let circonscription = site.circonscription {
            guard circonscriptionIDs.contains(circonscription) else {
                throw .unknownCirconscription(site: site.id, circonscription: circonscription)
            }
        } else if site.kind == .mds || site.kind == .antenna {
            // The decision names the circonscription of the MDS; it must be there.
            throw .missingCirconscription(site: site.id)
        }
        if let parent = site.parentSite, sites[parent]?.kind != .mds {
            throw .unknownParentSite(site: site.id, parent: parent)
        }
    }

    /// A sector's periods must tile [coverageStart, ∞) exactly: no overlap (two MDS at once would
    /// make the decision ambiguous), no gap (no MDS at all), each pointing at an MDS open
    /// throughout the period.
    private static func checkSector(
        _ sector: Sector, coverageStart: LocalDate, sites: [String: Site]
    ) throws(ReferentialError) {
        guard let first = sector.assignments.first else { throw .emptySector(sector.key) }
        guard first.validFrom == coverageStart else {
            throw .coverageGap(sector: sector.key, from: coverageStart)
        }
        var expectedStart: LocalDate? = coverageStart
        for assignment in sector.assignments {
            guard assignment.period.isWellFormed else { throw .invalidPeriod(id: sector.key) }
            guard let start = expectedStart else {
                // The previous period never ends, yet another one follows.
                throw .overlappingPeriods(sector: sector.key, on: assignment.validFrom)
            }
            if assignment.validFrom < start {
                throw .overlappingPeriods(sector: sector.key, on: assignment.validFrom)
            }
            if assignment.validFrom > start {
                throw .coverageGap(sector: sector.key, from: start)
            }
            guard let site = sites[assignment.mds] else {
                throw .unknownMDS(sector: sector.key, mds: assignment.mds)
            }
            guard site.kind == .mds else { throw .notAnMDS(sector: sector.key, site: site.id) }
            guard site.period.covers(assignment.period) else {
                throw .mdsClosed(sector: sector.key, mds: site.id)
            }
            expectedStart = assignment.validTo?.adding(days: 1)
        }
        if let start = expectedStart {
            throw .coverageGap(sector: sector.key, from: start)
        }
    }
}
