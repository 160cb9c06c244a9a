import Testing
@testable import AccueilCore
@testable import AccueilWeb

@Suite struct PasswordTests {
    let policy = PasswordPolicy(commonPasswordList: "# comment\nmotdepasse123\nazertyuiop12\n")

    @Test(arguments: [
        ("court", "au moins 12"), ("MotDePasse123", "trop courant"), ("azertyuiop12", "trop courant"),
        ("alice.martin-2026", "identifiant"), ("aaaaaaaaaaaaaaa", "répétitif"),
    ])
    func weakPasswordsAreRefusedWithAFrenchReason(_ password: String, _ reason: String) {
        #expect(policy.problem(with: password, login: "alice.martin")?.contains(reason) == true)
    }

    @Test func aLongPassphraseIsAccepted() {
        #expect(policy.problem(with: "cheval agrafe pile correcte", login: "alice") == nil)
    }

    @Test func argon2idHashesVerifyAndAreSalted() throws {
        let hasher = PasswordHasher(cost: .testing)
        let first = try hasher.hash("une phrase secrète")
        let second = try hasher.hash("une phrase secrète")
        #expect(first.hasPrefix("$argon2id$"))
        #expect(first != second)
        #expect(hasher.verify("une phrase secrète", against: first))
        #expect(!hasher.verify("une phrase secrete", against: first))
    }

    @Test func tokensCarry256BitsAndComparisonIsExact() {
        let token = Sodium.token()
        #expect(token.count == 43)
        #expect(Sodium.token() != token)
        #expect(Sodium.constantTimeEqual(token, token))
        #expect(!Sodium.constantTimeEqual(token, String(token.dropLast()) + "x"))
        #expect(!Sodium.constantTimeEqual("", ""))
    }
}
