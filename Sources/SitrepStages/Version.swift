public enum SitrepVersion {
    /// The version of Sitrep, shown by `sitrep --version`.
    public static let current = "0.1.0"
}
