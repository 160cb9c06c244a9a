import Testing
@testable import HTML

@Suite struct HTMLTests {
    @Test func interpolatedTextIsEscapedAndLiteralsAreNot() {
        let name = "<b>O'Brien & \"fils\"</b>"
        let page: HTML = "<p class=\"x\">\(name)</p>"
        #expect(page.rendered == "<p class=\"x\">&lt;b&gt;O&#39;Brien &amp; &quot;fils&quot;&lt;/b&gt;</p>")
    }

    @Test func accentsPassThroughAsUTF8() {
        let page: HTML = "<p>\("Élodie, Noël, œuvre, à €")</p>"
        #expect(page.rendered == "<p>Élodie, Noël, œuvre, à €</p>")
    }

    @Test func htmlValuesAreInsertedAsTheyAre() {
        let inner: HTML = "<em>\("a<b")</em>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.rendered == "<p><em>a&lt;b</em></p>")
    }

    @Test func attributeValuesCannotBreakOut() {
        let hostile = "\" onmouseover=\"alert(1)"
        let input: HTML = "<input value=\"\(hostile)\">"
        #expect(!input.rendered.contains("\" onmouseover"))
    }

    @Test func formFieldsHaveLabelsAndLinkedErrors() {
        let field = FormFields.input("nom", label: "Nom", value: "<x>", error: "Obligatoire")
        #expect(field.rendered.contains("<label for=\"f-nom\">Nom"))
        #expect(field.rendered.contains("id=\"f-nom\""))
        #expect(field.rendered.contains("aria-describedby=\"f-nom-erreur\""))
        #expect(field.rendered.contains("aria-invalid=\"true\""))
        #expect(field.rendered.contains("value=\"&lt;x&gt;\""))
    }

    @Test func choicesAreAFieldsetWithALegendAndCheckedOptions() {
        let group = FormFields.choices("motifs", legend: "Motifs", options: [.init("a", "A"), .init("b", "B")], checked: ["b"], multiple: true)
        #expect(group.rendered.contains("<legend>Motifs</legend>"))
        #expect(group.rendered.contains("value=\"b\" checked"))
        #expect(!group.rendered.contains("value=\"a\" checked"))
        #expect(group.rendered.contains("<label class=\"choice\" for=\"f-motifs-0\">"))
    }

    @Test func errorSummaryLinksToEachField() {
        let summary = FormFields.errorSummary([("nom", "Le nom est obligatoire."), ("children[0].birthDate", "Date invalide.")])
        #expect(summary.rendered.contains("href=\"#f-nom\""))
        #expect(summary.rendered.contains("href=\"#f-children-0--birthDate\""))
        #expect(summary.rendered.contains("2 erreurs"))
    }
}
