import HTML
import HTTPCore
import Planning

/// A permanence added from an empty grid cell: the grid and row give the host site, the sending
/// institution and circonscription; the manager picks the people, the half-day and how the public is
/// received.
struct NewPermanenceForm {
    /// Which Annexe 4 grid the cell belongs to.
    enum Grid: String {
        /// MDS social workers at the Cité Municipale: rows are circonscriptions.
        case mdsAtCCAS = "mds-cite"
        /// CCAS social workers in the MDS: rows are host sites.
        case ccasInMDS = "ccas-mds"
    }

    let grid: Grid
    let row: String
    var people: PermanenceForm
    var byAppointment = true
    var slotMinutes = "30"
    var capacity = "1"
    var validFrom = ""
    var errors: [(field: String, message: String)] { people.errors + ownErrors }
    private var ownErrors: [(field: String, message: String)] = []

    /// Nil when the grid or row is not one of the Annexe 4 grids' (a forged link).
    init?(grid: String, row: String, weekday: Weekday, today: CalendarDate) {
        guard let grid = Grid(rawValue: grid), Self.rows(grid).contains(row) else { return nil }
        self.grid = grid
        self.row = row
        people = PermanenceForm(Permanence(id: "", hostSiteID: "", sendingInstitution: .ccas, weekday: weekday,
                                           halfDay: grid == .mdsAtCCAS ? .afternoon : .morning, validFrom: today, titulaireID: "",
                                           mode: .open(softCapacity: 0)))
        byAppointment = grid == .ccasInMDS
        capacity = grid == .ccasInMDS ? "1" : "6"
        validFrom = today.description
    }

    init?(_ form: FormData, workers: [SocialWorker]) {
        guard let grid = Grid(rawValue: form["grille"] ?? ""), let row = form["ligne"], Self.rows(grid).contains(row) else { return nil }
        self.grid = grid
        self.row = row
        people = PermanenceForm(form, workers: workers)
        byAppointment = form["mode"] != "sans_rendez_vous"
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

    /// The permanence to save, with an id not yet taken ("ccas-mds-lac-jeudi-afternoon", then "-2"…).
    func permanence(existingIDs: Set<String>) -> Permanence? {
        guard ownErrors.isEmpty, let from = CalendarDate(validFrom) else { return nil }
        let base = grid == .mdsAtCCAS ? "mds-\(row)-cite" : "ccas-\(row)"
        var id = "\(base)-\(people.weekday.label)-\(people.halfDay.rawValue)"
        var suffix = 2
        while existingIDs.contains(id) {
            id = "\(base)-\(people.weekday.label)-\(people.halfDay.rawValue)-\(suffix)"
            suffix += 1
        }
        let mode: PermanenceMode = byAppointment
            ? .byAppointment(slotMinutes: Int(slotMinutes) ?? 30, capacityPerSlot: Int(capacity) ?? 1)
            : .open(softCapacity: Int(capacity) ?? 0)
        let skeleton = Permanence(
            id: id, hostSiteID: grid == .mdsAtCCAS ? PlanningSnapshot.ccasSiteID : row,
            sendingInstitution: grid == .mdsAtCCAS ? .departement : .ccas, circonscriptionID: grid == .mdsAtCCAS ? row : nil,
            weekday: people.weekday, halfDay: people.halfDay, validFrom: from, titulaireID: "", mode: mode)
        return people.applied(to: skeleton)
    }

    func fields(workers: [SocialWorker]) -> HTML {
        let error = { (field: String) in ownErrors.first { $0.field == field }?.message }
        let modes = [FormFields.Option("rendez_vous", "Sur rendez-vous (créneaux)"), FormFields.Option("sans_rendez_vous", "Sans rendez-vous")]
        return """
            <input type="hidden" name="grille" value="\(grid.rawValue)">
            <input type="hidden" name="ligne" value="\(row)">
            \(people.fields(workers: workers))
            \(FormFields.choices("mode", legend: "Accueil du public", options: modes, checked: [byAppointment ? "rendez_vous" : "sans_rendez_vous"], multiple: false))
            <div class="row">
            \(FormFields.input("duree", label: "Durée d'un créneau (minutes)", value: slotMinutes, type: "number", hint: "Sur rendez-vous seulement.", error: error("duree")))
            \(FormFields.input("capacite", label: "Places", value: capacity, type: "number", hint: "Par créneau sur rendez-vous ; réservables à l'avance sans rendez-vous.", error: error("capacite"), required: true))
            \(FormFields.input("debut_validite", label: "À partir du", value: validFrom, type: "date", error: error("debut_validite"), required: true))
            </div>
            """
    }
}
