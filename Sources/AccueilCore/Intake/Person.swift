import Orientation

/// A person received at the desk (a member of the public).
public struct Person: Sendable, Equatable {
    public let id: Int64
    public var lastName: String
    public var firstName: String
    public var birthDate: String?
    public var phone: String?
    public var followedBy: Service?
    public var referent: String?
    public var mergedInto: Int64?

    public var fullName: String { "\(firstName) \(lastName.uppercased())" }
}
