/// Which permanences fit an orientation decision: the host sites it allows (the MDS of the person's
/// sector, or the CCAS sites), optionally narrowed to the sending institution and circonscription
/// (an MDS family seen at the Cité Municipale goes to its own circonscription's afternoon).
public struct SlotFilter: Sendable, Hashable {
    public var siteIDs: Set<String>
    public var sendingInstitution: Institution?
    public var circonscriptionID: String?

    public init(siteIDs: Set<String>, sendingInstitution: Institution? = nil, circonscriptionID: String? = nil) {
        self.siteIDs = siteIDs
        self.sendingInstitution = sendingInstitution
        self.circonscriptionID = circonscriptionID
    }

    public func matches(_ occurrence: Occurrence) -> Bool {
        siteIDs.contains(occurrence.siteID)
            && (sendingInstitution.map { $0 == occurrence.sendingInstitution } ?? true)
            && (circonscriptionID.map { $0 == occurrence.circonscriptionID } ?? true)
    }
}
