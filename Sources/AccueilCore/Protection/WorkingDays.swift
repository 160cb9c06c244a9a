import Orientation
import Planning

/// Working days at the desk: Monday to Friday, French public holidays excepted.
package enum WorkingDays {
    package static func isWorkingDay(_ day: LocalDate) -> Bool {
        let date = day.calendarDate
        return ![Weekday.saturday, .sunday].contains(date.weekday) && FrenchHolidays.name(of: date) == nil
    }

    /// One working day after `raisedAt`: the same wall-clock time on the next working day (a Friday
    /// evening alert is due on Monday evening, or Tuesday after Easter Monday).
    package static func deadline(after raisedAt: Int64) -> ParisTime {
        let raised = ParisTime(raisedAt)
        var day = raised.day.adding(days: 1)!
        while !isWorkingDay(day) { day = day.adding(days: 1)! }
        return ParisTime(day, raised.time)
    }
}
