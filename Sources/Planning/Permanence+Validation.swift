extension Permanence {
    /// What is wrong with this permanence as entered, in French for the edit form. Empty when valid.
    public var validationErrors: [String] {
        var errors: [String] = []
        if end <= start {
            errors.append("L'heure de fin (\(end.frenchLabel)) doit suivre l'heure de début (\(start.frenchLabel)).")
        }
        if let validTo, validTo < validFrom {
            errors.append("La fin de validité (\(validTo.frenchShortLabel)) précède son début (\(validFrom.frenchShortLabel)).")
        }
        if titulaireID.isEmpty {
            errors.append("Le ou la titulaire doit être renseigné·e.")
        }
        switch mode {
        case .byAppointment(let minutes, let capacity):
            if minutes <= 0 {
                errors.append("La durée d'un créneau doit être positive.")
            } else if minutes > end.minutesSinceMidnight - start.minutesSinceMidnight {
                errors.append("Un créneau de \(minutes) min ne tient pas dans la demi-journée.")
            }
            if capacity <= 0 {
                errors.append("La capacité d'un créneau doit être d'au moins une personne.")
            }
        case .open(let softCapacity):
            if softCapacity < 0 {
                errors.append("La capacité indicative ne peut pas être négative.")
            }
        }
        if case .dates(let dates) = recurrence, dates.isEmpty {
            errors.append("Indiquez au moins une date.")
        }
        return errors
    }
}
