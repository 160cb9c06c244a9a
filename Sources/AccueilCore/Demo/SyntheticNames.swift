/// Invented names made of syllables: they look like names on screen and in the search, and belong to nobody.
package enum SyntheticNames {
    package static let syllables = ["ba", "bel", "ca", "dar", "do", "fa", "gan", "lo", "mar", "mi", "na", "ni", "ol", "pa", "ra", "ri",
                            "sa", "so", "ta", "tin", "va", "ve", "zo", "leau", "mont", "ron", "lin", "det", "bert", "card"]

    package static func lastName(_ random: inout SeededRandom) -> String {
        let count = random.weighted([(2, 0.6), (3, 0.4)])
        let name = (0..<count).map { _ in syllables.randomElement(using: &random)! }.joined()
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    package static func firstName(_ random: inout SeededRandom) -> String {
        let name = (0..<2).map { _ in syllables.randomElement(using: &random)! }.joined() + random.weighted([("", 0.5), ("e", 0.3), ("a", 0.2)])
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
