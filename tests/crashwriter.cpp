// A story editor without a window, for the crash-safety and two-process tests: it opens a
// story the way the window does and edits it in a loop through the window's own undo commands
// (EditGuard::push), printing "committed <kind> <tag>" (flushed) after each edit that reached
// the file, and "error <message>" for each edit that did not. The harness kills it at random
// moments and then checks that every edit it was told about is in the file.
//
// Usage: crashwriter <story> <tag> <edits> [<phases>]
// With phases, the edits are split into that many equal runs; before each run it prints
// "waiting <k>" and reads a line from its standard input: the two-process test releases both
// writers into each run together, so that their runs overlap for certain.
// Edits cycle through: a new event (uid and title "<tag>-<i>"), an edit of the previous
// event's summary ("edited <tag>-<i-1>"), a note on it ("note <tag>-<i>").
#include "edit/edits.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

using namespace chronomap;

namespace {

void say(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout); // the harness may kill us right after: the line must be out
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 && args.size() != 5) {
        say(QStringLiteral("error usage: crashwriter <story> <tag> <edits> [<phases>]"));
        return 2;
    }
    const QString path = args.at(1);
    const QString tag = args.at(2);
    const int edits = args.at(3).toInt();
    const int phases = args.size() == 5 ? std::max(1, args.at(4).toInt()) : 0;
    const int perPhase = phases ? std::max(1, edits / phases) : 0;

    std::unique_ptr<Story> story;
    try {
        // As the window opens a story: the full check runs on another thread there.
        story = Story::open(path, Store::Mode::ReadWrite, Store::Check::Deferred);
    } catch (const StoreError& e) {
        say(QStringLiteral("error ") + e.message());
        return 1;
    }
    say(QStringLiteral("opened"));

    Id lastEvent = 0;
    QString lastName;
    int failures = 0;
    for (int i = 0; i < edits; ++i) {
        if (phases && i % perPhase == 0 && i / perPhase < phases) {
            say(QStringLiteral("waiting %1").arg(i / perPhase));
            char line[16];
            if (!std::fgets(line, sizeof line, stdin)) {
                say(QStringLiteral("error the harness closed the barrier"));
                return 1;
            }
        }
        const QString name = QStringLiteral("%1-%2").arg(tag).arg(i);
        QString error;
        QString done;
        switch (i % 3) {
        case 0: {
            Event e;
            e.title = name;
            e.uid = name;
            e.date = PartialDate::fromDay(2025, 1 + i % 12, 1 + i % 28);
            e.summary = QStringLiteral("written by crashwriter");
            EditCommand* cmd = makeInsert(story.get(), e);
            if (EditGuard::push(story.get(), cmd, &error)) {
                lastEvent = cmd->createdId();
                lastName = name;
                done = QStringLiteral("event ") + name;
            }
            break;
        }
        case 1: {
            const auto before = story->store().event(lastEvent);
            if (!before) {
                error = QStringLiteral("event %1 is missing").arg(lastName);
                break;
            }
            Event after = *before;
            after.summary = QStringLiteral("edited ") + lastName;
            if (EditGuard::push(story.get(), makeUpdate(story.get(), after), &error))
                done = QStringLiteral("update ") + lastName;
            break;
        }
        default:
            if (EditGuard::push(story.get(),
                                makeAnnotate(story.get(), {EntityKind::Event, lastEvent},
                                             QStringLiteral("note ") + name),
                                &error))
                done = QStringLiteral("note ") + name;
            break;
        }
        if (!done.isEmpty()) {
            say(QStringLiteral("committed ") + done);
        } else {
            say(QStringLiteral("error ") + (error.isEmpty() ? QStringLiteral("no change") : error));
            ++failures;
        }
    }
    say(QStringLiteral("finished"));
    return failures ? 1 : 0;
}
