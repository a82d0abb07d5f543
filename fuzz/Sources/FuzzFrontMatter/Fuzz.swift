import AlmaKit
import FuzzDriver

@main
enum Fuzz {
    static func main() { fuzz(FuzzEntryPoints.frontMatter) }
}
