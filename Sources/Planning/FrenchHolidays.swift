/// French public holidays (jours fériés) of metropolitan France, computed for any Gregorian year.
///
/// Whit Monday (lundi de Pentecôte) is listed: it is the default "journée de solidarité" and many
/// services stay closed; a site that opens that day can be modelled by not planning on it.
/// Alsace-Moselle's extra days do not apply in Gironde.
public enum FrenchHolidays {
    public static func dates(in year: Int) -> [CalendarDate: String] {
        let easter = easterSunday(in: year)
        func fixed(_ month: Int, _ day: Int) -> CalendarDate {
            CalendarDate(uncheckedYear: year, month: month, day: day)
        }
        return [
            fixed(1, 1): "Jour de l'an",
            easter.adding(days: 1): "Lundi de Pâques",
            fixed(5, 1): "Fête du Travail",
            fixed(5, 8): "Victoire 1945",
            easter.adding(days: 39): "Ascension",
            easter.adding(days: 50): "Lundi de Pentecôte",
            fixed(7, 14): "Fête nationale",
            fixed(8, 15): "Assomption",
            fixed(11, 1): "Toussaint",
            fixed(11, 11): "Armistice 1918",
            fixed(12, 25): "Noël",
        ]
    }

    /// The holiday's name when `date` is a public holiday.
    public static func name(of date: CalendarDate) -> String? {
        dates(in: date.year)[date]
    }

    /// Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    public static func easterSunday(in year: Int) -> CalendarDate {
        let a = year % 19  // position in the 19-year Metonic cycle
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30  // epact-related: days to the paschal full moon
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7  // days from the full moon to the next Sunday
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(uncheckedYear: year, month: month, day: day)
    }
}
