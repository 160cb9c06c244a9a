@testable import HTTPCore
import TestSupport

enum ParseOutcome: Equatable {
    case requests([HTTPRequestSummary])
    case failure(HTTPParseError, after: [HTTPRequestSummary])
}

/// The parts of a request the tests compare.
struct HTTPRequestSummary: Equatable {
    let method: String
    let target: String
    let headers: [String]
    let body: String

    init(_ request: HTTPRequest) {
        method = request.method
        target = request.target
        headers = request.headers.map { "\($0.name): \($0.value)" }
        body = String(decoding: request.body, as: UTF8.self)
    }
}

enum ParserHarness {
    /// Feeds `input` cut at the given offsets and collects everything the parser yields.
    static func parse(_ input: [UInt8], cuts: [Int], limits: ParserLimits = ParserLimits()) -> ParseOutcome {
        var parser = RequestParser(limits: limits)
        var requests: [HTTPRequestSummary] = []
        var previous = 0
        for cut in cuts.sorted() + [input.count] where cut >= previous {
            parser.append(Array(input[previous..<cut]))
            previous = cut
            do {
                while let request = try parser.nextRequest() { requests.append(HTTPRequestSummary(request)) }
            } catch {
                return .failure(error, after: requests)
            }
        }
        return .requests(requests)
    }

    /// The outcome of parsing whole, which every split must reproduce exactly.
    static func parseInEverySplit(_ text: String, limits: ParserLimits = ParserLimits(), seed: UInt64 = 42) -> (whole: ParseOutcome, disagreements: Int) {
        let input = Array(text.utf8)
        let whole = parse(input, cuts: [], limits: limits)
        var generator = SeededGenerator(seed: seed)
        var disagreements = 0
        var patterns: [[Int]] = [Array(0..<input.count)]  // one byte at a time
        for _ in 0..<25 {
            let count = Int.random(in: 1...max(1, min(12, input.count)), using: &generator)
            patterns.append((0..<count).map { _ in Int.random(in: 0...input.count, using: &generator) })
        }
        for cuts in patterns where parse(input, cuts: cuts, limits: limits) != whole { disagreements += 1 }
        return (whole, disagreements)
    }
}
