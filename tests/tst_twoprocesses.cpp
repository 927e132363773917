// Two editors on one story at once: two crashwriter processes (the window's edit commands)
// write to the same file for a while. Neither ever reports a failure (SQLITE_BUSY is waited
// out by the busy timeout, never shown), and afterwards the file is sound and holds every
// edit both reported. The writers are released together into each of kPhases runs of edits
// (a barrier on their standard input, no sleeping), so their runs overlap for certain and the
// test asserts it: in commit order, the writers take turns at least once in every run.
#include "store/sqlite/sqlitestore.h"
#include "story/story.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>


using namespace chronomap;

namespace {

// Edits each writer makes: enough that their transactions overlap many times. The stress
// label raises it (CHRONOMAP_TWO_EDITS=3000) so one writer must wait out a long run of the
// other's commits.
int editCount()
{
    const int n = qEnvironmentVariableIntValue("CHRONOMAP_TWO_EDITS");
    return n > 0 ? n : 300;
}

constexpr int kPhases = 10;

// A writer's output, read as it comes.
struct Writer
{
    QProcess process;
    QByteArray pending;
    QStringList lines;

    // Reads until the writer has printed `line`; false if it ended or fell silent first.
    bool waitFor(const QString& line)
    {
        for (;;) {
            if (lines.contains(line))
                return true;
            if (process.state() == QProcess::NotRunning && !process.bytesAvailable())
                return false;
            if (!process.bytesAvailable() && !process.waitForReadyRead(120000) &&
                process.state() != QProcess::NotRunning)
                return false;
            take();
        }
    }
    void take()
    {
        pending += process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            lines << QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
        }
    }
};

// Every edit "committed <kind> <tag>" must be in the file (see crashwriter.cpp).
QStringList missingEdits(const Store& store, const QStringList& committed)
{
    QSet<QString> events, updated, notes;
    for (const Event& e : store.events()) {
        events.insert(e.uid);
        if (e.summary == QStringLiteral("edited ") + e.uid)
            updated.insert(e.uid);
    }
    for (const Annotation& a : store.annotations())
        notes.insert(a.body);
    QStringList missing;
    for (const QString& line : committed) {
        const QString kind = line.section(u' ', 0, 0);
        const QString tag = line.section(u' ', 1);
        const bool present = kind == QLatin1String("event")    ? events.contains(tag)
                             : kind == QLatin1String("update") ? updated.contains(tag)
                             : kind == QLatin1String("note")
                                 ? notes.contains(QStringLiteral("note ") + tag)
                                 : false;
        if (!present)
            missing << line;
    }
    return missing;
}

} // namespace

class TestTwoProcesses : public QObject
{
    Q_OBJECT

private slots:
    void twoEditorsLoseNothingAndNeverSeeBusy();
};

void TestTwoProcesses::twoEditorsLoseNothingAndNeverSeeBusy()
{
    const int kEdits = editCount();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shared.chronomap"));
    Story::create(path);
    const qint64 eventsBefore = Store::open(path, Store::Mode::ReadOnly)->counts().events;

    Writer a, b;
    for (auto [w, tag] : {std::pair{&a, "a"}, std::pair{&b, "b"}}) {
        w->process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        w->process.start(
            QStringLiteral(CHRONOMAP_CRASHWRITER),
            {path, QLatin1String(tag), QString::number(kEdits), QString::number(kPhases)});
    }
    QVERIFY(a.process.waitForStarted(10000));
    QVERIFY(b.process.waitForStarted(10000));
    // The barrier: both must be waiting before either goes on.
    for (int phase = 0; phase < kPhases; ++phase) {
        const QString waiting = QStringLiteral("waiting %1").arg(phase);
        QVERIFY2(a.waitFor(waiting), qPrintable(a.lines.join(u'\n')));
        QVERIFY2(b.waitFor(waiting), qPrintable(b.lines.join(u'\n')));
        a.process.write("go\n");
        b.process.write("go\n");
    }
    // Generous: 300 edits take about two seconds on a loaded machine.
    QVERIFY(a.process.waitForFinished(600000));
    QVERIFY(b.process.waitForFinished(600000));

    QStringList committed;
    for (Writer* w : {&a, &b}) {
        QProcess* p = &w->process;
        w->take();
        if (!w->pending.isEmpty())
            w->lines << QString::fromUtf8(w->pending);
        const QStringList& lines = w->lines;
        for (const QString& l : lines) {
            QVERIFY2(!l.startsWith(QLatin1String("error ")), qPrintable(l));
            if (l.startsWith(QLatin1String("committed ")))
                committed << l.mid(10);
        }
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
        QCOMPARE(lines.value(lines.size() - 1), QStringLiteral("finished"));
    }
    QCOMPARE(committed.size(), 2 * kEdits);

    std::unique_ptr<SqliteStore> store =
        SqliteStore::openFile(path, Store::Mode::ReadWrite, Store::Check::Full);
    QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
    QCOMPARE(missingEdits(*store, committed).join(QStringLiteral(", ")), QString());
    // How often the writers took turns (ids are given in commit order): shows they overlapped.
    int turns = 0;
    QChar last;
    {
        QList<std::pair<Id, QChar>> order;
        for (const Event& e : store->events())
            if (e.uid.size() > 2 && e.uid.at(1) == u'-')
                order.append({e.id, e.uid.at(0)});
        std::sort(order.begin(), order.end());
        for (const auto& [id, who] : std::as_const(order)) {
            if (!last.isNull() && who != last)
                ++turns;
            last = who;
        }
    }
    qInfo("the two writers took turns %d times", turns);
    // Every run had events of both writers, and the runs follow one another: at least one
    // turn in each.
    QVERIFY2(turns >= kPhases, qPrintable(QString::number(turns)));
    // Each writer made one event in three; nothing else was added or duplicated.
    QCOMPARE(store->counts().events, eventsBefore + 2 * ((kEdits + 2) / 3));
}

QTEST_GUILESS_MAIN(TestTwoProcesses)
#include "tst_twoprocesses.moc"
