import Foundation
import Testing

extension Tag {
    /// Tests that take seconds of real time or CPU: crash cycles, demo data, generated sets, real waits.
    @Tag static var long: Self
}

extension Trait where Self == ConditionTrait {
    /// `make test` runs every test; `ACCUEIL_SKIP_LONG=1 swift test --skip-build` leaves out those
    /// tagged `.long`, for a quicker loop while working on something else.
    static var skippedWhenQuick: Self {
        .enabled(if: ProcessInfo.processInfo.environment["ACCUEIL_SKIP_LONG"] == nil, "long test: ACCUEIL_SKIP_LONG is set")
    }
}
