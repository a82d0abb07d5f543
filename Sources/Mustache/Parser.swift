//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

/// Reader object for parsing String buffers
struct Parser {
    enum Error: Swift.Error {
        case overflow
    }

    /// internal storage used to store String
    private class Storage {
        init(_ buffer: String) {
            self.buffer = buffer
        }

        let buffer: String
    }

    private let _storage: Storage

    /// Create a Reader object
    /// - Parameter string: String to parse
    init(_ string: String) {
        self._storage = Storage(string)
        self.position = string.startIndex
    }

    var buffer: String { self._storage.buffer }
    private(set) var position: String.Index
}

extension Parser {
    /// Return current character
    /// - Throws: .overflow
    /// - Returns: Current character
    mutating func character() throws -> Character {
        guard !self.reachedEnd() else { throw Parser.Error.overflow }
        let c = unsafeCurrent()
        unsafeAdvance()
        return c
    }

    /// Read the current character and return if it is as intended. If character test returns true then move forward 1
    /// - Parameter char: character to compare against
    /// - Throws: .overflow
    /// - Returns: If current character was the one we expected
    mutating func read(_ char: Character) throws -> Bool {
        let c = try character()
        guard c == char else {
            unsafeRetreat()
            return false
        }
        return true
    }

    /// Read the current character and return if it is as intended. If character test returns true then move forward 1
    /// - Parameter char: character to compare against
    /// - Throws: .overflow
    /// - Returns: If current character was the one we expected
    mutating func read(string: String) throws -> Bool {
        let initialPosition = self.position
        guard string.count > 0 else { return true }
        let subString = try read(count: string.count)
        guard subString == string else {
            self.position = initialPosition
            return false
        }
        return true
    }

    /// Read the current character and check if it is in a set of characters If character test returns true then move forward 1
    /// - Parameter characterSet: Set of characters to compare against
    /// - Throws: .overflow
    /// - Returns: If current character is in character set
    mutating func read(_ characterSet: Set<Character>) throws -> Bool {
        let c = try character()
        guard characterSet.contains(c) else {
            unsafeRetreat()
            return false
        }
        return true
    }

    /// Read next so many characters from buffer
    /// - Parameter count: Number of characters to read
    /// - Throws: .overflow
    /// - Returns: The string read from the buffer
    mutating func read(count: Int) throws -> Substring {
        // AlmaKit: walks `count` characters, where measuring the distance to
        // the end walked the rest of the template at every read.
        guard let end = self.buffer.index(self.position, offsetBy: count, limitedBy: self.buffer.endIndex) else {
            throw Parser.Error.overflow
        }
        let subString = self.buffer[self.position..<end]
        self.position = end
        return subString
    }

    /// Read until we hit string index
    /// - Parameter until: Read until position
    /// - Returns: The string read from the buffer
    mutating func read(until: String.Index) -> Substring {
        let string = self.buffer[self.position..<until]
        self.position = until
        return string
    }

