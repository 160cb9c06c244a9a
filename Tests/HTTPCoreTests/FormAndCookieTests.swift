import Testing
@testable import HTTPCore

@Suite struct FormAndCookieTests {
    @Test func formDecodingHandlesPlusPercentAndUTF8() throws {
        let form = try #require(FormData(urlEncoded: Array("nom=Ren%C3%A9e+Dupont&note=a%26b%3Dc&vide=&seul&nom=second".utf8)))
        #expect(form["nom"] == "Renée Dupont")
        #expect(form["note"] == "a&b=c")
        #expect(form["vide"] == "")
        #expect(form["seul"] == "")
        #expect(form.values("nom") == ["Renée Dupont", "second"])
    }

    @Test(arguments: ["a=%ZZ", "a=%C3", "a=%", "a=%e9"])
    func malformedOrNonUTF8FormsAreRefused(_ body: String) {
        #expect(FormData(urlEncoded: Array(body.utf8)) == nil)
    }

    @Test func cookiesParseFirstValueWinsAndQuotesDrop() {
        let cookies = Cookies(headers: ["Cookie": "sid=abc; theme=\"dark\"; sid=other", "cookie": "x=1"])
        #expect(cookies["sid"] == "abc")
        #expect(cookies["theme"] == "dark")
        #expect(cookies["x"] == "1")
    }

    @Test func setCookieDefaultsAreSafe() {
        let value = SetCookie(name: "sid", value: "v", maxAge: 60, secure: true).headerValue
        #expect(value == "sid=v; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Strict")
    }

    @Test func serializerOmitsBodyForHeadAndWritesFraming() {
        let response = HTTPResponse.text("bonjour")
        let head = String(decoding: ResponseSerializer.serialize(response, isHead: true, keepAlive: false, date: "D"), as: UTF8.self)
        #expect(head == "HTTP/1.1 200 OK\r\nDate: D\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 7\r\nConnection: close\r\n\r\n")
        let get = String(decoding: ResponseSerializer.serialize(response, keepAlive: true, date: "D"), as: UTF8.self)
        #expect(get.hasSuffix("Content-Length: 7\r\n\r\nbonjour"))
        #expect(!get.contains("Connection:"))
    }

    @Test func serializerNeutralisesHeaderInjection() {
        let response = HTTPResponse(status: .seeOther, headers: ["Location": "/a\r\nSet-Cookie: evil=1"])
        let text = String(decoding: ResponseSerializer.serialize(response, keepAlive: true, date: "D"), as: UTF8.self)
        #expect(!text.contains("\r\nSet-Cookie"))
    }

    @Test func httpDateIsIMFFixdate() {
        #expect(HTTPDate.format(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
