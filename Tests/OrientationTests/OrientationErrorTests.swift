import Testing
import Orientation

@Suite("Orientation errors")
struct OrientationErrorTests {
    @Test("an unknown sector is an error, whatever the service", arguments: [
        Household(adults: 1, children: [child("2020-01-01")], sector: "atlantis"),
        Household(adults: 2, sector: "atlantis"),
        Household(adults: 2, sector: ""),
        Household(adults: 2, sector: "Bastide"),
    ])
    func unknownSector(household: Household) throws {
        let referential = try Fixtures.referential()
        do {
            _ = try orient(household, on: Fixtures.today, referential: referential)
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "sector")
            guard case .unknownSector(let key, let known) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(key == household.sector)
            #expect(known.contains("bastide"))
            #expect(error.message.contains("Secteur inconnu"))
        }
    }

    @Test("invalid households are refused with the field at fault", arguments: [
        (Household(adults: 0), "adults"),
        (Household(adults: 13), "adults"),
        (Household(adults: 1, children: Array(repeating: child("2020-01-01"), count: 21)), "children"),
        (Household(adults: 1, age: -1), "age"),
        (Household(adults: 1, age: 131), "age"),
        (Household(adults: 1, children: [child("2020-01-01"), child("2027-01-01")]), "children[1].birthDate"),
    ])
    func invalid(household: Household, field: String) throws {
        let referential = try Fixtures.referential()
        do {
            _ = try orient(household, on: Fixtures.today, referential: referential)
            Issue.record("expected an error")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test("a date before the referential starts is an error")
    func outsideReferential() throws {
        let referential = try Fixtures.referential()
        #expect(throws: OrientationError.dateOutsideReferential(day("2022-09-30"), coverageStart: day("2022-10-01"))) {
            try orient(Household(adults: 1), on: day("2022-09-30"), referential: referential)
        }
        #expect(throws: Never.self) {
            try orient(Household(adults: 1), on: day("2022-10-01"), referential: referential)
        }
    }
}
