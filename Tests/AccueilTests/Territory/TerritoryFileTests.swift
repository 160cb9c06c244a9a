import Foundation
import Orientation
import Testing
@testable import AccueilCore

/// Reading the tables' CSV files and typed addresses: what an administrator's spreadsheet and an
/// agent's typing look like, and the line-by-line French errors.
@Suite struct TerritoryFileTests {
    static let sectors: Set<String> = ["bastide", "saint-jean", "saint-michel", "lac"]

    static func csv(_ text: String) throws -> CSVReader { try CSVReader(bytes: Array(text.utf8)) }

    @Test func csvReadsSemicolonsCommasQuotesAndABOM() throws {
        let semicolons = try Self.csv("\u{FEFF}voie;secteur\r\n\"Rue \"\"du\"\" Port; bis\";bastide\r\n\r\n")
        #expect(semicolons.columns == ["voie", "secteur"])
        #expect(semicolons.records.count == 1 && semicolons.records[0]["voie"] == "Rue \"du\" Port; bis" && semicolons.records[0].line == 2)
        let commas = try Self.csv("Voie,Secteur\nRue A,lac\nRue B,bastide\n")
        #expect(commas.records.map { $0["secteur"] } == ["lac", "bastide"] && commas.records[1].line == 3)
        // A French spreadsheet saves Windows-1252: « é » is the single byte 0xE9.
        let legacy = try CSVReader(bytes: Array("voie;secteur\nRue de la Libération;lac\n".utf8).flatMap { $0 == 0xC3 ? [] as [UInt8] : [$0 == 0xA9 ? 0xE9 : $0] })
        #expect(legacy.records[0]["voie"] == "Rue de la Libération")
        #expect(throws: CSVReader.Malformed.self) { try Self.csv("") }
        // A quote never closed would swallow the rest of the file: refused, naming its line.
        do {
            _ = try Self.csv("voie;secteur\nRue A;lac\n\"Rue B;lac\nRue C;lac\n")
            Issue.record("an unclosed quote must be refused")
        } catch let error as CSVReader.Malformed {
            #expect(error.message == "Ligne 3 : guillemet ouvert et jamais fermé.")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func addressesAreReadWhateverTheTyping() {
        let typed = StreetAddress("12 bis, Av. de la Libération 33100 Bordeaux")
        #expect(typed?.streetKey == StreetAddress("12 avenue liberation")?.streetKey)
        #expect(typed?.number == 12 && typed?.postcode == "33100" && typed?.streetKey == "avenue liberation")
        #expect(StreetAddress("rue Camille-Sauvageau")?.number == nil)
        #expect(StreetName.key("Crs de la Marne") == StreetName.key("Cours Marne"))
        #expect(StreetAddress("12") == nil && StreetAddress("   ") == nil)
    }

    @Test func segmentsOverlapOnlyWhenOneAddressWouldHaveTwoSectors() {
        let always = Period(from: LocalDate(iso: "2024-01-01")!, to: nil)
        func segment(_ from: Int?, _ to: Int?, _ parity: StreetSegment.Parity, period: Period = always, postcode: String = "33800") -> StreetSegment {
            StreetSegment(street: "Cours de l'Exemple", numberFrom: from, numberTo: to, parity: parity, postcode: postcode, sector: "saint-jean", period: period)
        }
        #expect(!segment(1, 99, .odd).overlaps(segment(2, 98, .even)), "two sides of the street")
        #expect(segment(1, 99, .odd).overlaps(segment(51, nil, .all)))
        #expect(!segment(1, 49, .all).overlaps(segment(50, nil, .all)))
        #expect(!segment(2, 2, .even).overlaps(segment(1, 3, .odd)))
        #expect(segment(2, 2, .even).overlaps(segment(1, 3, .all)))
        #expect(!segment(nil, nil, .all).overlaps(segment(nil, nil, .all, postcode: "33000")), "another postcode is another street")
        let before = Period(from: LocalDate(iso: "2023-01-01")!, to: LocalDate(iso: "2023-12-31")!)
        #expect(!segment(nil, nil, .all, period: before).overlaps(segment(nil, nil, .all)), "one after the other")
        #expect(segment(1, 99, .odd).holds(7) && !segment(1, 99, .odd).holds(8) && !segment(1, 99, .odd).holds(nil))
        #expect(segment(nil, nil, .all).holds(nil))
    }

    @Test func aStreetFileIsCheckedLineByLineInFrench() throws {
        let file = try Self.csv("""
            voie;numero_debut;numero_fin;parite;code_postal;secteur;debut;fin
            Rue Bonne;1;99;impair;33800;saint-jean;2024-01-01;
            ;1;2;pair;33800;saint-jean;2024-01-01;
            Rue Trois;12b;;;33800;saint-jean;2024-01-01;
            Rue Quatre;;;un-sur-deux;33800;saint-jean;2024-01-01;
            Rue Cinq;;;;75001;saint-jean;2024-01-01;
            Rue Six;;;;33800;caudéran-nord;2024-01-01;
            Rue Sept;;;;33800;lac;31/12/2024;01/01/2024
            Rue Huit;10;2;;33800;lac;2024-01-01;
            Rue Neuf;;;;33800;LAC;15/03/2024;
            """)
        guard case .failure(let refusal) = StreetTableFile.read(file, sectors: Self.sectors) else {
            Issue.record("a file with errors must be refused whole")
            return
        }
        let byLine = Dictionary(grouping: refusal.lines, by: \.line)
        #expect(byLine.keys.sorted() == [3, 4, 5, 6, 7, 8, 9])
        #expect(byLine[3]?.first?.text == "Ligne 3 : nom de voie manquant.")
        #expect(byLine[4]?.first?.message.contains("numéro de début « 12b » invalide") == true)
        #expect(byLine[5]?.first?.message.contains("parité « un-sur-deux » inconnue") == true)
        #expect(byLine[6]?.first?.message.contains("code postal « 75001 »") == true)
        #expect(byLine[7]?.first?.message.contains("secteur « caudéran-nord » inconnu") == true)
        #expect(byLine[8]?.first?.message.contains("la date de fin précède la date de début") == true)
        #expect(byLine[9]?.first?.message.contains("le numéro de début dépasse le numéro de fin") == true)
        // The good lines alone are read, sector keys in any case, dates as spreadsheets write them.
        let good = try Self.csv("voie;code_postal;secteur;debut\nRue Bonne;33800;Saint-Jean;15/03/2024\n")
        let lines = try StreetTableFile.read(good, sectors: Self.sectors).get()
        #expect(lines.count == 1 && lines[0].segment.sector == "saint-jean" && lines[0].segment.period.from == LocalDate(iso: "2024-03-15"))
        guard case .failure(let missing) = StreetTableFile.read(try Self.csv("rue;secteur\nRue A;lac\n"), sectors: Self.sectors) else {
            Issue.record("missing columns must be named")
            return
        }
        #expect(missing.lines[0].message.contains("colonne(s) manquante(s) : voie, code_postal, debut"))
    }

    @Test func aCommuneFileIsCheckedLineByLine() throws {
        let file = try Self.csv("""
            code_insee;commune;ccas;ccas_courriel;debut;a_confirmer
            33281;Mérignac;CCAS de Mérignac;;2023-01-01;oui
            33063;Bordeaux;CCAS de Bordeaux;;2023-01-01;non
            3328;Nulle-part;;;2023-01-01;
            33318;Pessac;;pas-une-adresse;2023-01-01;peut-être
            """)
        guard case .failure(let refusal) = CommuneTableFile.read(file) else {
            Issue.record("a file with errors must be refused whole")
            return
        }
        #expect(Set(refusal.lines.map(\.line)) == [3, 4, 5])
        #expect(refusal.lines.contains { $0.line == 3 && $0.message.contains("ses services sont ceux du référentiel territorial") })
        #expect(refusal.lines.contains { $0.line == 5 && $0.message.contains("« a_confirmer » doit valoir oui ou non") })
        #expect(refusal.lines.contains { $0.line == 5 && $0.message.contains("adresse électronique") })
        let good = try CommuneTableFile.read(try Self.csv("code_insee;commune;mds;debut\n33281;Mérignac;MDS de l'exemple;2023-01-01\n")).get()
        // Without the column, a row is « à confirmer »: only an explicit « non » reaches the slip.
        #expect(good[0].commune.mds.name == "MDS de l'exemple" && good[0].commune.ccas.name == nil && good[0].commune.toConfirm)
        let confirmed = try CommuneTableFile.read(try Self.csv("code_insee;commune;debut;a_confirmer\n33281;Mérignac;2023-01-01;non\n")).get()
        #expect(!confirmed[0].commune.toConfirm)
    }

    @Test func theCommuneIsReadAsAgentsTypeIt() {
        let merignac = CommuneServices(inseeCode: "33281", name: "Mérignac", ccas: PublicService(name: nil), mds: PublicService(name: nil),
                                       period: Period(from: LocalDate(iso: "2023-01-01")!, to: nil), toConfirm: true)
        let day = LocalDate(iso: "2026-11-16")!
        for bordeaux in ["Bordeaux", "bordeaux", "Bordeaux (33063)", "Bordeaux 33000", "33063"] {
            #expect(CommuneLookup.resolve(bordeaux, communes: [merignac], on: day) == .bordeaux, "\(bordeaux)")
        }
        for typed in ["Mérignac", "merignac", "MERIGNAC", "Mérignac (33281)", "33281"] {
            #expect(CommuneLookup.resolve(typed, communes: [merignac], on: day) == .known(merignac), "\(typed)")
        }
        #expect(CommuneLookup.resolve("33318", communes: [merignac], on: day) == .codeNotInTable("33318"))
        #expect(CommuneLookup.resolve("Saint-Nulle-Part", communes: [merignac], on: day) == .unknown)
        #expect(CommuneLookup.resolve("", communes: [merignac], on: day) == .unknown, "a cleared field is asked, never taken for Bordeaux")
    }

    @Test func theShippedDemoTablesAreValid() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources")
        let referential = try TerritorialReferential(json: Data(contentsOf: resources.appendingPathComponent("referential/territory.json")))
        let streets = try StreetTableFile.read(try CSVReader(bytes: Array(Data(contentsOf: resources.appendingPathComponent(TerritoryFixtures.streetsFile)))),
                                               sectors: Set(referential.sectors.map(\.key))).get()
        let communes = try CommuneTableFile.read(try CSVReader(bytes: Array(Data(contentsOf: resources.appendingPathComponent(TerritoryFixtures.communesFile))))).get()
        #expect(streets.count >= 10 && communes.count >= 5)
        // Nothing sourced for the neighbouring communes: all « à confirmer », no contact invented.
        #expect(communes.allSatisfy { $0.commune.toConfirm && $0.commune.ccas.address == nil && $0.commune.ccas.phone == nil && $0.commune.mds.phone == nil })
    }
}