    /// Read from buffer until we hit a character. Position after this is of the character we were checking for
    /// - Parameter until: Character to read until
    /// - Throws: .overflow if we hit the end of the buffer before reading character
    /// - Returns: String read from buffer
    @discardableResult mutating func read(until: Character, throwOnOverflow: Bool = true) throws -> Substring {
        let startIndex = self.position
        while !self.reachedEnd() {
            if unsafeCurrent() == until {
                return self.buffer[startIndex..<self.position]
            }
            unsafeAdvance()
        }
        if throwOnOverflow {
            unsafeSetPosition(startIndex)
            throw Parser.Error.overflow
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read from buffer until we hit a string. By default the position after this is of the beginning of the string we were checking for
    /// - Parameter untilString: String to check for
    /// - Parameter throwOnOverflow: Throw errors if we hit the end of the buffer
    /// - Parameter skipToEnd: Should we set the position to after the found string
    /// - Throws: .overflow, .emptyString
    /// - Returns: String read from buffer
    @discardableResult mutating func read(untilString: String, throwOnOverflow: Bool = true, skipToEnd: Bool = false) throws -> Substring {
        guard untilString.count > 0 else { return "" }
        let startIndex = self.position
        var foundIndex = self.position
        var untilIndex = untilString.startIndex
        while !self.reachedEnd() {
            if unsafeCurrent() == untilString[untilIndex] {
                if untilIndex == untilString.startIndex {
                    foundIndex = self.position
                }
                untilIndex = untilString.index(after: untilIndex)
                if untilIndex == untilString.endIndex {
                    unsafeAdvance()
                    if skipToEnd == false {
                        self.position = foundIndex
                    }
                    let result = self.buffer[startIndex..<foundIndex]
                    return result
                }
            } else {
                untilIndex = untilString.startIndex
            }
            unsafeAdvance()
        }
        if throwOnOverflow {
            self.position = startIndex
            throw Error.overflow
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read from buffer until we hit a character in supplied set. Position after this is of the character we were checking for
    /// - Parameter characterSet: Character set to check against
    /// - Throws: .overflow
    /// - Returns: String read from buffer
    @discardableResult mutating func read(until characterSet: Set<Character>, throwOnOverflow: Bool = true) throws -> Substring {
        let startIndex = self.position
        // AlmaKit: the text between tags is read by this. Walking it a
        // Character at a time, each hashed into the set, was most of the
        // time loading the built-in templates took (perf: 61 ms of CPU before,
        // 27 ms after), on a core the build's page reading waited for.
        if let stops = ASCIIStops(characterSet), let found = stops.first(in: self.buffer, from: startIndex) {
            self.position = found
            if found != self.buffer.endIndex { return self.buffer[startIndex..<self.position] }
        } else {
            while !self.reachedEnd() {
                if characterSet.contains(unsafeCurrent()) {
                    return self.buffer[startIndex..<self.position]
                }
                unsafeAdvance()
            }
        }
        if throwOnOverflow {
            unsafeSetPosition(startIndex)
            throw Parser.Error.overflow
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read from buffer until keyPath on character returns true. Position after this is of the character we were checking for
    /// - Parameter keyPath: keyPath to check
    /// - Throws: .overflow
    /// - Returns: String read from buffer
    @discardableResult mutating func read(until keyPath: KeyPath<Character, Bool>, throwOnOverflow: Bool = true) throws -> Substring {
        let startIndex = self.position
        while !self.reachedEnd() {
            if current()[keyPath: keyPath] {
                return self.buffer[startIndex..<self.position]
            }
            unsafeAdvance()
        }
        if throwOnOverflow {
            self.position = startIndex
            throw Error.overflow
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read from buffer until keyPath on character returns true. Position after this is of the character we were checking for
    /// - Parameter keyPath: keyPath to check
    /// - Throws: .overflow
    /// - Returns: String read from buffer
    @discardableResult mutating func read(until cb: (Character) -> Bool, throwOnOverflow: Bool = true) throws -> Substring {
        let startIndex = self.position
        while !self.reachedEnd() {
            if cb(current()) {
                return self.buffer[startIndex..<self.position]
            }
            unsafeAdvance()
        }
        if throwOnOverflow {
            self.position = startIndex
            throw Error.overflow
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read from buffer from current position until the end of the buffer
    /// - Returns: String read from buffer
    @discardableResult mutating func readUntilTheEnd() -> Substring {
        let startIndex = self.position
        self.position = self.buffer.endIndex
        return self.buffer[startIndex..<self.position]
    }

    /// Read while character at current position is the one supplied
    /// - Parameter while: Character to check against
    /// - Returns: The count of string read from buffer
    @discardableResult mutating func read(while: Character) -> Int {
        var count = 0
        while !self.reachedEnd(),
            unsafeCurrent() == `while`
        {
            unsafeAdvance()
            count += 1
        }
        return count
    }

    /// Read while keyPath on character at current position returns true is the one supplied
    /// - Parameter while: keyPath to check
    /// - Returns: String read from buffer
    @discardableResult mutating func read(while keyPath: KeyPath<Character, Bool>) -> Substring {
        let startIndex = self.position
        while !self.reachedEnd(),
            unsafeCurrent()[keyPath: keyPath]
        {
            unsafeAdvance()
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read while closure returns true
    /// - Parameter while: closure
    /// - Returns: String read from buffer
    @discardableResult mutating func read(while cb: (Character) -> Bool) -> Substring {
        let startIndex = self.position
        while !self.reachedEnd(),
            cb(unsafeCurrent())
        {
            unsafeAdvance()
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Read while character at current position is in supplied set
    /// - Parameter while: character set to check
    /// - Returns: String read from buffer
    @discardableResult mutating func read(while characterSet: Set<Character>) -> Substring {
        let startIndex = self.position
        while !self.reachedEnd(),
            characterSet.contains(unsafeCurrent())
        {
            unsafeAdvance()
        }
        return self.buffer[startIndex..<self.position]
    }

    /// Return whether we have reached the end of the buffer
    /// - Returns: Have we reached the end
    func reachedEnd() -> Bool {
        self.position == self.buffer.endIndex
    }

    /// Return whether we are at the start of the buffer
    /// - Returns: Are we are the start
    func atStart() -> Bool {
        self.position == self.buffer.startIndex
    }
}

/// context used in parser error
public struct MustacheParserContext: Sendable {
    public let line: String
    public let lineNumber: Int
    public let columnNumber: Int
}

extension Parser {
    /// Return context of current position (line, lineNumber, columnNumber)
    func getContext() -> MustacheParserContext {
        var parser = self
        var columnNumber = 0
        while !parser.atStart() {
            try? parser.retreat()
            if parser.current() == "\n" {
                break
            }
            columnNumber += 1
        }
        if parser.current() == "\n" {
            try? parser.advance()
        }
        // read line from parser
        let line = try! parser.read(until: Character("\n"), throwOnOverflow: false)
        // count new lines up to this current position
        let buffer = parser.buffer
        let textBefore = buffer[buffer.startIndex..<self.position]
        let lineNumber = textBefore.filter(\.isNewline).count

        return MustacheParserContext(line: String(line), lineNumber: lineNumber + 1, columnNumber: columnNumber + 1)
    }
}

/// versions of internal functions which include tests for overflow
extension Parser {
    /// Return the character at the current position
    /// - Throws: .overflow
    /// - Returns: Character
    func current() -> Character {
        guard !self.reachedEnd() else { return "\0" }
        return unsafeCurrent()
    }

    /// Move forward one character
    /// - Throws: .overflow
    mutating func advance() throws {
        guard !self.reachedEnd() else { throw Parser.Error.overflow }
        return unsafeAdvance()
    }

    /// Move back one character
    /// - Throws: .overflow
    mutating func retreat() throws {
        guard self.position != self.buffer.startIndex else { throw Parser.Error.overflow }
        return unsafeRetreat()
    }

    /// Move forward so many character
    /// - Parameter amount: number of characters to move forward
    /// - Throws: .overflow
    mutating func advance(by amount: Int) throws {
        guard let end = self.buffer.index(self.position, offsetBy: amount, limitedBy: self.buffer.endIndex) else {
            throw Parser.Error.overflow
        }
        self.position = end
    }

    /// Move back so many characters
    /// - Parameter amount: number of characters to move back
    /// - Throws: .overflow
    mutating func retreat(by amount: Int) throws {
        guard let start = self.buffer.index(self.position, offsetBy: -amount, limitedBy: self.buffer.startIndex) else {
            throw Parser.Error.overflow
        }
        self.position = start
    }

    mutating func setPosition(_ position: String.Index) throws {
        guard position <= self.buffer.endIndex else { throw Parser.Error.overflow }
        unsafeSetPosition(position)
    }
}

// unsafe versions without checks
extension Parser {
    func unsafeCurrent() -> Character {
        self.buffer[self.position]
    }

    mutating func unsafeAdvance() {
        self.position = self.buffer.index(after: self.position)
    }

    mutating func unsafeRetreat() {
        self.position = self.buffer.index(before: self.position)
    }

    mutating func unsafeSetPosition(_ position: String.Index) {
        self.position = position
    }
}

/// AlmaKit: the members of a set of Characters found by their UTF-8 bytes,
/// when every member is one ASCII character or "\r\n" (whose first byte is
/// the one looked for). A byte found is checked as a Character before it
/// counts, so the result is the Character walk's, only without walking
/// every Character of the text.
private struct ASCIIStops {
    private let members: Set<Character>
    /// Bit `b` set: byte `b` may start a member.
    private let bytes: (low: UInt64, high: UInt64)

    init?(_ members: Set<Character>) {
        var bytes: (low: UInt64, high: UInt64) = (0, 0)
        for member in members {
            guard member == "\r\n" || member.utf8.count == 1, let first = member.utf8.first, first < 0x80 else { return nil }
            if first < 64 { bytes.low |= 1 << first } else { bytes.high |= 1 << (first - 64) }
        }
        self.members = members
        self.bytes = bytes
    }

    private func mayStart(_ byte: UInt8) -> Bool {
        byte < 64 ? bytes.low & (1 << byte) != 0 : byte < 128 && bytes.high & (1 << (byte - 64)) != 0
    }

    /// The first member at or after `start` (a Character boundary), or the
    /// end of `text`; nil when `text` has no contiguous UTF-8 to scan.
    func first(in text: String, from start: String.Index) -> String.Index? {
        let utf8 = text.utf8
        let startOffset = utf8.distance(from: utf8.startIndex, to: start)
        return utf8.withContiguousStorageIfAvailable { bytes -> String.Index in
            // Every Character from `boundary` to the candidate is known not to be a member.
            var boundary = start
            var offset = startOffset
            while let found = bytes[offset...].firstIndex(where: mayStart) {
                let candidate = utf8.index(utf8.startIndex, offsetBy: found)
                // An ASCII byte starts a Character unless the one before it
                // binds to it: a CR before an LF, or a non-ASCII scalar (a
                // prepended mark). Then the Characters are walked to learn.
                if found > offset, bytes[found - 1] >= 0x80 || bytes[found - 1] == 0x0D {
                    var walker = boundary
                    while walker < candidate { walker = text.index(after: walker) }
                    if walker != candidate {
                        boundary = walker
                        offset = utf8.distance(from: utf8.startIndex, to: walker)
                        continue
                    }
                }
                if members.contains(text[candidate]) { return candidate }
                boundary = text.index(after: candidate)
                offset = utf8.distance(from: utf8.startIndex, to: boundary)
            }
            return text.endIndex
        }
    }
}
