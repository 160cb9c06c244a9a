import Testing

@testable import Planning

@Suite("Conflict detection")
struct ConflictDetectorTests {
    let directory = PlanningDirectory(
        workers: [
            SocialWorker(id: "a", displayName: "Alice Exemple", institution: .departement, circonscriptionID: "lac"),
            SocialWorker(id: "b", displayName: "Bruno Fictif", institution: .departement, circonscriptionID: "lac"),
            SocialWorker(id: "c", displayName: "Chloé Modèle", institution: .ccas),
        ],
        sites: [
            PlanningSite(id: "cite", name: "Cité Municipale", kind: .ccas),
            PlanningSite(id: "mds-lac", name: "MDS Lac", kind: .mds),
            PlanningSite(id: "france-services-aubiers", name: "Maison France Services Les Aubiers", kind: .franceServices),
        ],
        circonscriptions: [Circonscription(id: "lac", name: "Lac"), Circonscription(id: "sud", name: "Sud")])

    /// A week without public holidays.
    let week = date("2026-01-12")...date("2026-01-16")

    var detector: ConflictDetector { ConflictDetector(directory: directory, ccasSiteID: "cite", circonscriptionIDs: ["lac"]) }

    func cite(_ id: String, _ weekday: Weekday, circonscription: String = "lac", titulaire: String = "a", suppleant: String? = "b") -> Permanence {
        Permanence(
            id: id, hostSiteID: "cite", sendingInstitution: .departement, circonscriptionID: circonscription,
            weekday: weekday, halfDay: .afternoon, validFrom: date("2026-01-01"),
            titulaireID: titulaire, suppleantID: suppleant, mode: .open(softCapacity: 6))
    }

