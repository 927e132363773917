#include "benchmark.h"

#include "story/story.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <vector>

namespace chronomap {

namespace {

// Resident memory of this process in MB (Linux /proc), or -1.
double residentMB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> parts = f.readAll().split(' ');
    if (parts.size() < 2)
        return -1;
    return parts[1].toDouble() * 4096.0 / (1024.0 * 1024.0);
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

void line(QTextStream& out, const char* name, double value, const char* unit)
{
    benchLine(out, name, value, unit);
}

} // namespace

void benchLine(QTextStream& out, const char* name, double value, const char* unit)
{
    out << name << ' ' << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << '\n';
    out.flush();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto rank = std::size_t(std::ceil(p * double(v.size())));
    return v[std::min(v.size() - 1, rank > 0 ? rank - 1 : 0)];
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

int runBenchmarks(const QString& storePath, QTextStream& out)
{
    // Opening as the window does: header, version and schema checks and the time index; the
    // page-by-page integrity check runs on another thread meanwhile (timed on its own).
    std::vector<double> openTimes;
    std::unique_ptr<Story> story;
    for (int i = 0; i < 3; ++i) {
        story.reset();
        QElapsedTimer t;
        t.start();
        story = Story::open(storePath, Store::Mode::ReadOnly, Store::Check::Deferred);
        openTimes.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    line(out, "story_events", double(story->timeIndex().size()), "events");
    line(out, "story_open_median", median(openTimes), "ms");
    {
        QElapsedTimer t;
        t.start();
        const QString problem = Store::checkIntegrity(storePath);
        line(out, "story_integrity_check_background", double(t.nsecsElapsed()) / 1e6, "ms");
        if (!problem.isEmpty())
            QTextStream(stderr) << problem << Qt::endl;
    }

    // Full-text search: words the synthetic and the seed stories both use.
    std::vector<double> searchTimes;
    const QStringList queries = {QStringLiteral("sanctions"),     QStringLiteral("peace proposal"),
                                 QStringLiteral("Miami"),         QStringLiteral("ceasefire terms"),
                                 QStringLiteral("\"Witkoff AND"), QStringLiteral("envoy")};
    for (int round = 0; round < 3; ++round)
        for (const QString& q : queries) {
            QElapsedTimer t;
            t.start();
            const auto hits = story->store().search(q, 50);
            searchTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    line(out, "search_first_results_median", median(searchTimes), "ms");
    line(out, "search_first_results_max", *std::max_element(searchTimes.begin(), searchTimes.end()),
         "ms");
    // CHRONOMAP_BENCH_ONLY=timeline,export (any of timeline, actormap, export, import) runs
    // only those groups: a profile of one figure need not wait minutes for the imports.
    const QStringList only = qEnvironmentVariable("CHRONOMAP_BENCH_ONLY")
                                 .split(u',', Qt::SkipEmptyParts);
    auto wanted = [&](const char* group) {
        return only.isEmpty() || only.contains(QLatin1String(group));
    };
    if (wanted("timeline"))
        benchTimeline(*story, out);
    if (wanted("actormap"))
        benchActorMap(*story, out);
    if (wanted("export"))
        benchExport(*story, out);
    if (wanted("import"))
        benchImport(out);
    line(out, "resident_memory", residentMB(), "MB");
    return 0;
}

} // namespace chronomap
