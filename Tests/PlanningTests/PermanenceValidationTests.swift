import Testing

@testable import Planning

@Suite("Permanence validation")
struct PermanenceValidationTests {
    @Test func baselineIsValid() {
        #expect(lacPermanence().validationErrors.isEmpty)
    }

    @Test(arguments: [
        (lacPermanence(validFrom: "2026-06-01", validTo: "2026-05-31"), "La fin de validité (31/05/2026) précède son début (01/06/2026)."),
        (lacPermanence(titulaire: ""), "Le ou la titulaire doit être renseigné·e."),
        (lacPermanence(mode: .byAppointment(slotMinutes: 0, capacityPerSlot: 1)), "La durée d'un créneau doit être positive."),
        (lacPermanence(mode: .byAppointment(slotMinutes: 240, capacityPerSlot: 1)), "Un créneau de 240 min ne tient pas dans la demi-journée."),
        (lacPermanence(mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 0)), "La capacité d'un créneau doit être d'au moins une personne."),
        (lacPermanence(mode: .open(softCapacity: -1)), "La capacité indicative ne peut pas être négative."),
        (lacPermanence(recurrence: .dates([])), "Indiquez au moins une date."),
    ])
    func errors(permanence: Permanence, message: String) {
        #expect(permanence.validationErrors == [message])
    }

    @Test func endBeforeStart() {
        var permanence = lacPermanence()
        permanence.end = time("13:00")
        #expect(permanence.validationErrors.first == "L'heure de fin (13h) doit suivre l'heure de début (13h30).")
    }
}
