// Keeps secrets out of text meant for people: URLs lose their user info and secret-looking query
// parameters. Header values are masked by HTTPHeader.isSecret. Leaves out: scanning bodies.

/// Masks the secret parts of values before they reach an error, a log or a dump.
public enum Redaction {
    /// The URL without `user:password@` and with the values of key/token/secret query parameters masked.
    public static func url(_ url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                text.replaceSubrange(scheme.upperBound...at, with: "")
            }
        }
        guard let question = text.firstIndex(of: "?") else { return text }
        let query = text[text.index(after: question)...]
        let masked = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let lower = name.lowercased()
            let secret = ["key", "token", "secret", "password", "sig"].contains { lower.contains($0) }
            return secret && pair.contains("=") ? "\(name)=<redacted>" : String(pair)
        }
        return String(text[...question]) + masked.joined(separator: "&")
    }
}
