import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// The servers live beside the published folder, never in it, and a build
/// replaces only what it generated there: what a merchant installs stays.
@Suite struct ServerFolderTests {
    private func exists(_ project: TemporaryProject, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: project.directory.appending(path: path).path)
    }

    @Test func thePublishedFolderHoldsTheSiteAndTheServersSitBesideIt() throws {
        let project = try TemporaryProject()
        let result = project.builder.build()
        #expect(result.succeeded, "\(result.diagnostics.all)")
        #expect(exists(project, "dist/fr/checkout.html"))
        #expect(!exists(project, "dist/server"))
        for language in ServerLanguage.allCases {
            #expect(exists(project, "server/\(language.rawValue)/\(language.mainFile)"), "\(language)")
        }
        let script = project.directory.appending(path: "server/curl/create-payment-intent.sh").path
        #expect(FileManager.default.isExecutableFile(atPath: script), "the README runs it as ./create-payment-intent.sh")
    }

    @Test func aRebuildKeepsWhatTheMerchantInstalledAndReplacesOnlyGeneratedFiles() throws {
        let project = try TemporaryProject()
        #expect(project.builder.build().succeeded)
        try project.write("server/python/.venv/bin/python", "installed")
        try project.write("server/python/.env", "STRIPE_WEBHOOK_SECRET=kept")
        try project.write("server/node/node_modules/stripe/index.js", "installed")
        try project.write("server/python/app.py", "edited by hand")
        try project.write("server/notes.txt", "mine")

        // Python and cURL only: the other servers' generated files go, their installs stay.
        try project.write("almakit.yml", TemporaryProject.validConfig + "\nserver:\n  languages: [python, curl]\n")
        let result = project.builder.build()
        #expect(result.succeeded, "\(result.diagnostics.all)")

        #expect(try project.read("server/python/.venv/bin/python") == "installed")
        #expect(try project.read("server/python/.env") == "STRIPE_WEBHOOK_SECRET=kept")
        #expect(try project.read("server/node/node_modules/stripe/index.js") == "installed")
        #expect(try project.read("server/notes.txt") == "mine")
        #expect(try project.read("server/python/app.py").contains("create_alma_payment_intent"), "generated files are replaced")
        #expect(!exists(project, "server/node/server.js"))
        #expect(!exists(project, "server/go"), "a folder the build emptied is removed")
        #expect(!exists(project, "server/java/src"))
        let manifest = try project.read("server/\(ServerWriter.manifest)")
        #expect(manifest.contains("python/app.py") && !manifest.contains("node/server.js"))
    }

    @Test func aFailedBuildLeavesTheServersAsTheyWere() throws {
        let project = try TemporaryProject()
        #expect(project.builder.build().succeeded)
        let before = try project.read("server/python/app.py")
        try project.write("almakit.yml", TemporaryProject.validConfig.replacingOccurrences(of: "amount: 5099", with: "amount: 4999"))
        #expect(!project.builder.build().succeeded)
        #expect(try project.read("server/python/app.py") == before)
    }

    @Test func aManifestCannotMakeABuildDeleteOutsideTheServersFolder() throws {
        let project = try TemporaryProject()
        #expect(project.builder.build().succeeded)
        try project.write("keep.txt", "outside")
        try project.write("server/python/.venv/bin/python", "installed")
        try project.write("server/\(ServerWriter.manifest)", "../keep.txt\n/etc/hostname\npython/../../keep.txt\npython/.venv\n")
        #expect(project.builder.build().succeeded)
        #expect(try project.read("keep.txt") == "outside")
        #expect(try project.read("server/python/.venv/bin/python") == "installed", "a folder named in the manifest is not removed")
    }

    @Test(arguments: ["dist/server", "dist", ".", "Content/fr/srv", "Templates"])
    func serversInsideThePublishedFolderOrTheProjectAreRefused(servers: String) throws {
        let project = try TemporaryProject()
        var options = BuildOptions(projectDirectory: project.directory)
        options.serversDirectory = project.directory.appending(path: servers)
        let result = SiteBuilder(options: options).build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.errors.contains { $0.message.contains("servers folder") }, "\(result.diagnostics.all)")
        #expect(!exists(project, "dist"))
    }

    @Test func eachServerPointsAtThePublishedFolderFromItsOwn() throws {
        let project = URL(fileURLWithPath: "/srv/shop")
        #expect(FilePaths.relative(from: project.appending(path: "server/python"), to: project.appending(path: "dist")) == "../../dist")
        #expect(FilePaths.relative(from: project.appending(path: "server/python"), to: URL(fileURLWithPath: "/var/www/site")) == "../../../../var/www/site")
        #expect(FilePaths.relative(from: project.appending(path: "a/b"), to: project.appending(path: "a/b/c")) == "c")
    }
}
