import ArgumentParser

/// Sitrep's exit statuses, documented in `sitrep --help` and the README.
///
/// The numbers follow BSD `sysexits.h` where one fits, so shell scripts and
/// job schedulers can tell a bad input from a broken installation.
enum ExitStatus: Int32 {
    /// Success. `process` also exits 0 when some lines got an `error` object
    /// (unless `--strict`), so that one bad article never fails a Spark task.
    case success = 0
    /// `process --strict`: at least one line got an `error` object.
    case someLinesFailed = 1
    /// Command-line usage error (argument-parser's own status).
    case usage = 64
    /// The input cannot be used: invalid UTF-8, binary, empty or too large.
    case dataError = 65
    /// The input file does not exist or cannot be opened.
    case noInput = 66
    /// The pipeline could not be built or failed unexpectedly.
    case software = 70
    /// Reading or writing failed.
    case ioError = 74

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table shown in `--help` and the README.
    static let helpText = """
    Exit status:
      0   success (process: per-line errors are reported in the output)
      1   process --strict: at least one input line got an error object
      64  usage error
      65  unusable input: invalid UTF-8, binary, empty or over the size limit
      66  input file missing or unreadable
      70  internal error (a bug: please report it)
      74  I/O error while reading or writing
    """
}
