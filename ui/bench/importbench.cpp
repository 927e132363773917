#include "benchmark.h"

#include "interchange/importcommand.h"
#include "interchange/interchange.h"
#include "store/store.h"
#include "story/generator.h"
#include "story/story.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUndoStack>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

// A generated story of `events` events and 2,000 actors, exported as TimelineJS JSON to `path`.
void generatedTimelineJs(const QTemporaryDir& dir, const QString& path, qint64 events)
{
    auto source =
        Store::open(dir.filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".chronomap")),
                    Store::Mode::Create);
    GenerateOptions options;
    options.events = events;
    options.actors = 2'000;
    generateStory(*source, options);
    exportData(*source, QStringLiteral("timelinejs"), path);
}

} // namespace

// Reading a large TimelineJS JSON file, Chronomap's own export of a generated story of 50k
// events, into a new story as the command line and the window do (parse, then one
// transaction). The reader must stay linear in the file's size.
void benchImport(QTextStream& out)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return;
    const QString json = dir.filePath(QStringLiteral("bench.json"));
    generatedTimelineJs(dir, json, 50'000);
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

    // The window's import of a large file is one undo step: the import, Edit › Undo (which
    // takes out every row it added) and Edit › Redo (which writes them again with their ids),
    // each one transaction. One round: the file is large and the machine shared.
    const QString large = dir.filePath(QStringLiteral("large.json"));
    generatedTimelineJs(dir, large, 100'000);
    const ParsedImport parsed = parseImport(large, QStringLiteral("timelinejs"));
    auto story = Story::create(dir.filePath(QStringLiteral("undo.chronomap")), true);
    QElapsedTimer t;
    t.start();
    importInto(story.get(), parsed);
    benchLine(out, "import_window_timelinejs_100k", double(t.nsecsElapsed()) / 1e6, "ms");
    const qint64 events = story->store().counts().events;
    t.restart();
    story->undoStack()->undo();
    benchLine(out, "import_undo_100k", double(t.nsecsElapsed()) / 1e6, "ms");
    const bool undone = story->store().counts().events == 0;
    t.restart();
    story->undoStack()->redo();
    benchLine(out, "import_redo_100k", double(t.nsecsElapsed()) / 1e6, "ms");
    // A figure for work that was not done would mislead: say so instead.
    if (!undone || story->store().counts().events != events)
        out << "import_undo_redo_100k FAILED (the story did not come back as imported)\n";
}

} // namespace chronomap
