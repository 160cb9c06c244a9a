import AccueilCore
import HTML
import HTTPCore
import Planning

/// A new permanence, either from an empty cell of an Annexe 4 grid (the grid and row give the host
/// site, the sending institution and circonscription) or "hors grille" at any active site of the
/// referential (outreach places, France Services…), where the manager chooses them. Either way the
/// manager picks the people, the schedule, the recurrence and how the public is received.
struct NewPermanenceForm {
    /// Which Annexe 4 grid the cell belongs to.
    enum Grid: String {
        /// MDS social workers at the Cité Municipale: rows are circonscriptions.
        case mdsAtCCAS = "mds-cite"
        /// CCAS social workers in the MDS: rows are host sites.
        case ccasInMDS = "ccas-mds"
    }

    /// Where the permanence takes place and who sends it.
    enum Placement {
        case cell(Grid, row: String)
        case free(siteID: String, institution: Planning.Institution?, circonscriptionID: String)
    }

    var placement: Placement
    var schedule: PermanenceForm
    var byAppointment = true
    var slotMinutes = "30"
    var capacity = "1"
    var validFrom = ""
    var errors: [(field: String, message: String)] { schedule.errors + ownErrors }
    private var ownErrors: [(field: String, message: String)] = []

    /// Nil when the grid or row is not one of the Annexe 4 grids' (a forged link); no grid at all is
    /// the "hors grille" form.
    init?(grid: String?, row: String, weekday: Weekday, today: CalendarDate) {
        let halfDay: HalfDay
        if let grid {
            guard let grid = Grid(rawValue: grid), Self.rows(grid).contains(row) else { return nil }
            placement = .cell(grid, row: row)
            halfDay = grid == .mdsAtCCAS ? .afternoon : .morning
            byAppointment = grid == .ccasInMDS
            capacity = grid == .ccasInMDS ? "1" : "6"
        } else {
            placement = .free(siteID: "", institution: nil, circonscriptionID: "")
            halfDay = .morning
        }
        schedule = PermanenceForm(Permanence(id: "", hostSiteID: "", sendingInstitution: .ccas, weekday: weekday, halfDay: halfDay,
                                             validFrom: today, titulaireID: "", mode: .open(softCapacity: 0)))
        // A new permanence: no version yet, and the half-day's usual hours unless the manager sets others.
        schedule.version = ""
        schedule.start = ""
        schedule.end = ""
        validFrom = today.description
    }

    /// - Parameters:
    ///   - siteIDs: the active sites that can host a permanence (for the "hors grille" form).
    ///   - circonscriptionIDs: the referential's circonscriptions.
    init?(_ form: FormData, workers: [SocialWorker], siteIDs: Set<String>, circonscriptionIDs: Set<String>) {
        let institution: Planning.Institution?
        if let gridText = form["grille"] {
            guard let grid = Grid(rawValue: gridText), let row = form["ligne"], Self.rows(grid).contains(row) else { return nil }
            placement = .cell(grid, row: row)
            institution = grid == .mdsAtCCAS ? .departement : .ccas
        } else {
            let site = form["site"] ?? "", circonscription = form["circonscription"] ?? ""
            institution = Planning.Institution(rawValue: form["institution"] ?? "")
            placement = .free(siteID: site, institution: institution, circonscriptionID: circonscription)
            if !siteIDs.contains(site) { ownErrors.append(("site", "Choisissez le site qui accueille la permanence.")) }
            if institution == nil { ownErrors.append(("institution", "Choisissez l'institution qui assure la permanence.")) }
            if institution == .departement, !circonscriptionIDs.contains(circonscription) {
                ownErrors.append(("circonscription", "Choisissez la circonscription de la MDS qui assure la permanence."))
            }
        }
        schedule = PermanenceForm(form, workers: workers, institution: institution)
        byAppointment = form["mode"] != PermanenceModeKind.open.rawValue
        slotMinutes = (form["duree"] ?? "").trimmed
        capacity = (form["capacite"] ?? "").trimmed
        validFrom = (form["debut_validite"] ?? "").trimmed
        if byAppointment, Int(slotMinutes).map({ $0 < 5 || $0 > 240 }) ?? true {
            ownErrors.append(("duree", "Indiquez la durée d'un créneau en minutes (de 5 à 240)."))
        }
        if Int(capacity).map({ $0 < (byAppointment ? 1 : 0) || $0 > 50 }) ?? true {
            ownErrors.append(("capacite", byAppointment ? "Indiquez le nombre de personnes par créneau (de 1 à 50)." : "Indiquez le nombre de places réservables (de 0 à 50)."))
        }
        if CalendarDate(validFrom) == nil { ownErrors.append(("debut_validite", "Indiquez la date de début (JJ/MM/AAAA).")) }
    }