    func aubiers(titulaire: String = "b", suppleant: String? = "a", start: String = "14:00", end: String = "16:00") -> Permanence {
        Permanence(
            id: "aubiers", hostSiteID: "france-services-aubiers", sendingInstitution: .departement, circonscriptionID: "lac",
            weekday: .thursday, halfDay: .afternoon, start: time(start), end: time(end), validFrom: date("2026-01-01"),
            titulaireID: titulaire, suppleantID: suppleant, mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1))
    }

    func run(_ permanences: [Permanence], absences: [Absence] = [], bookings: [Booking] = [],
             detector: ConflictDetector? = nil) -> [PlanningConflict] {
        let expanded = occurrences(of: permanences, from: week.lowerBound, to: week.upperBound, absences: absences)
        return (detector ?? self.detector).conflicts(in: week, permanences: permanences, occurrences: expanded, bookings: bookings)
    }

    @Test func cleanPlanningHasNoConflict() {
        #expect(run([cite("lac-cite", .thursday), aubiers(titulaire: "b", suppleant: "c")]).isEmpty)
    }

    @Test func workerInTwoPlacesAtOnce() throws {
        let conflicts = run([cite("lac-cite", .thursday), aubiers(titulaire: "a", suppleant: "b")])
        let conflict = try #require(conflicts.first)
        #expect(conflicts.count == 1)
        #expect(conflict.kind == .workerInTwoPlaces(workerID: "a", date: date("2026-01-15"),
                                                    occurrenceIDs: ["lac-cite-20260115", "aubiers-20260115"]))
        #expect(conflict.message == "Alice Exemple est prévu·e à deux endroits le jeudi 15 janvier 2026 : "
                + "Cité Municipale (13h30–17h) et Maison France Services Les Aubiers (14h–16h).")
    }

    @Test func substitutionCanCreateTheConflict() {
        // B covers A at the Cité while B is titulaire at Les Aubiers the same afternoon.
        let absences = [Absence(workerID: "a", dates: date("2026-01-15")...date("2026-01-15"))]
        let conflicts = run([cite("lac-cite", .thursday), aubiers(titulaire: "b", suppleant: "c")], absences: absences)
        #expect(conflicts.map(\.kind) == [.workerInTwoPlaces(workerID: "b", date: date("2026-01-15"),
                                                              occurrenceIDs: ["lac-cite-20260115", "aubiers-20260115"])])
    }

    @Test func substitutionCanAlsoResolveIt() {
        // A is double-booked on paper but away that day: the suppléants hold both, nobody twice.
        let absences = [Absence(workerID: "a", dates: date("2026-01-15")...date("2026-01-15"))]
        let conflicts = run([cite("lac-cite", .thursday, titulaire: "a", suppleant: "b"), aubiers(titulaire: "a", suppleant: "c")],
                            absences: absences)
        #expect(conflicts.isEmpty)
    }

    @Test(arguments: [("17:00", "18:00", false), ("16:59", "18:00", true), ("12:00", "13:30", false), ("12:00", "13:31", true)])
    func touchingTimesDoNotOverlap(start: String, end: String, conflict: Bool) {
        let conflicts = run([cite("lac-cite", .thursday), aubiers(titulaire: "a", suppleant: "b", start: start, end: end)])
        #expect(!conflicts.isEmpty == conflict)
    }

    @Test(arguments: [nil, "", "a"] as [String?])
    func permanenceWithoutSuppleant(suppleant: String?) {
        let conflicts = run([cite("lac-cite", .thursday, suppleant: suppleant)])
        #expect(conflicts.map(\.kind) == [.missingSuppleant(permanenceID: "lac-cite")])
        #expect(conflicts.first?.message == "La permanence du jeudi après-midi à Cité Municipale (titulaire : Alice Exemple) n'a pas de suppléant·e.")
    }

    @Test func expiredPermanenceWithoutSuppleantIsNotReported() {
        var old = cite("old", .thursday, suppleant: nil)
        old.validTo = date("2025-12-31")
        #expect(run([cite("lac-cite", .thursday), old]).isEmpty)
    }

    @Test func circonscriptionWithoutAfternoonAtTheCite() {
        let detector = ConflictDetector(directory: directory, ccasSiteID: "cite", circonscriptionIDs: ["lac", "sud"])
        let conflicts = run([cite("lac-cite", .thursday)], detector: detector)
        #expect(conflicts.map(\.kind) == [.circonscriptionWithoutAfternoon(circonscriptionID: "sud", week: date("2026-01-12").isoWeek)])
        #expect(conflicts.first?.message == "La circonscription Sud n'a aucun après-midi à Cité Municipale la semaine du lundi 12 janvier 2026.")
    }

    @Test func aMorningOrAnotherSiteDoesNotCountAsTheAfternoon() {
        var morning = cite("lac-cite", .thursday)
        morning.halfDay = .morning
        #expect(run([morning]).map(\.kind) == [.circonscriptionWithoutAfternoon(circonscriptionID: "lac", week: week.lowerBound.isoWeek)])
        var elsewhere = cite("lac-cite", .thursday)
        elsewhere.hostSiteID = "mds-lac"
        #expect(run([elsewhere]).count == 1)
    }

    @Test func aCancelledAfternoonLeavesTheCirconscriptionAbsent() {
        let absences = [Absence(workerID: "a", dates: week), Absence(workerID: "b", dates: week)]
        let kinds = run([cite("lac-cite", .thursday)], absences: absences).map(\.kind)
        #expect(kinds == [.circonscriptionWithoutAfternoon(circonscriptionID: "lac", week: week.lowerBound.isoWeek)])
    }

    @Test func onlyWholeWeeksInThePeriodAreChecked() {
        // Wednesday to the next Tuesday: no whole Monday–Friday inside, so no weekly check.
        let period = date("2026-01-14")...date("2026-01-20")
        let expanded = occurrences(of: [], from: period.lowerBound, to: period.upperBound)
        #expect(detector.conflicts(in: period, permanences: [], occurrences: expanded).isEmpty)
        let twoWeeks = date("2026-01-12")...date("2026-01-25")
        #expect(detector.conflicts(in: twoWeeks, permanences: [], occurrences: []).count == 2)
    }

    @Test func slotOverbooked() {
        let bookings = ["P-1", "P-2"].map { Booking(occurrenceID: "aubiers-20260115", slotStart: time("14:30"), personReference: $0) }
        let conflicts = run([cite("lac-cite", .thursday), aubiers(titulaire: "b", suppleant: "c")], bookings: bookings)
        #expect(conflicts.map(\.kind) == [.slotOverbooked(occurrenceID: "aubiers-20260115", slotStart: time("14:30"), booked: 2, capacity: 1)])
        #expect(conflicts.first?.message == "Le créneau de 14h30 du jeudi 15 janvier 2026 à Maison France Services Les Aubiers compte 2 rendez-vous pour 1 place.")
    }

    @Test func bookingsAtCapacityOrInASoftSessionAreNotOverbooked() {
        let atCapacity = Booking(occurrenceID: "aubiers-20260115", slotStart: time("14:30"), personReference: "P-1")
        let walkIns = (1...9).map { Booking(occurrenceID: "lac-cite-20260115", slotStart: time("13:30"), personReference: "W-\($0)") }
        #expect(run([cite("lac-cite", .thursday), aubiers(titulaire: "b", suppleant: "c")], bookings: [atCapacity] + walkIns).isEmpty)
    }
}
