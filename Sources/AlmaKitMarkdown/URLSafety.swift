import AlmaKitCore

/// libcmark's rule for URLs that safe mode must not emit.
enum URLSafety {
    private static let dangerousSchemes = ["javascript:", "vbscript:", "file:", "data:"]
    private static let safeDataImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    static func isDangerous(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard dangerousSchemes.contains(where: lowered.hasPrefix) else { return false }
        return !safeDataImages.contains(where: lowered.hasPrefix)
    }
}
