import Orientation
import Planning

/// Checks a booking entered by hand (when no planning slot fits).
package enum BookingCheck {
    package static func errors(_ booking: OrientationRepository.Booking, intakeDay: LocalDate) -> [(field: String, message: String)] {
        guard let kind = booking.kind else { return [] }
        guard let date = booking.date.flatMap(LocalDate.init(iso:)) else {
            return [("reservation_date", "Indiquez la date de la réservation.")]
        }
        var errors: [(field: String, message: String)] = []
        if date < intakeDay { errors.append(("reservation_date", "La réservation ne peut pas précéder l'accueil.")) }
        if kind == .appointment, TimeOfDay(booking.time ?? "").map({ !(7...20).contains($0.hour) }) ?? true {
            errors.append(("reservation_heure", "Indiquez l'heure du rendez-vous (entre 7 h et 20 h)."))
        }
        if let place = booking.place, place.count > 200 { errors.append(("reservation_lieu", "Le lieu est trop long (200 caractères au plus).")) }
        return errors
    }
}
