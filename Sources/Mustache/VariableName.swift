//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//
// Added in AlmaKit's copy of swift-mustache (see README.md in this folder).
//

/// The name of a variable or section as written in the template, with the
/// work `getChild` used to redo at every lookup done once at parse time: the
/// split on "." and what the name's form asks for.
struct VariableName: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    enum Lookup: Sendable, Equatable {
        /// `.`: the current object.
        case current
        /// `` (with transforms only): the sequence context.
        case empty
        /// `.a.b`: from the current object only, no climbing up the stack.
        case anchored
        /// `a.b`: the first object of the stack, from the top, that has `a`.
        case stack
    }

    /// The name as written.
    let text: String
    /// `text` split on ".", empty parts left out (`String.split` semantics).
    let components: [String]
    let lookup: Lookup

    init(_ text: String) {
        self.text = text
        self.components = text.split(separator: ".").map { String($0) }
        if text == "." {
            self.lookup = .current
        } else if text == "" {
            self.lookup = .empty
        } else if text.first == "." {
            self.lookup = .anchored
        } else {
            self.lookup = .stack
        }
    }

    init(stringLiteral value: String) {
        self.init(value)
    }

    static func == (lhs: VariableName, rhs: VariableName) -> Bool {
        lhs.text == rhs.text
    }

    var description: String { text }
}
