/// Demo data shaped like the Annexe 4 grids, for the app's demonstration database and for tests.
/// Every person is fictitious (surnames "Exemple", "Fictif"…); sites and circonscriptions are real.
///
/// - MDS social workers at the Cité Municipale every afternoon, one circonscription per weekday, sans
///   rendez-vous;
/// - CCAS social workers half a day a week in each MDS and in the Bacalan antenna, by appointment;
/// - MDS Lac's weekly permanence at the Maison France Services Les Aubiers;
/// - MDS Bastide outreach alternating week by week between the centres d'animation Benauge and
///   Bastide Queyries;
/// - the CCAS social service's own permanences at the Cité Municipale, by appointment (the base of the
///   figure "share of the CCAS social service's permanences held in the MDS").
///
/// Suppléants are chosen so that any one absence is covered without putting anyone in two places.
public struct AnnexFourDemo: Sendable {
    public static let ccasSiteID = "ccas-cite-municipale"
    /// Annexe 4 row order.
    public static let circonscriptionIDs = ["centre", "grand-parc", "lac", "saint-michel", "sud"]
    /// Annexe 4 row order of the CCAS-in-MDS grid.
    public static let ccasHostSiteIDs = [
        "mds-centre", "mds-cauderan", "mds-grand-parc", "mds-lac",
        "antenne-bacalan", "mds-saint-michel", "mds-saint-jean", "mds-bastide",
    ]

    public let validFrom: CalendarDate
    public let directory: PlanningDirectory
    public let permanences: [Permanence]

    /// `validFrom` also starts the alternation of the outreach permanences.
    /// A Monday, so the grids and the alternation start on a whole week.
    public static let defaultValidFrom = CalendarDate(uncheckedYear: 2026, month: 1, day: 5)

    public init(validFrom: CalendarDate = AnnexFourDemo.defaultValidFrom) {
        self.validFrom = validFrom
        directory = PlanningDirectory(
            workers: Self.workers, sites: Self.sites, circonscriptions: Self.circonscriptions)
        permanences = Self.mdsAtCCAS(validFrom) + Self.ccasInMDS(validFrom) + Self.mdsOutreach(validFrom) + Self.ccasAtCite(validFrom)
    }

    public var mdsAtCCASGrid: PlanningGrid {
        PlanningGrid.mdsAtCCAS(
            permanences: permanences, directory: directory, ccasSiteID: Self.ccasSiteID,
            circonscriptionIDs: Self.circonscriptionIDs, validOn: validFrom)
    }

    public var ccasInMDSGrid: PlanningGrid {
        PlanningGrid.ccasInMDS(
            permanences: permanences, directory: directory, hostSiteIDs: Self.ccasHostSiteIDs, validOn: validFrom)
    }

    public var conflictDetector: ConflictDetector {
        ConflictDetector(directory: directory, ccasSiteID: Self.ccasSiteID, circonscriptionIDs: Self.circonscriptionIDs)
    }

    static let circonscriptions = [
        Circonscription(id: "centre", name: "Centre"),
        Circonscription(id: "grand-parc", name: "Grand Parc"),
        Circonscription(id: "lac", name: "Lac"),
        Circonscription(id: "saint-michel", name: "Saint-Michel"),
        Circonscription(id: "sud", name: "Sud"),
    ]

    static let sites = [
        PlanningSite(id: "ccas-cite-municipale", name: "Cité Municipale", kind: .ccas, address: "4 rue Claude Bonnier, Bordeaux"),
        PlanningSite(id: "mds-centre", name: "MDS Centre", kind: .mds),
        PlanningSite(id: "mds-cauderan", name: "MDS Caudéran", kind: .mds),
        PlanningSite(id: "mds-grand-parc", name: "MDS Grand Parc", kind: .mds),
        PlanningSite(id: "mds-lac", name: "MDS Lac", kind: .mds),
        PlanningSite(id: "antenne-bacalan", name: "Antenne sociale Bacalan", kind: .antenne),
        PlanningSite(id: "mds-saint-michel", name: "MDS Saint-Michel", kind: .mds),
        PlanningSite(id: "mds-saint-jean", name: "MDS Saint-Jean", kind: .mds),
        PlanningSite(id: "mds-bastide", name: "MDS Bastide", kind: .mds),
        PlanningSite(id: "france-services-aubiers", name: "Maison France Services Les Aubiers", kind: .franceServices),
        PlanningSite(id: "centre-animation-benauge", name: "Centre d'animation Benauge", kind: .centreAnimation),
        PlanningSite(id: "centre-animation-bastide-queyries", name: "Centre d'animation Bastide Queyries", kind: .centreAnimation),
    ]

