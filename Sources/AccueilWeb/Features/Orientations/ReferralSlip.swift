import AccueilCore
import HTML
import Orientation

/// The fiche d'orientation page: the person's slip in French, then, when the person's language has
/// a catalogue, the same slip in that language on the next page (one sheet printed on both sides).
/// The « où vous adresser » sheet is printed the same way (`sheet`).
enum ReferralSlip {
    static func render(_ slip: PersonSlip, catalogues: SlipCatalogues, language: IntakeLanguage?, backLink: String) -> HTML {
        sheet(slip.sections, titleKey: "title", documentTitle: "Fiche d'orientation \(slip.reference)", catalogues: catalogues,
              language: language, backLink: backLink)
    }

    /// Any person-facing sheet: French, then its translation when the language has a catalogue.
    static func sheet(_ sections: [PersonSlip.Section], titleKey: String, documentTitle: String, catalogues: SlipCatalogues,
                      language: IntakeLanguage?, backLink: String) -> HTML {
        let translation = language.flatMap { catalogues.translation($0.tag) }
        let body: HTML = """
            <main class="slip">
            \(page(sections, titleKey: titleKey, catalogues.french, translation: false))
            \(translation.map { page(sections, titleKey: titleKey, $0, translation: true) } ?? .empty)
            <p class="no-print slip-actions"><button type="button" class="print-button" hidden>Imprimer</button> <a href="\(backLink)">Retour</a></p>
            </main>
            <script src="/static/js/print.js" defer></script>
            """
        return Layout.document(title: documentTitle, stylesheet: "/static/css/slip.css", body: body)
    }

    /// One language's copy. The French copy carries the page's `lang="fr"`; a translation its own `lang` and `dir`.
    static func page(_ sections: [PersonSlip.Section], titleKey: String, _ texts: SlipCatalogue, translation: Bool) -> HTML {
        let sections = sections.map { section -> HTML in
            let lines = lines(section.lines, texts, translation: translation)
            guard let heading = section.heading else { return lines }
            return "<section><h2>\(texts.text(heading))</h2>\(lines)</section>"
        }
        let header: HTML = """
            <header class="slip-head">
            <p class="slip-brand">\(texts.text("brand"))</p>
            <h1>\(texts.text(titleKey))</h1>
            \(translation ? "<p class=\"slip-translation-note\">\(texts.text("translation.note"))</p>" as HTML : .empty)
            </header>
            """
        if translation {
            return "<article class=\"slip-copy slip-translation\" lang=\"\(texts.tag)\" dir=\"\(texts.direction)\">\(header)\(sections)</article>"
        }
        return "<article class=\"slip-copy\">\(header)\(sections)</article>"
    }

    /// Consecutive data make one description list; list items one list; sentences one paragraph each.
    /// In a translation, stored values (addresses, names, the reference) stay French and left-to-right
    /// inside the translated text, Arabic's included.
    private static func lines(_ lines: [PersonSlip.Line], _ texts: SlipCatalogue, translation: Bool) -> HTML {
        func value(_ text: String) -> HTML { translation ? "<bdi lang=\"fr\" dir=\"ltr\">\(text)</bdi>" : "\(text)" }
        var output: [HTML] = []
        var data: [HTML] = []
        var items: [HTML] = []
        func flush() {
            if !data.isEmpty { output.append("<dl class=\"site-card\">\(data)</dl>"); data = [] }
            if !items.isEmpty { output.append("<ul>\(items)</ul>"); items = [] }
        }
        for line in lines {
            switch line {
            case .datum(let label, let text):
                if !items.isEmpty { flush() }
                data.append("<dt>\(texts.text(label))</dt><dd>\(value(text))</dd>")
            case .item(let key):
                if !data.isEmpty { flush() }
                items.append("<li>\(texts.text(key))</li>")
            case .place(let name):
                flush()
                output.append("<p class=\"slip-destination\"><strong>\(value(name))</strong></p>")
            case .sentence(let key, let values):
                flush()
                output.append("<p>\(sentence(key, values, texts))</p>")
            }
        }
        flush()
        return HTML.join(output)
    }

    static func sentence(_ key: String, _ values: [String: PersonSlip.Value], _ texts: SlipCatalogue) -> String {
        texts.text(key, values.mapValues { value in
            switch value {
            case .text(let text): text
            case .date(let day): texts.date(day)
            case .key(let key): texts.text(key)
            case .language(let language): language.tag == texts.tag ? texts.languageName : language.frenchName
            }
        })
    }
}
