/// The pages AlmaKit writes into each language folder itself.
public enum GeneratedPages {
    public static let checkout = "checkout.html"
    public static let returnPage = "return.html"
    public static let notFound = "404.html"
    static let reservedNames: Set<String> = [checkout, returnPage, notFound]
}
