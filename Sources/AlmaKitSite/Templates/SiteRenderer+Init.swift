import AlmaKitCore

extension SiteRenderer {
    /// For the build, in AlmaKit: a memberwise initializer is internal to its
    /// module. The other properties keep their defaults.
    package init(config: SiteConfig, templates: TemplateSet, strings: StringsCatalogue, translations: Translations, servers: ServerCode) {
        self.config = config
        self.templates = templates
        self.strings = strings
        self.translations = translations
        self.servers = servers
    }
}
