// Crash safety: a story editor killed with SIGKILL at random moments leaves a story that is
// sound, opens, and holds every edit it reported as committed. The editor is crashwriter (the
// window's own edit commands, no window); the kill points come from a seeded generator, so a
// failure names a seed that reproduces it. CHRONOMAP_STRESS_KILLS raises the count (the
// `stress` label runs 200).
#include "store/sqlite/sqlitestore.h"
#include "story/story.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace chronomap;

namespace {

// What the file must hold after crashwriter said "committed <kind> <tag>".
QString missingEdits(const Store& store, const QStringList& committed)
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
    return missing.join(QStringLiteral(", "));
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void killedEditorLosesNothingCommitted();
};

void TestCrashSafety::killedEditorLosesNothingCommitted()
{
    const int kills = qEnvironmentVariableIsSet("CHRONOMAP_STRESS_KILLS")
                          ? qEnvironmentVariableIntValue("CHRONOMAP_STRESS_KILLS")
                          : 20;
    const quint32 seed = qEnvironmentVariableIsSet("CHRONOMAP_STRESS_SEED")
                             ? quint32(qEnvironmentVariableIntValue("CHRONOMAP_STRESS_SEED"))
                             : 20251125u;
    QRandomGenerator rng(seed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("crash.chronomap"));
    Story::create(path);

    QStringList committed; // over all runs: a later run must not lose an earlier run's edits
    for (int k = 0; k < kills; ++k) {
        const QString where = QStringLiteral("seed %1, kill %2").arg(seed).arg(k);
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(CHRONOMAP_CRASHWRITER),
                     {path, QStringLiteral("r%1").arg(k), QStringLiteral("100000")});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(where));

        // Kill after a random number of committed edits (0: while it opens the story), then a
        // random extra wait for output, so the kill lands anywhere inside the next edit.
        const int wantLines = int(rng.bounded(12));
        const int extraMs = int(rng.bounded(25));
        QStringList lines;
        QByteArray pending;
        auto collect = [&] {
            pending += writer.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                lines << QString::fromUtf8(pending.left(nl));
                pending.remove(0, nl + 1);
            }
        };
        auto countCommitted = [&] {
            return std::count_if(lines.cbegin(), lines.cend(), [](const QString& l) {
                return l.startsWith(QLatin1String("committed "));
            });
        };
        while (countCommitted() < wantLines && writer.state() == QProcess::Running) {
            if (!writer.waitForReadyRead(10000))
                break;
            collect();
        }
        if (extraMs > 0 && writer.waitForReadyRead(extraMs))
            collect();
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY2(writer.waitForFinished(10000), qPrintable(where));
        collect(); // lines flushed before the kill are commitments too
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        for (const QString& l : std::as_const(lines)) {
            QVERIFY2(!l.startsWith(QLatin1String("error ")), qPrintable(where + u": " + l));
            if (l.startsWith(QLatin1String("committed ")))
                committed << l.mid(10);
        }
        QVERIFY2(countCommitted() >= wantLines, qPrintable(where + u": writer stopped early"));

        // The file after the crash: sound page by page, opens for editing, holds every edit.
        {
            std::unique_ptr<SqliteStore> check =
                SqliteStore::openFile(path, Store::Mode::ReadOnly, Store::Check::Full);
            QCOMPARE(check->integrityCheck(), QStringLiteral("ok"));
            const QString missing = missingEdits(*check, committed);
            QVERIFY2(missing.isEmpty(), qPrintable(where + u": lost " + missing));
        }
        try {
            std::unique_ptr<Story> story = Story::open(path);
            QVERIFY(!story->isReadOnly());
        } catch (const StoreError& e) {
            QFAIL(qPrintable(where + u": " + e.message()));
        }
    }
    // The loop really edited (a writer that never committed would pass the checks above).
    QVERIFY(committed.size() >= kills);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
