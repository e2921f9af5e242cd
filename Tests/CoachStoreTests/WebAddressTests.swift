import CoachCore
import CoachStore
import Testing

@Suite("WebAddress.isValid")
struct WebAddressTests {
    @Test(arguments: [
        "https://example.com", "http://example.com", "https://example.com/a/b?c=d#e",
        "HTTPS://EXAMPLE.COM", "https://sub.example.co.uk:8443/path", "http://localhost",
    ])
    func accepts(_ address: String) {
        #expect(WebAddress.isValid(address))
    }

    @Test(arguments: [
        "", "not a url", "ftp://x", "https://", "http://", "example.com", "mailto:someone@example.com",
        "https:example.com", "file:///etc/passwd", "javascript:alert(1)", "https:// example.com",
    ])
    func rejects(_ address: String) {
        #expect(!WebAddress.isValid(address))
    }
}
