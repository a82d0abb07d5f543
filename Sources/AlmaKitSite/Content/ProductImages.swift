import AlmaKitCore
import Foundation

/// The catalogue's pictures: each product's `image`, a file of the project,
/// copied to `assets/products/<id>.<extension>` so that two products may use
/// files of the same name and a page never links outside the site.
package struct ProductImages {
    /// What browsers show in an `<img>` and the pages' policy allows.
    static let extensions: Set<String> = ["avif", "gif", "jpeg", "jpg", "png", "svg", "webp"]

    let config: SiteConfig
    let projectDirectory: URL

    package init(config: SiteConfig, projectDirectory: URL) {
        self.config = config
        self.projectDirectory = projectDirectory
    }

    /// Where a product's image is published, from the site's root; nil without one.
    package static func publishedPath(of product: SiteConfig.Product) -> String? {
        product.image.map { GeneratedPages.productImagesFolder + product.id + "." + (($0 as NSString).pathExtension.lowercased()) }
    }

    /// The copies to make; an image that is missing, outside the project or
    /// not a picture is reported at its `image:` value.
    package func files(into diagnostics: inout Diagnostics) -> [CopiedFile] {
        config.products.compactMap { product in
            guard let image = product.image, let published = Self.publishedPath(of: product) else { return nil }
            let location = config.location(of: "\(product.keyPath).image")
            // Links resolved: one inside the project may not lead out of it.
            let source = projectDirectory.appending(path: image).resolvingSymlinksInPath()
            let project = projectDirectory.resolvingSymlinksInPath().path
            guard !image.hasPrefix("/"), source.path.hasPrefix(project.hasSuffix("/") ? project : project + "/") else {
                diagnostics.append(.error(id: "config.products.image.outside-project", at: location,
                    "'\(image)' is not inside the project", hint: "give a path relative to the project folder, such as 'images/lamp.jpg'"))
                return nil
            }
            guard Self.extensions.contains((image as NSString).pathExtension.lowercased()) else {
                diagnostics.append(.error(id: "config.products.image.not-an-image", at: location,
                    "'\(image)' is not an image browsers show", hint: "use a \(Self.extensions.sorted().joined(separator: ", ")) file"))
                return nil
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), !isFolder.boolValue else {
                diagnostics.append(.error(id: "config.products.image.missing", at: location,
                    "'\(image)' does not exist", hint: "add the file, or check the path: it is relative to the project folder"))
                return nil
            }
            return CopiedFile(path: published, source: source, sourcePath: image)
        }
    }
}
