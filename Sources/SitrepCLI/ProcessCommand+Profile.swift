import Foundation
import SitrepCore
import SitrepStages

/// `sitrep process --profile`: where the CPU time goes, stage by stage.
///
/// Start-up (loading the models, dictionaries and gazetteer, which the stages
/// do lazily on first use) is measured apart, by running the pipeline once on
/// the built-in sample before the input; then each stage's CPU time is added
/// up on the threads that run it (``PipelineProfile``), and whatever the
/// process spent besides (reading lines, parsing the input JSON, encoding and
/// writing the output, thread hand-offs) is the difference from the process's
/// own CPU time (`getrusage`).
struct ProcessProfiler {
    let profile: PipelineProfile
    /// Process CPU seconds before the pipeline was built.
    let launched: Double
    /// Process CPU seconds spent building and warming up the pipeline.
    let startup: Double
    /// Process CPU seconds when the input began.
    let began: Double
    /// Each stage's CPU time on the warm-up article: its tables' loading, nearly
    /// all of it (the gazetteer's load is the `places` entry).
    let startupByStage: [PipelineProfile.Entry]

    /// Builds the profile for `pipeline` and warms it up on the sample article.
    ///
    /// - Returns: the profiler and the pipeline that reports to it.
    static func start(_ pipeline: Pipeline, launched: Double) -> (ProcessProfiler, Pipeline) {
        // Errors do not matter here: the sample only pulls the tables in.
        let warmUp = PipelineProfile(stages: pipeline.stages.map(\.name), clock: threadCPUNanoseconds)
        _ = try? pipeline.profiled(by: warmUp).run(.scrapedText(SampleArticle.text), id: "warm-up", published: SampleArticle.published)
        let began = processCPUSeconds()
        let profile = PipelineProfile(stages: pipeline.stages.map(\.name), clock: threadCPUNanoseconds)
        let profiler = ProcessProfiler(profile: profile, launched: launched, startup: began - launched, began: began,
                                       startupByStage: warmUp.entries)
        return (profiler, pipeline.profiled(by: profile))
    }

    /// The table printed on standard error after the run.
    func report(lines: Int, bytes: Int, wallSeconds: Double) -> String {
        let total = processCPUSeconds() - began
        let entries = profile.entries
        let stageSeconds = entries.reduce(0.0) { $0 + Double($1.nanoseconds) / 1e9 }
        let articles = max(1, lines)
        var out = String(format: "profile: %d lines, %.2f MB, %.2f CPU-s after start-up (%.2f articles/CPU-s, %.3f MB/CPU-s), %.2f s wall\n",
                         lines, Double(bytes) / 1e6, total, Double(lines) / max(total, 1e-9), Double(bytes) / 1e6 / max(total, 1e-9), wallSeconds)
        out += "stage                 CPU-s   share  ms/article\n"
        func row(_ name: String, _ seconds: Double) {
            out += name.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: " %8.3f %6.1f%% %10.4f\n", seconds, 100 * seconds / max(total, 1e-9), 1000 * seconds / Double(articles))
        }
        for entry in entries { row(entry.stage, Double(entry.nanoseconds) / 1e9) }
        row("input/output", max(0, total - stageSeconds))
        row("total", total)
        out += String(format: "start-up (models, dictionaries, gazetteer; not in the total): %.2f CPU-s\n", startup)
        out += "start-up by stage (the first article, loading included):"
        for entry in startupByStage { out += " " + entry.stage + String(format: " %.3f", Double(entry.nanoseconds) / 1e9) }
        out += " CPU-s\n"
        return out
    }
}

/// CPU seconds used by the calling thread, in nanoseconds.
@Sendable func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// User plus system CPU seconds of the whole process, all threads.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
