import Foundation
import Testing
import Orientation

@Suite("Territorial referential (the real file)")
struct ReferentialTests {
    @Test("the shipped file loads and has the expected territory")
    func loads() throws {
        let referential = try Fixtures.referential()
        #expect(referential.circonscriptions.map(\.name) == ["Centre", "Sud", "Grand Parc", "Lac", "Saint-Michel"])
        let mds = referential.sites.filter { $0.kind == .mds }
        #expect(mds.count == 8)
        #expect(mds.filter { $0.period.contains(Fixtures.today) }.map(\.name).sorted()
                == ["MDS Bastide", "MDS Caudéran", "MDS Centre", "MDS Grand Parc", "MDS Lac", "MDS Saint-Jean", "MDS Saint-Michel"])
        #expect(referential.site(id: "mds-saint-augustin")?.validTo == day("2023-12-31"))
        #expect(referential.sites.filter { $0.kind == .antenna }.map(\.circonscription) == ["centre", "lac"])
        #expect(referential.site(id: "antenne-bacalan")?.parentSite == "mds-lac")
        #expect(referential.ccasSite.address.contains("4 rue Claude Bonnier"))
        #expect(referential.coverageStart == day("2022-10-01"))
        for kind in [SiteKind.franceServices, .animationCentre, .pmiReception] {
            #expect(referential.sites.contains { $0.kind == kind })
        }
        #expect(referential.site(id: "pmi-alsace-lorraine")?.address.hasPrefix("76 cours Alsace-Lorraine") == true)
    }

    @Test("every site carries the practical details an intake agent hands over")
    func siteDetails() throws {
        for site in try Fixtures.referential().sites {
            #expect(!site.address.isEmpty && !site.openingHours.isEmpty && !site.accessibility.isEmpty, "\(site.id)")
            // Placeholders are allowed only if the note says so.
            if site.address.contains("à confirmer") || site.phone == nil {
                #expect(site.note?.contains("confirmer") == true, "\(site.id) has unmarked placeholders")
            }
        }
    }

    @Test("the required sector keys exist, each with a French label", arguments: [
        "centre", "saint-augustin", "cauderan", "grand-parc", "lac", "bacalan", "saint-jean", "bastide", "saint-michel",
    ])
    func sectorKeys(key: String) throws {
        let sector = try #require(try Fixtures.referential().sector(key: key))
        #expect(!sector.label.isEmpty)
    }

    @Test("sector → MDS lookups follow the effective dates", arguments: [
        ("saint-augustin", "2022-10-01", "mds-saint-augustin"),
        ("saint-augustin", "2023-12-31", "mds-saint-augustin"),
        ("saint-augustin", "2024-01-01", "mds-centre"),
        ("bacalan", "2026-11-26", "mds-lac"),
        ("bastide", "2026-11-26", "mds-bastide"),
        ("cauderan", "2023-05-01", "mds-cauderan"),
    ])
    func lookups(sector: String, date: String, mds: String) throws {
        #expect(try Fixtures.referential().mds(forSector: sector, on: day(date)).id == mds)
    }

    @Test("sectors(on:) lists every sector inside the coverage, none before")
    func sectorsOn() throws {
        let referential = try Fixtures.referential()
        #expect(referential.sectors(on: day("2022-09-30")).isEmpty)
        #expect(referential.sectors(on: Fixtures.today).count == referential.sectors.count)
        #expect(referential.site(id: "nowhere") == nil)
        #expect(throws: OrientationError.self) { try referential.mds(forSector: "nowhere", on: Fixtures.today) }
    }
}
