/// The languages AlmaKit writes server code in. Each has its templates
/// under `Templates/server/<rawValue>/`.
public enum ServerLanguage: String, Sendable, CaseIterable, Codable {
    case curl, ruby, python, node, php, go, java, dotnet
}
