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
public protocol MustacheKnownParent: MustacheParent {}
