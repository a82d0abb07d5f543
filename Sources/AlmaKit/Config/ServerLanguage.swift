/// The languages AlmaKit writes server code in.
public enum ServerLanguage: String, Sendable, CaseIterable, Codable {
    case curl, ruby, python, node, php, go, java, dotnet
}
