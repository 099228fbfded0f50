public enum SitrepStagesVersion { public static let value = "0.1.0" }
