#include "benchmark.h"

#include "interchange/interchange.h"
#include "store/store.h"
#include "story/generator.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace chronomap {

// Reading a large TimelineJS JSON file, Chronomap's own export of a generated story of 50k
// events, into a new story as the command line and the window do (parse, then one
// transaction). The reader must stay linear in the file's size.
void benchImport(QTextStream& out)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return;
    const QString json = dir.filePath(QStringLiteral("bench.json"));
    {
        auto source =
            Store::open(dir.filePath(QStringLiteral("source.chronomap")), Store::Mode::Create);
        GenerateOptions options;
        options.events = 50'000;
        options.actors = 2'000;
        generateStory(*source, options);
        exportData(*source, QStringLiteral("timelinejs"), json);
    }
    std::vector<double> times;
    for (int round = 0; round < 3; ++round) {
        auto target = Store::open(dir.filePath(QStringLiteral("t%1.chronomap").arg(round)),
                                  Store::Mode::Create);
        QElapsedTimer t;
        t.start();
        applyParsedImport(*target, parseImport(json, QStringLiteral("timelinejs")));
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    benchLine(out, "import_timelinejs_50k", percentile(times, 0.5), "ms");
}

} // namespace chronomap
