// Usage: html-bench PRED.jsonl [--reps N] PAGE.html...
//
// Reads every page into memory, then runs HTMLExtractor.extract(bytes:url:)
// over all of them N times, timing only the extraction with getrusage (user +
// system CPU of this process, which is single-threaded). Writes one
// {"id","text"} line per page (id = file name up to the first dot) and
// prints one JSON summary line: {"pages", "reps", "cpu_seconds", "pages_per_cpu_second"}.
import SitrepCore
import SitrepStages
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `message` to standard error (file descriptor 2) and exits with status 2.
func fail(_ message: String) -> Never {
    var line = "html-bench: " + message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        out += buffer[0..<n]
    }
    return out
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else { fail("usage: html-bench PRED.jsonl [--reps N] PAGE.html...") }
let predPath = arguments.removeFirst()
var reps = 1
if arguments.first == "--reps", arguments.count >= 2 {
    reps = max(1, Int(arguments[1]) ?? 1)
    arguments.removeFirst(2)
}
var pages: [(id: String, bytes: [UInt8])] = []
for path in arguments {
    guard let bytes = readFile(path) else { fail("cannot read \(path)") }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    pages.append((String(name.split(separator: ".").first ?? Substring(name)), bytes))
}

let extractor = HTMLExtractor()
var texts: [String] = []
let start = cpuSeconds()
for rep in 0..<reps {
    for page in pages {
        let article = extractor.extract(bytes: page.bytes, url: nil)
        if rep == 0 { texts.append(article.text) }
    }
}
let cpu = cpuSeconds() - start

guard let out = fopen(predPath, "w") else { fail("cannot write \(predPath)") }
for (page, text) in zip(pages, texts) {
    fputs("{\"id\":\(jsonString(page.id)),\"text\":\(jsonString(text))}\n", out)
}
fclose(out)
let total = Double(pages.count * reps)
print("{\"pages\": \(pages.count), \"reps\": \(reps), \"cpu_seconds\": \(cpu), \"pages_per_cpu_second\": \(cpu > 0 ? total / cpu : 0)}")
