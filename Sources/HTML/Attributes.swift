/// Small helpers for attributes whose presence (not value) matters.
public enum Attr {
    /// ` checked` when true, nothing otherwise.
    public static func checked(_ on: Bool) -> HTML { on ? " checked" : .empty }
    public static func selected(_ on: Bool) -> HTML { on ? " selected" : .empty }
    public static func required(_ on: Bool) -> HTML { on ? " required" : .empty }
    public static func disabled(_ on: Bool) -> HTML { on ? " disabled" : .empty }
}
