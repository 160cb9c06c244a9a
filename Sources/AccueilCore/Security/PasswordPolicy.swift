/// What a password must be: at least 12 characters, not a well-known password, not the login itself.
/// Length beats composition rules (ANSSI and NIST SP 800-63B agree), so there are none.
package struct PasswordPolicy: Sendable {
    package static let minimumLength = 12
    package static let maximumLength = 256
    package let commonPasswords: Set<String>

    package init(commonPasswordList: String) {
        commonPasswords = Set(commonPasswordList.split(whereSeparator: \.isNewline).map { $0.lowercased() }.filter { !$0.hasPrefix("#") })
    }

    /// The French message to show, or nil when the password is acceptable.
    package func problem(with password: String, login: String) -> String? {
        if password.count < Self.minimumLength {
            return "Le mot de passe doit contenir au moins \(Self.minimumLength) caractères."
        }
        if password.count > Self.maximumLength {
            return "Le mot de passe ne peut pas dépasser \(Self.maximumLength) caractères."
        }
        let lowered = password.lowercased()
        if commonPasswords.contains(lowered) {
            return "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots."
        }
        if !login.isEmpty, lowered.contains(login.lowercased()) {
            return "Le mot de passe ne doit pas contenir l'identifiant."
        }
        if Set(password).count < 4 {
            return "Le mot de passe est trop répétitif."
        }
        return nil
    }
}
