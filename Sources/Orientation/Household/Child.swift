/// A child of the person asking for help, as far as the routing rule needs to know.
public struct Child: Sendable, Equatable {
    public var birthDate: LocalDate
    /// "À charge": the child lives with and depends on the person (custody, or an adult child
    /// still supported by the household).
    public var inCharge: Bool
    /// The convention counts children "présents sur le territoire français".
    public var livesInFrance: Bool
    /// The child (typically a young adult, "contrat jeune majeur") is under an Aide Sociale à
    /// l'Enfance measure, which keeps the family with the Département.
    public var aseMeasure: Bool

    public init(birthDate: LocalDate, inCharge: Bool = true, livesInFrance: Bool = true, aseMeasure: Bool = false) {
        self.birthDate = birthDate
        self.inCharge = inCharge
        self.livesInFrance = livesInFrance
        self.aseMeasure = aseMeasure
    }

    /// Under 18 on `date`; a child whose 18th birthday is `date` is no longer a minor.
    public func isMinor(on date: LocalDate) -> Bool {
        LocalDate.years(from: birthDate, to: date) < 18
    }
}
