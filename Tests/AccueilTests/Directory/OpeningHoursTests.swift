import Testing
@testable import AccueilCore

/// The hours of the directory: the schema's OpenStreetMap syntax checked, and written out in French
/// for people (never the raw syntax on paper).
struct OpeningHoursTests {
    @Test func theAcceptedSyntaxReadsInFrench() {
        #expect(OpeningHours.french("Mo-Fr 08:30-12:30,13:30-17:00; PH off")
                == "du lundi au vendredi : 8 h 30 – 12 h 30, 13 h 30 – 17 h ; fermé les jours fériés")
        #expect(OpeningHours.french("Tu,Th 09:00-12:00") == "mardi, jeudi : 9 h – 12 h")
        #expect(OpeningHours.french("Mo-We 14:00-16:30;Sa 09:00-11:00") == "du lundi au mercredi : 14 h – 16 h 30 ; samedi : 9 h – 11 h")
    }

    @Test func anythingElseIsRefused() {
        for text in ["", "lundi 9h-12h", "Mo-Fr 8:30-12:30", "Mo-Fr 12:30-08:30", "Fr-Mo 09:00-12:00", "Mo 09:00", "Xx 09:00-10:00", "Mo-Fr 09:00-25:00"] {
            #expect(!OpeningHours.isValid(text), "\(text)")
            #expect(OpeningHours.french(text) == nil)
        }
    }
}
