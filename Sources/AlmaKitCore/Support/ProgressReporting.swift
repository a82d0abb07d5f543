/// What work spread over the cores reports as it goes: one item done. The
/// build's progress conforms to it, so that the layers below the build can
/// advance its bar without knowing its stages.
package protocol ProgressReporting: Sendable {
    func advance()
}
