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
        #expect(referential.ccasSite.address?.contains("4 rue Claude Bonnier") == true)
        #expect(referential.coverageStart == day("2022-10-01"))
        for kind in [SiteKind.franceServices, .animationCentre, .pmiReception] {
            #expect(referential.sites.contains { $0.kind == kind })
        }
        #expect(referential.site(id: "pmi-alsace-lorraine")?.address?.hasPrefix("76 cours Alsace-Lorraine") == true)
    }

    @Test("no site detail is invented: each address cites its passage, the rest stays empty until sourced")
    func siteDetails() throws {
        let referential = try Fixtures.referential()
        for site in referential.sites {
            for value in [site.address, site.phone, site.openingHours, site.accessibility].compactMap({ $0 }) {
                #expect(!value.contains("confirmer") && !value.contains("indicati"), "\(site.id) holds a placeholder: \(value)")
            }
            #expect((site.address == nil) == (site.addressSource == nil), "\(site.id): an address needs its source")
            #expect(site.openingHours == nil && site.phone == nil, "\(site.id): the convention gives no hours or phone")
        }
        // Every address the convention itself gives is there, with the passage it comes from.
        let sourced = ["ccas-cite-municipale": "4 rue Claude Bonnier", "pmi-alsace-lorraine": "76 cours Alsace-Lorraine",
                       "mds-centre": "Tour Aquitaine, rue Corps Franc Pommiès", "antenne-trois-conils": "Rue des Trois-Conils"]
        for (id, address) in sourced {
            let site = try #require(referential.site(id: id))
            #expect(site.address?.contains(address) == true, "\(id)")
            #expect(site.addressSource?.hasPrefix("Convention 2023") == true, "\(id)")
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
