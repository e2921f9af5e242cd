extension GoalHistory {
    /// The learner changes the daily goal from `old` to `new` on `day` (the Today screen,
    /// `coach settings --goal`): the new goal is in force from `day` on, and earlier days
    /// keep the goal they had. A history with no change yet judges every day by its
    /// first goal, so the first change also records `old` from the day before —
    /// otherwise raising the goal today would judge all of last month by it.
    public mutating func change(from old: Int, to new: Int, on day: StudyDay) {
        if changes.isEmpty, old != new {
            set(old, from: day.adding(days: -1))
        }
        set(new, from: day)
    }
}
