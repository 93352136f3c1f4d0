// FramingWords in English: load_data's own words, quoted as they are.

extension FramingWords {
    public var english: String {
        switch self {
        case .task(let task): task
        case .validation(let f): f.validation
        case .warning(let message, _): message
        }
    }
}
