/// What `coach --version` prints. Raised with each release.
enum CoachVersion {
    static let text = "1.1.0"
}
