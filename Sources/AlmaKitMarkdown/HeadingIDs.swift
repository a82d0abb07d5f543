import AlmaKitCore
import Foundation

/// Anchor ids for headings: the reader's text, lower-cased, without accents,
/// every other run of characters a single hyphen; repeats get `-1`, `-2`.
public enum HeadingIDs {
    public static func slug(_ text: String) -> String {
        // Most headings are plain ASCII, where folding changes nothing and
        // letters and digits are the alphanumerics: no Foundation round trip.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        let folded = text.folding(options: .diacriticInsensitive, locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    private static func asciiSlug(_ text: String) -> String {
        var slug: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }

    /// Ids for every heading of `document`, in order, unique within it.
    public static func ids(for document: MarkdownNode) -> [String] {
        var used: [String: Int] = [:]
        return headings(in: document).map { heading in
            let base = slug(heading.plainText)
            let count = used[base, default: 0]
            used[base] = count + 1
            return count == 0 ? base : "\(base)-\(count)"
        }
    }

    static func headings(in document: MarkdownNode) -> [MarkdownNode] {
        var headings: [MarkdownNode] = []
        document.forEachBlock { block in
            if case .heading = block.kind { headings.append(block) }
        }
        return headings
    }
}
