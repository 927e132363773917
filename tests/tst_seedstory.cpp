#include "interchange/chronomapjson.h"
#include "story/story.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

// The default story must say what the article says, dated no more precisely than the article
// is, and every entry must rest on a sentence of it.
class TestSeedStory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void storyHasTitleAndOneSource();
    void miamiTalksAreLateOctober();
    void augustSummitIsAMonthWithInferredYear();
    void everyYearIsMarkedInferred();
    void everyEntryIsCitedVerbatim();
    void namedPeopleAreActors();
    void talksAndSummitAreRelations();
    void searchFindsTheTalks();
    void seedFileIsInExportForm();

private:
    Store& store() { return m_story->store(); }
    std::optional<Actor> actorNamed(const QString& name);
    bool related(Id a, Id b);
    Event eventWhere(const std::function<bool(const Event&)>& match);

    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
    QString m_article; // empty when the article is not beside the source tree
};

void TestSeedStory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_story = Story::create(m_dir.filePath(QStringLiteral("seed.chronomap")));
    QFile article(QStringLiteral(CHRONOMAP_SEED_ARTICLE));
    if (article.open(QIODevice::ReadOnly))
        m_article = QString::fromUtf8(article.readAll());
}

void TestSeedStory::cleanupTestCase()
{
    m_story.reset();
}

std::optional<Actor> TestSeedStory::actorNamed(const QString& name)
{
    for (const Actor& a : store().actors())
        if (a.name == name)
            return a;
    return std::nullopt;
}

bool TestSeedStory::related(Id a, Id b)
{
    for (const Relation& r : store().relations())
        if ((r.sourceId == a && r.targetId == b) || (r.sourceId == b && r.targetId == a))
            return true;
    return false;
}

Event TestSeedStory::eventWhere(const std::function<bool(const Event&)>& match)
{
    QList<Event> found;
    for (const Event& e : store().events())
        if (match(e))
            found << e;
    if (found.size() != 1)
        qWarning("expected one matching event, found %d", int(found.size()));
    return found.value(0);
}

void TestSeedStory::storyHasTitleAndOneSource()
{
    QCOMPARE(m_story->title(), QStringLiteral("The 28-point peace framework"));
    QCOMPARE(store().meta(QStringLiteral("language")), QStringLiteral("en"));
    QVERIFY(!store().meta(QStringLiteral("credit")).isEmpty());
    QVERIFY(!store().meta(QStringLiteral("description")).isEmpty());
    QCOMPARE(store().sources().size(), 1);
    if (!m_article.isEmpty()) // the whole article, so that search finds any word of it
        QCOMPARE(store().sources().first().text, m_article.trimmed());
    QVERIFY(store().counts().events >= 10);
}

void TestSeedStory::miamiTalksAreLateOctober()
{
    const Event talks =
        eventWhere([](const Event& e) { return e.location == QLatin1String("Miami"); });
    QVERIFY(talks.id);
    QVERIFY(talks.title.contains(QLatin1String("Miami")));
    const PartialDate& d = talks.date;
    QVERIFY(d.isValid());
    QVERIFY(d.earliest() >= PartialDate::secondsOf(2025, 10, 1));
    QVERIFY(d.latest() <= PartialDate::secondsOf(2025, 11, 1));
    // "Late October" names no day: a span of days, wider than the three days of talks.
    QVERIFY(d.isRange());
    QVERIFY(d.nominalEnd() - d.nominalStart() > 3 * 86400);
    QVERIFY(d.flags() & DateFlag::YearInferred);
    QVERIFY(talks.displayDate.contains(QLatin1String("late October")));
}

void TestSeedStory::augustSummitIsAMonthWithInferredYear()
{
    const Event summit = eventWhere([](const Event& e) {
        return e.title.contains(QLatin1String("summit"), Qt::CaseInsensitive);
    });
    QVERIFY(summit.id);
    QVERIFY(!summit.date.isRange());
    QCOMPARE(summit.date.startPrecision(), DatePrecision::Month);
    QVERIFY(summit.date.flags() & DateFlag::YearInferred);
    QCOMPARE(summit.date.nominalStart(), PartialDate::secondsOf(2025, 8, 1));
    QCOMPARE(summit.date.nominalEnd(), PartialDate::secondsOf(2025, 9, 1) - 1);
}

