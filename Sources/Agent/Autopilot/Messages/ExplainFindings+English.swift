// ExplainFindings in English: explain_model's sentences, quoted (an effect without one by its direction).

extension ExplainFindings {
    var english: [String] {
        switch self {
        case .effects(let e):
            (e["effects"]?.arrayValue ?? []).prefix(3).compactMap { x -> String? in
                guard let feature = x["feature"]?.stringValue else { return nil }
                if let sentence = x["sentence"]?.stringValue, !sentence.isEmpty {
                    return sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
                }
                return x["direction"]?.stringValue.map { "\(feature): \($0)" }
            }
        case .limits(let e): (e["limits"]?.arrayValue ?? []).prefix(3).compactMap(\.stringValue)
        }
    }
}
