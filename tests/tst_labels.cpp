// The window's words for statuses, actor kinds and entry kinds come in the user's language
// (here German, from the shipped translation) while files and interchange keep their fixed
// names; the events table and the date field speak the same language.
#include "events/eventtablemodel.h"
#include "i18n/labels.h"
#include "model/partialdate.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace chronomap;

class TestLabels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void labelsAreTranslated_data();
    void labelsAreTranslated();
    void everyValueHasItsOwnLabel();
    void eventsTableShowsTranslatedStatus();
    void dateProblemsAreTranslated();

private:
    QTranslator m_german;
    QTemporaryDir m_dir;
};

void TestLabels::initTestCase()
{
    // The German catalogue built from i18n/chronomap_de.ts, as the program ships it.
    QVERIFY(m_german.load(QStringLiteral(":/i18n/chronomap_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_german));
}

void TestLabels::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_german);
}

void TestLabels::labelsAreTranslated_data()
{
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("german");
    QTest::newRow("draft") << statusLabel(Verification::Draft)
                           << verificationName(Verification::Draft) << QStringLiteral("Entwurf");
    QTest::newRow("confirmed") << statusLabel(Verification::Confirmed)
                               << verificationName(Verification::Confirmed)
                               << QStringLiteral("bestätigt");
    QTest::newRow("person") << actorKindLabel(ActorKind::Person) << actorKindName(ActorKind::Person)
                            << QStringLiteral("Person");
    QTest::newRow("state") << actorKindLabel(ActorKind::State) << actorKindName(ActorKind::State)
                           << QStringLiteral("Staat");
    QTest::newRow("note") << entityKindLabel(EntityKind::Annotation)
                          << entityKindName(EntityKind::Annotation) << QStringLiteral("Notiz");
}

void TestLabels::labelsAreTranslated()
{
    QFETCH(QString, shown);
    QFETCH(QString, stored);
    QFETCH(QString, german);
    QCOMPARE(shown, german);
    // Files keep the names every Chronomap reads, whatever the language.
    QVERIFY(stored.at(0).isLower());
    QVERIFY(stored != german || stored == QStringLiteral("Person"));
}

void TestLabels::everyValueHasItsOwnLabel()
{
    QSet<QString> statuses, kinds, entities;
    for (int v = 0; v <= int(Verification::Cleared); ++v)
        statuses << statusLabel(Verification(v));
    for (int k = 0; k <= int(ActorKind::Group); ++k)
        kinds << actorKindLabel(ActorKind(k));
    for (int k = 0; k <= int(EntityKind::Scene); ++k)
        entities << entityKindLabel(EntityKind(k));
    QCOMPARE(statuses.size(), 4);
    QCOMPARE(kinds.size(), 4);
    QCOMPARE(entities.size(), 6);
    QVERIFY(!statuses.contains(QString()) && !kinds.contains(QString()));
}

void TestLabels::eventsTableShowsTranslatedStatus()
{
    const QString path = m_dir.filePath(QStringLiteral("labels.chronomap"));
    Story::create(path);
    auto story = Story::open(path);
    EventTableModel model(story.get());
    QVERIFY(model.rowCount() > 0);
    QSet<QString> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, EventTableModel::StatusColumn).data().toString();
    // The sample story has confirmed events and drafts.
    QVERIFY(shown.contains(QStringLiteral("bestätigt")));
    QVERIFY(shown.contains(QStringLiteral("Entwurf")));
    QVERIFY(!shown.contains(QStringLiteral("confirmed")));
}

void TestLabels::dateProblemsAreTranslated()
{
    // The reason shown under the date field while typing, in the user's language.
    QString why;
    QVERIFY(!PartialDate::fromEdtf(QStringLiteral("2025-13"), &why).isValid());
    QVERIFY2(why.contains(QStringLiteral("ist kein Datum")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("Monat")), qPrintable(why));
}

QTEST_MAIN(TestLabels)
#include "tst_labels.moc"