void TestSeedStory::everyYearIsMarkedInferred()
{
    // The article names no year at all: every date must say that its year is inferred.
    for (const Event& e : store().events())
        QVERIFY2(e.date.flags() & DateFlag::Uncertain, qPrintable(e.date.edtf()));
    for (const Relation& r : store().relations())
        QVERIFY2(!r.valid.isValid() || (r.valid.flags() & DateFlag::Uncertain),
                 qPrintable(r.valid.edtf()));
    for (const Era& e : store().eras())
        QVERIFY2(e.date.flags() & DateFlag::Uncertain, qPrintable(e.date.edtf()));
}

void TestSeedStory::everyEntryIsCitedVerbatim()
{
    if (m_article.isEmpty())
        QSKIP("the seed article is not beside the source tree");
    auto check = [&](EntityRef ref, const QString& what) {
        const QList<Citation> cites = store().citationsOf(ref);
        QVERIFY2(!cites.isEmpty(), qPrintable(what + QStringLiteral(" has no citation")));
        for (const Citation& c : cites) {
            QVERIFY2(!c.quote.isEmpty(), qPrintable(what));
            QVERIFY2(m_article.contains(c.quote),
                     qPrintable(what + QStringLiteral(": not in the article: ") + c.quote));
            QVERIFY(store().source(c.sourceId)->text.contains(c.quote));
        }
    };
    for (const Event& e : store().events())
        check({EntityKind::Event, e.id}, e.title);
    for (const Relation& r : store().relations())
        check({EntityKind::Relation, r.id}, r.type);
    for (const Actor& a : store().actors())
        check({EntityKind::Actor, a.id}, a.name);
}

void TestSeedStory::namedPeopleAreActors()
{
    for (const char* name : {"Steve Witkoff", "Kirill Dmitriev", "Volodymyr Zelensky",
                             "Marco Rubio", "Vladimir Putin", "Donald Trump", "Joe Biden"}) {
        const auto a = actorNamed(QLatin1String(name));
        QVERIFY2(a, name);
        QCOMPARE(a->kind, ActorKind::Person);
        QVERIFY2(!a->role.isEmpty(), name);
    }
    for (const char* name : {"Russia", "Ukraine", "Israel", "Saudi Arabia"})
        QVERIFY2(actorNamed(QLatin1String(name)).value_or(Actor()).kind == ActorKind::State, name);
}

void TestSeedStory::talksAndSummitAreRelations()
{
    const auto witkoff = actorNamed(QStringLiteral("Steve Witkoff"));
    const auto dmitriev = actorNamed(QStringLiteral("Kirill Dmitriev"));
    const auto trump = actorNamed(QStringLiteral("Donald Trump"));
    const auto putin = actorNamed(QStringLiteral("Vladimir Putin"));
    QVERIFY(witkoff && dmitriev && trump && putin);
    QVERIFY(related(witkoff->id, dmitriev->id));
    QVERIFY(related(trump->id, putin->id));
    // The talks put the two envoys in the same event.
    bool together = false;
    for (const Event& e : store().eventsOfActor(witkoff->id))
        for (const Participation& p : e.actors)
            together |= p.actorId == dmitriev->id;
    QVERIFY(together);
}

void TestSeedStory::searchFindsTheTalks()
{
    const Event talks =
        eventWhere([](const Event& e) { return e.location == QLatin1String("Miami"); });
    bool found = false;
    for (const SearchHit& hit : store().search(QStringLiteral("Miami")))
        found |= hit.ref == EntityRef{EntityKind::Event, talks.id};
    QVERIFY(found);
    // Any word of the article finds it, through the source's text.
    bool inSource = false;
    for (const SearchHit& hit : store().search(QStringLiteral("intransigence")))
        inSource |= hit.ref.kind == EntityKind::Source;
    QVERIFY(inSource);
}

void TestSeedStory::seedFileIsInExportForm()
{
    // The seed is written exactly as Chronomap exports it, so that a reviewer's diff of an
    // edited seed shows only the edit. The one difference: the file's creation time.
    QFile seed(QStringLiteral(":/seed/peace-plan.json"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QByteArray expected = seed.readAll();
    QByteArray exported = writeStoryJson(store());
    const qsizetype created = exported.indexOf("\n    \"created\": ");
    QVERIFY(created > 0);
    exported.remove(created, exported.indexOf('\n', created + 1) - created);
    QCOMPARE(exported, expected);
}

QTEST_GUILESS_MAIN(TestSeedStory)
#include "tst_seedstory.moc"
