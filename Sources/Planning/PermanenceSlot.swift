/// A bookable part of an occurrence: an appointment slot, or, for an open permanence, the whole
/// session whose places the desk may reserve ahead.
public struct PermanenceSlot: Sendable, Hashable {
    public let start: TimeOfDay
    public let end: TimeOfDay
    public let capacity: Int
    /// True for open permanences: the capacity only guides proposals and is never an overbooking.
    public let capacityIsSoft: Bool

    public init(start: TimeOfDay, end: TimeOfDay, capacity: Int, capacityIsSoft: Bool = false) {
        self.start = start
        self.end = end
        self.capacity = capacity
        self.capacityIsSoft = capacityIsSoft
    }

    /// Appointment slots every `slotMinutes` from `start`; a last piece shorter than a slot is dropped
    /// because an appointment must fit inside the permanence.
    static func slots(for mode: PermanenceMode, from start: TimeOfDay, to end: TimeOfDay) -> [PermanenceSlot] {
        switch mode {
        case .open(let softCapacity):
            return [PermanenceSlot(start: start, end: end, capacity: softCapacity, capacityIsSoft: true)]
        case .byAppointment(let minutes, let capacity):
            guard minutes > 0 else { return [] }
            var slots: [PermanenceSlot] = []
            var slotStart = start
            while let slotEnd = slotStart.adding(minutes: minutes), slotEnd <= end {
                slots.append(PermanenceSlot(start: slotStart, end: slotEnd, capacity: capacity))
                slotStart = slotEnd
            }
            return slots
        }
    }
}
