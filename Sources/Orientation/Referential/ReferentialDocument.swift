/// The file's shape; extra keys such as "note" are allowed and ignored.
struct ReferentialDocument: Decodable {
    let circonscriptions: [Circonscription]
    let sites: [Site]
    let sectors: [Sector]
}