    static let workers = [
        SocialWorker(id: "as-centre-1", displayName: "Alice Exemple", institution: .departement, circonscriptionID: "centre"),
        SocialWorker(id: "as-centre-2", displayName: "Bruno Fictif", institution: .departement, circonscriptionID: "centre"),
        SocialWorker(id: "as-grand-parc-1", displayName: "Chloé Modèle", institution: .departement, circonscriptionID: "grand-parc"),
        SocialWorker(id: "as-grand-parc-2", displayName: "David Essai", institution: .departement, circonscriptionID: "grand-parc"),
        SocialWorker(id: "as-lac-1", displayName: "Emma Témoin", institution: .departement, circonscriptionID: "lac"),
        SocialWorker(id: "as-lac-2", displayName: "Fabien Démo", institution: .departement, circonscriptionID: "lac"),
        SocialWorker(id: "as-saint-michel-1", displayName: "Gaëlle Exemple", institution: .departement, circonscriptionID: "saint-michel"),
        SocialWorker(id: "as-saint-michel-2", displayName: "Hugo Fictif", institution: .departement, circonscriptionID: "saint-michel"),
        SocialWorker(id: "as-sud-1", displayName: "Inès Modèle", institution: .departement, circonscriptionID: "sud"),
        SocialWorker(id: "as-sud-2", displayName: "Julien Essai", institution: .departement, circonscriptionID: "sud"),
        SocialWorker(id: "ts-ccas-1", displayName: "Karine Témoin", institution: .ccas),
        SocialWorker(id: "ts-ccas-2", displayName: "Louis Démo", institution: .ccas),
        SocialWorker(id: "ts-ccas-3", displayName: "Maëlle Exemple", institution: .ccas),
        SocialWorker(id: "ts-ccas-4", displayName: "Nicolas Fictif", institution: .ccas),
        SocialWorker(id: "ts-ccas-5", displayName: "Pauline Essai", institution: .ccas),
        SocialWorker(id: "ts-ccas-6", displayName: "Quentin Modèle", institution: .ccas),
    ]

    /// One circonscription per weekday afternoon, sans rendez-vous.
    static func mdsAtCCAS(_ validFrom: CalendarDate) -> [Permanence] {
        let days: [(String, Weekday)] = [
            ("centre", .monday), ("sud", .tuesday), ("grand-parc", .wednesday), ("lac", .thursday), ("saint-michel", .friday),
        ]
        return days.map { circonscription, weekday in
            Permanence(
                id: "mds-\(circonscription)-cite", hostSiteID: ccasSiteID, sendingInstitution: .departement,
                circonscriptionID: circonscription, weekday: weekday, halfDay: .afternoon, validFrom: validFrom,
                titulaireID: "as-\(circonscription)-1", suppleantID: "as-\(circonscription)-2",
                mode: .open(softCapacity: 6))
        }
    }

    /// Each CCAS worker is titulaire twice and suppléant twice, never at the same half-day.
    static func ccasInMDS(_ validFrom: CalendarDate) -> [Permanence] {
        let cells: [(site: String, Weekday, HalfDay, titulaire: Int, suppleant: Int)] = [
            ("mds-centre", .monday, .morning, 1, 2),
            ("mds-cauderan", .tuesday, .afternoon, 1, 3),
            ("mds-grand-parc", .tuesday, .morning, 2, 1),
            ("mds-lac", .wednesday, .morning, 2, 4),
            ("antenne-bacalan", .thursday, .afternoon, 3, 2),
            ("mds-saint-michel", .thursday, .morning, 3, 4),
            ("mds-saint-jean", .friday, .morning, 4, 3),
            ("mds-bastide", .friday, .afternoon, 4, 1),
        ]
        return cells.map { site, weekday, halfDay, titulaire, suppleant in
            Permanence(
                id: "ccas-\(site)", hostSiteID: site, sendingInstitution: .ccas, weekday: weekday, halfDay: halfDay,
                validFrom: validFrom, titulaireID: "ts-ccas-\(titulaire)", suppleantID: "ts-ccas-\(suppleant)",
                mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1))
        }
    }

    /// MDS Lac at Les Aubiers every Tuesday morning; MDS Bastide (circonscription Sud) on Thursday
    /// mornings, Benauge and Bastide Queyries taking turns.
    static func mdsOutreach(_ validFrom: CalendarDate) -> [Permanence] {
        [
            Permanence(
                id: "mds-lac-aubiers", hostSiteID: "france-services-aubiers", sendingInstitution: .departement,
                circonscriptionID: "lac", weekday: .tuesday, halfDay: .morning, validFrom: validFrom,
                titulaireID: "as-lac-2", suppleantID: "as-lac-1",
                mode: .byAppointment(slotMinutes: 45, capacityPerSlot: 1)),
            Permanence(
                id: "mds-bastide-benauge", hostSiteID: "centre-animation-benauge", sendingInstitution: .departement,
                circonscriptionID: "sud", weekday: .thursday, halfDay: .morning,
                recurrence: .everyOtherWeek(startingWeekOf: validFrom), validFrom: validFrom,
                titulaireID: "as-sud-2", suppleantID: "as-sud-1", mode: .open(softCapacity: 8)),
            Permanence(
                id: "mds-bastide-queyries", hostSiteID: "centre-animation-bastide-queyries", sendingInstitution: .departement,
                circonscriptionID: "sud", weekday: .thursday, halfDay: .morning,
                recurrence: .everyOtherWeek(startingWeekOf: validFrom.adding(days: 7)), validFrom: validFrom,
                titulaireID: "as-sud-2", suppleantID: "as-sud-1", mode: .open(softCapacity: 8)),
        ]
    }

    /// Tuesday and Thursday afternoons at the Cité, held by the two CCAS social workers who do not go
    /// to the MDS, each standing in for the other.
    static func ccasAtCite(_ validFrom: CalendarDate) -> [Permanence] {
        [(Weekday.tuesday, 5, 6), (.thursday, 6, 5)].map { weekday, titulaire, suppleant in
            Permanence(
                id: "ccas-cite-\(weekday.label)", hostSiteID: ccasSiteID, sendingInstitution: .ccas, weekday: weekday, halfDay: .afternoon,
                validFrom: validFrom, titulaireID: "ts-ccas-\(titulaire)", suppleantID: "ts-ccas-\(suppleant)",
                mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1))
        }
    }
}
