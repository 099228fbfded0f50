/// Why an input file or stream cannot be used, with what to do about it.
struct InputError: Error, CustomStringConvertible {
    var status: ExitStatus
    var description: String

    static func notFound(_ path: String) -> InputError {
        InputError(status: .noInput, description: "\(path): no such file")
    }
    static func unreadable(_ path: String, _ reason: String) -> InputError {
        InputError(status: .noInput, description: "\(path): cannot be read (\(reason))")
    }
    static func empty(_ path: String) -> InputError {
        InputError(status: .dataError, description: "\(path): the input is empty; give an article's text, HTML or JSON lines")
    }
    static func tooLarge(_ path: String, limit: Int) -> InputError {
        InputError(status: .dataError, description: "\(path): the input is larger than \(limit) bytes; raise the limit with --max-bytes if this is really one article")
    }
    static func binary(_ path: String, offset: Int) -> InputError {
        InputError(status: .dataError, description: "\(path): looks like binary data (a NUL byte at offset \(offset)), not text")
    }
    static func compressed(_ path: String) -> InputError {
        InputError(status: .dataError, description: "\(path): is gzip-compressed; decompress it first (gunzip -c \(path) | sitrep ...)")
    }
    static func utf16(_ path: String) -> InputError {
        InputError(status: .dataError, description: "\(path): is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)")
    }
    static func invalidUTF8(_ path: String, offset: Int) -> InputError {
        InputError(status: .dataError, description: "\(path): is not valid UTF-8 (first bad byte at offset \(offset)); convert it to UTF-8 first (iconv -f LATIN1 -t UTF-8, for example)")
    }
}
