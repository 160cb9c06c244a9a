/// A person who uses the application (an agent, never a member of the public).
public struct Account: Sendable, Equatable {
    public let id: Int64
    public var login: String
    public var displayName: String
    public var institution: Institution
    public var roles: Set<Role>
    public var siteIDs: [String]
    public var disabled: Bool
    public var mustChangePassword: Bool
    public var isDemo: Bool

    public func can(_ permission: Permission) -> Bool { !disabled && AccessPolicy.allows(roles, permission) }

    public var rolesLabel: String { roles.sorted().map(\.label).joined(separator: ", ") }
}
