/// Accessible form controls: every field has a visible `<label>`, hints and errors are tied to it with
/// `aria-describedby`, an invalid field says so with `aria-invalid`, and values are refilled escaped.
public enum FormFields {
    public struct Option: Sendable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// The hidden synchroniser token every state-changing form carries.
    public static func csrf(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">"
    }

    public static func id(_ name: String) -> String { "f-" + name.replacingNonIdentifierCharacters() }

    /// - Parameter idSuffix: distinguishes fields of the same name in several forms of one page.
    public static func input(_ name: String, label: String, value: String = "", type: String = "text",
                             hint: String? = nil, error: String? = nil, required: Bool = false,
                             autocomplete: String? = nil, extra: HTML = .empty, idSuffix: String = "") -> HTML {
        let fieldID = id(name) + idSuffix
        let described = describedBy(fieldID, hint: hint, error: error)
        let auto: HTML = autocomplete.map { " autocomplete=\"\($0)\"" } ?? .empty
        // A file input takes no value: the browser never refills it.
        let valueAttribute: HTML = type == "file" ? .empty : " value=\"\(value)\""
        return """
            <div class="field">
            <label for="\(fieldID)">\(label)\(requiredMark(required))</label>\(hintHTML(fieldID, hint))
            \(errorHTML(fieldID, error))<input type="\(type)" id="\(fieldID)" name="\(name)"\(valueAttribute)\(auto)\(described)\(Attr.required(required))\(invalid(error))\(extra)>
            </div>
            """
    }

    public static func textarea(_ name: String, label: String, value: String = "", hint: String? = nil,
                                error: String? = nil, rows: Int = 4) -> HTML {
        let fieldID = id(name)
        return """
            <div class="field">
            <label for="\(fieldID)">\(label)</label>\(hintHTML(fieldID, hint))
            \(errorHTML(fieldID, error))<textarea id="\(fieldID)" name="\(name)" rows="\(rows)"\(describedBy(fieldID, hint: hint, error: error))\(invalid(error))>\(value)</textarea>
            </div>
            """
    }

    /// - Parameter idSuffix: distinguishes several selects with the same name on one page (one per table row).
    public static func select(_ name: String, label: String, options: [Option], selected: String?,
                              hint: String? = nil, error: String? = nil, required: Bool = false, includeBlank: String? = nil,
                              idSuffix: String = "") -> HTML {
        let fieldID = id(name) + idSuffix
        var optionsHTML: [HTML] = []
        if let includeBlank { optionsHTML.append("<option value=\"\">\(includeBlank)</option>") }
        for option in options {
            optionsHTML.append("<option value=\"\(option.value)\"\(Attr.selected(option.value == selected))>\(option.label)</option>")
        }
        return """
            <div class="field">
            <label for="\(fieldID)">\(label)\(requiredMark(required))</label>\(hintHTML(fieldID, hint))
            \(errorHTML(fieldID, error))<select id="\(fieldID)" name="\(name)"\(describedBy(fieldID, hint: hint, error: error))\(Attr.required(required))\(invalid(error))>\(optionsHTML)</select>
            </div>
            """
    }

    /// Checkboxes (several answers) or radio buttons (one answer) in a fieldset with a legend.
    public static func choices(_ name: String, legend: String, options: [Option], checked: Set<String>,
                               multiple: Bool, hint: String? = nil, error: String? = nil) -> HTML {
        let groupID = id(name)
        let items = options.enumerated().map { index, option -> HTML in
            let optionID = "\(groupID)-\(index)"
            return "<label class=\"choice\" for=\"\(optionID)\"><input type=\"\(multiple ? "checkbox" : "radio")\" id=\"\(optionID)\" name=\"\(name)\" value=\"\(option.value)\"\(Attr.checked(checked.contains(option.value)))\(invalid(error))> \(option.label)</label>"
        }
        return """
            <fieldset class="field" id="\(groupID)"\(describedBy(groupID, hint: hint, error: error))>
            <legend>\(legend)</legend>
            \(hintHTML(groupID, hint))\(errorHTML(groupID, error))\(HTML.join(items))
            </fieldset>
            """
    }

    /// A single checkbox whose label sits next to it.
    public static func checkbox(_ name: String, label: String, checked: Bool, value: String = "1", hint: String? = nil, error: String? = nil) -> HTML {
        let fieldID = id(name)
        return "<div class=\"field\">\(errorHTML(fieldID, error))<label class=\"choice\" for=\"\(fieldID)\"><input type=\"checkbox\" id=\"\(fieldID)\" name=\"\(name)\" value=\"\(value)\"\(Attr.checked(checked))\(describedBy(fieldID, hint: hint, error: error))\(invalid(error))> \(label)</label>\(hintHTML(fieldID, hint))</div>"
    }

    /// A summary at the top of a form, each error a link to its field (RGAA 11.10).
    public static func errorSummary(_ errors: [(field: String, message: String)]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.map { "<li><a href=\"#\(id($0.field))\">\($0.message)</a></li>" as HTML }
        return """
            <div class="notice error" role="alert" id="erreurs">
            <h2>Le formulaire contient \(errors.count) erreur\(errors.count > 1 ? "s" : "")</h2>
            <ul>\(HTML.join(items))</ul>
            </div>
            """
    }

    private static func requiredMark(_ required: Bool) -> HTML {
        required ? " <span class=\"required\">(obligatoire)</span>" : .empty
    }

    private static func hintHTML(_ fieldID: String, _ hint: String?) -> HTML {
        guard let hint else { return .empty }
        return "<span class=\"hint\" id=\"\(fieldID)-aide\">\(hint)</span>"
    }

    private static func errorHTML(_ fieldID: String, _ error: String?) -> HTML {
        guard let error else { return .empty }
        return "<p class=\"field-error\" id=\"\(fieldID)-erreur\">\(error)</p>"
    }

    private static func describedBy(_ fieldID: String, hint: String?, error: String?) -> HTML {
        let ids = [hint.map { _ in fieldID + "-aide" }, error.map { _ in fieldID + "-erreur" }].compactMap { $0 }
        return ids.isEmpty ? .empty : " aria-describedby=\"\(ids.joined(separator: " "))\""
    }

    private static func invalid(_ error: String?) -> HTML { error == nil ? .empty : " aria-invalid=\"true\"" }
}

extension String {
    /// Form names like `children[0].birthDate` become safe id fragments.
    func replacingNonIdentifierCharacters() -> String {
        String(unicodeScalars.map { scalar -> Character in
            let v = scalar.value
            let ok = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 45 || v == 95
            return ok ? Character(scalar) : "-"
        })
    }
}
