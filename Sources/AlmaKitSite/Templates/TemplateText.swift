import Mustache

/// A string in a template context: Mustache prints it without asking the
/// Swift runtime what it is (`MustacheText`). A guide page reads about a
/// hundred values, so the layout every page shares and the guide pages' own
/// values use it; the few other pages keep plain strings.
typealias TemplateText = MustacheText