    static func rows(_ grid: Grid) -> [String] {
        grid == .mdsAtCCAS ? PlanningSnapshot.circonscriptionIDs : PlanningSnapshot.ccasHostSiteIDs
    }

    /// The permanence to save, with an id not yet taken ("ccas-mds-lac-jeudi-afternoon", then "-2"…),
    /// after the checks that need it whole (dates within validity, the model's rules).
    mutating func permanence(existingIDs: Set<String>) -> Permanence? {
        guard errors.isEmpty, let from = CalendarDate(validFrom) else { return nil }
        let (base, site, institution, circonscription): (String, String, Planning.Institution, String?) = switch placement {
        case .cell(.mdsAtCCAS, let row): ("mds-\(row)-cite", PlanningSnapshot.ccasSiteID, .departement, row)
        case .cell(.ccasInMDS, let row): ("ccas-\(row)", row, .ccas, nil)
        case .free(let site, let institution, let circonscription):
            institution == .departement ? ("mds-\(circonscription)-\(site)", site, .departement, circonscription) : ("ccas-\(site)", site, .ccas, nil)
        }
        let day = schedule.weekday, half = schedule.halfDay
        var id = "\(base)-\(day.label)-\(half.rawValue)"
        var suffix = 2
        while existingIDs.contains(id) {
            id = "\(base)-\(day.label)-\(half.rawValue)-\(suffix)"
            suffix += 1
        }
        let mode: PermanenceMode = byAppointment
            ? .byAppointment(slotMinutes: Int(slotMinutes) ?? 30, capacityPerSlot: Int(capacity) ?? 1)
            : .open(softCapacity: Int(capacity) ?? 0)
        let skeleton = Permanence(
            id: id, hostSiteID: site, sendingInstitution: institution, circonscriptionID: circonscription, weekday: day, halfDay: half,
            validFrom: from, titulaireID: "", mode: mode)
        let permanence = schedule.applied(to: skeleton)
        schedule.check(permanence)
        return errors.isEmpty ? permanence : nil
    }

    func fields(workers: [SocialWorker], sites: [PlanningSite], circonscriptions: [(id: String, name: String)]) -> HTML {
        let error = { (field: String) in ownErrors.first { $0.field == field }?.message }
        let modes = PermanenceModeKind.allCases.map { FormFields.Option($0.rawValue, $0.label) }
        let placementFields: HTML
        let institution: Planning.Institution?
        switch placement {
        case .cell(let grid, let row):
            institution = grid == .mdsAtCCAS ? .departement : .ccas
            placementFields = """
                <input type="hidden" name="grille" value="\(grid.rawValue)">
                <input type="hidden" name="ligne" value="\(row)">
                """
        case .free(let site, let chosen, let circonscription):
            institution = nil
            placementFields = """
                \(FormFields.select("site", label: "Site d'accueil", options: sites.map { .init($0.id, $0.name) }, selected: site, error: error("site"), required: true, includeBlank: "Choisir un site"))
                \(FormFields.choices("institution", legend: "Institution qui assure la permanence", options: Planning.Institution.allCases.map { .init($0.rawValue, $0.label) }, checked: chosen.map { [$0.rawValue] } ?? [], multiple: false, error: error("institution")))
                \(FormFields.select("circonscription", label: "Circonscription (Département)", options: circonscriptions.map { .init($0.id, $0.name) }, selected: circonscription, hint: "Pour une permanence d'une MDS : la circonscription qui l'assure.", error: error("circonscription"), includeBlank: "Aucune (CCAS)"))
                """
        }
        return """
            \(placementFields)
            \(schedule.fields(workers: workers, institution: institution))
            \(FormFields.choices("mode", legend: "Accueil du public", options: modes, checked: [(byAppointment ? PermanenceModeKind.byAppointment : .open).rawValue], multiple: false))
            <div class="row">
            \(FormFields.input("duree", label: "Durée d'un créneau (minutes)", value: slotMinutes, type: "number", hint: "Sur rendez-vous seulement.", error: error("duree")))
            \(FormFields.input("capacite", label: "Places", value: capacity, type: "number", hint: "Par créneau sur rendez-vous ; réservables à l'avance sans rendez-vous.", error: error("capacite"), required: true))
            \(FormFields.input("debut_validite", label: "À partir du", value: validFrom, type: "date", error: error("debut_validite"), required: true))
            </div>
            """
    }
}
