// Convenience entry points for reading data files into a Dataset.

extension Dataset {
    /// Reads a CSV file (delimiter sniffed, types inferred). Throws an `MLError` naming the file,
    /// line and column, with what to do, when the file is missing, a directory, empty or malformed.
    public static func load(path: String, options: CSVOptions = .default) throws(MLError) -> Dataset {
        try CSVReader.read(path: path, options: options)
    }
}
