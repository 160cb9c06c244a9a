extension LocalDate {
    /// Completed years between `birth` and `ref`: the age the law uses.
    ///
    /// The birthday itself counts as reached: someone born 2008-11-26 is 18 on 2026-11-26.
    ///
    /// 29 February births: in a non-leap year the birthday is reached on 1 March, not on
    /// 28 February. This is the convention generally applied in France (the anniversary is
    /// reached once the day after 28 February begins), and it falls out of the plain
    /// (month, day) comparison below, so there is no special case to get wrong.
    ///
    /// If `birth` is after `ref` the result is negative (the person is not born yet); callers
    /// that need a real age must reject that case first.
    public static func years(from birth: LocalDate, to ref: LocalDate) -> Int {
        let years = ref.year - birth.year
        let birthdayReached = (ref.month, ref.day) >= (birth.month, birth.day)
        return birthdayReached ? years : years - 1
    }
}
