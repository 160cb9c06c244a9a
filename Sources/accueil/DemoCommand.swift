#if canImport(Glibc)
import Glibc
#endif
import AccueilCore
import Foundation

enum DemoCommand {
    static let help = """
        Usage : accueil demo --intakes N [options]

        Remplit une base de démonstration avec une activité synthétique réaliste (foyers, motifs, secteurs,
        orientations et leurs suites, noms inventés) sur des jours ouvrés, jusqu'à aujourd'hui. Les accueils
        sont ajoutés à ceux déjà présents. Refuse une base qui contient des comptes réels.

        Options :
          --intakes N        nombre d'accueils à créer (obligatoire)
          --years N          années couvertes (défaut 10)
          --seed N           graine du tirage (défaut fixe : deux bases identiques)
          --db FICHIER       base SQLite (ACCUEIL_DB, défaut data/accueil.sqlite)
          --resources DOSSIER données de référence (ACCUEIL_RESOURCES, défaut Resources)
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["intakes", "years", "seed", "db", "resources"], flags: ["help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        guard let count = arguments.values["intakes"].flatMap(Int.init), count > 0 else {
            throw CommandLineArguments.UsageError(description: "--intakes N est obligatoire (N > 0)")
        }
        let env = Environment.current
        var configuration = AppConfiguration()
        configuration.resourcesDirectory = arguments.value("resources", environment: "ACCUEIL_RESOURCES", default: "Resources", in: env)
        let path = DatabaseSettings.path(arguments, env)
        let store = try DatabaseSettings.open(path)
        // Seeds the sites and the demo accounts (an empty base), like `serve` in demonstration mode.
        let context = try Bootstrap.makeContext(store: store, configuration: configuration)
        var options = DemoDataGenerator.Options(intakes: count, lastDay: Self.today())
        if let years = arguments.values["years"].flatMap(Int.init), years > 0 { options.years = years }
        if let seed = arguments.values["seed"].flatMap(UInt64.init) { options.seed = seed }
        // A bulk load touches the whole database: a larger page cache for the writer (256 MiB, this
        // process only) saves most re-reads of the index pages.
        try store.writeSync { db in try db.execute("PRAGMA cache_size = -262144") }
        var generator = DemoDataGenerator(options: options, referential: context.referential)
        let start = Date()
        let interactive = isatty(STDERR_FILENO) == 1
        try generator.run(store) { done, total in
            let seconds = max(0.001, Date().timeIntervalSince(start))
            let line = "\(done) / \(total) accueils (\(done * 100 / total) %), \(Int(Double(done) / seconds))/s, \(Int(seconds)) s"
            // On a terminal the line is rewritten in place; in a log, one line every 5 % or so.
            if interactive {
                let text = "\r" + line + (done == total ? "\n" : "")
                _ = Array(text.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            } else if done == total || done % max(1, total / 20) < 2_000 {
                Environment.printError(line)
            }
        }
        print("Base \(path) : \(count) accueils ajoutés en \(Int(Date().timeIntervalSince(start))) s.")
        return 0
    }

    static func today() -> String {
        let calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt; return c }()
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    }
}
