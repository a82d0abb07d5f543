//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Protocol for object that has a custom method for accessing their children, instead
/// of using Mirror
public protocol MustacheParent {
    func child(named: String) -> Any?
}

/// Extend dictionary where the key is a string so that it uses the key values to access
/// it values
extension Dictionary: MustacheParent, MustacheKnownParent where Key == String {
    public func child(named: String) -> Any? { self[named] }
}

/// A `MustacheParent` that is not a `MustacheCustomRepresentation`: the
/// lookup of its children asks the runtime one question about it, where it
/// asks two of any other object (AlmaKit's copy: see README.md in this folder).
/// A type that also conforms to `MustacheCustomRepresentation` must not
/// conform to this protocol: its representation would be passed over.
public protocol MustacheKnownParent: MustacheParent {
    /// AlmaKit: the value under `name`, its kind told by the enum's case
    /// rather than by casts of an `Any`; nil when there is none. The default
    /// wraps `child(named:)` as `.other`; a type that answers otherwise must
    /// answer the same value as `child(named:)` does.
    func value(named name: String) -> MustacheValue?
}

extension MustacheKnownParent {
    public func value(named name: String) -> MustacheValue? {
        child(named: name).map { .other($0) }
    }
}

/// AlmaKit: a value of a known parent as Mustache uses it. Texts, numbers
/// and flags, nearly every value a page reads, are rendered straight from
/// their case; anything else is looked at as Mustache always did.
public enum MustacheValue {
    case text(MustacheText)
    case number(Int)
    case flag(Bool)
    /// An object whose names are read without asking what it is.
    case parent(any MustacheKnownParent)
    /// A list of such objects; `value` is the list itself, as
    /// `child(named:)` gives it (`{{.}}` in an empty list's inverted section).
    case list([any MustacheKnownParent], value: Any)
    case other(Any)

    /// A value found as `Any` (from `child(named:)` or a transform), its
    /// case told by checks of concrete types, which look up no conformance:
    /// a text, number or flag is then printed and tested as if typed.
    init(found: Any) {
        switch found {
        case let text as MustacheText: self = .text(text)
        case let number as Int: self = .number(number)
        case let flag as Bool: self = .flag(flag)
        default: self = .other(found)
        }
    }

    /// The value as `child(named:)` gives it.
    public var any: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .parent(let parent): parent
        case .list(_, let value): value
        case .other(let value): value
        }
    }
}
