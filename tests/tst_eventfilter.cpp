// The one filter predicate (core/query/eventfilter): each kind of filter keeps exactly the
// events the story says it should, whether asked by index row, by event or for the whole list,
// and a filtered data export holds the same events.
#include "edit/edits.h"
#include "interchange/filteredcopy.h"
#include "query/eventfilter.h"
#include "story/story.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace chronomap;

class TestEventFilter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void eachKindKeepsWhatTheStorySays_data();
    void eachKindKeepsWhatTheStorySays();
    void emptyFilterPassesEverything();
    void kindsCombine();
    void actorsAndRelationsFollowTheEvents();
    void dataExportHoldsTheSameEvents();
    void commandLineWordsMakeTheSameSpec();

private:
    QSet<Id> expected(const FilterSpec& spec) const;
    QSet<Id> passing(const FilterSpec& spec) const;
    FilterSpec specFor(const QString& kind) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
};

void TestEventFilter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    m_story = Story::open(path);
    // One event disputed, so a status filter has something to tell apart.
    const QList<Event> events = m_story->store().events();
    QVERIFY(events.size() >= 10);
    QVERIFY(EditGuard::push(m_story.get(),
                            makeSetStatus(m_story.get(), {{EntityKind::Event, events.at(3).id}},
                                          Verification::Disputed)));
}

void TestEventFilter::cleanup()
{
    m_story.reset();
    m_dir.reset();
}

// What each filter should keep, worked out from the events themselves, not the predicate.
QSet<Id> TestEventFilter::expected(const FilterSpec& spec) const
{
    QSet<Id> out;
    for (const Event& e : m_story->store().events()) {
        bool ok = true;
        if (!spec.actors.isEmpty())
            ok = ok && std::any_of(e.actors.begin(), e.actors.end(), [&](const Participation& p) {
                     return spec.actors.contains(p.actorId);
                 });
        if (!spec.categories.isEmpty())
            ok = ok && spec.categories.contains(e.categoryId);
        if (!spec.tags.isEmpty())
            ok = ok && std::any_of(e.tags.begin(), e.tags.end(),
                                   [&](const QString& t) { return spec.tags.contains(t); });
        if (!spec.statuses.isEmpty())
            ok = ok && spec.statuses.contains(int(e.status));
        if (spec.hasDates())
            ok = ok && e.date.nominalEnd() >= spec.from && e.date.nominalStart() <= spec.to;
        if (spec.searchHits)
            ok = ok && spec.searchHits->contains(e.id);
        if (ok)
            out.insert(e.id);
    }
    return out;
}

QSet<Id> TestEventFilter::passing(const FilterSpec& spec) const
{
    const EventFilter filter(m_story->store(), m_story->timeIndex(), spec);
    const std::vector<Id> ids = filter.eventIds(m_story->timeIndex());
    QSet<Id> byRow(ids.begin(), ids.end());
    QSet<Id> byEvent;
    for (const Event& e : m_story->store().events())
        if (filter.passes(e))
            byEvent.insert(e.id);
    // Asked by index row or by the event itself, the answer is the same.
    if (byRow != byEvent)
        return {-1};
    if (filter.countEvents(m_story->timeIndex()) != std::size_t(byRow.size()))
        return {-2};
    return byRow;
}

FilterSpec TestEventFilter::specFor(const QString& kind) const
{
    const QList<Event> events = m_story->store().events();
    FilterSpec spec;
    if (kind == QLatin1String("actor")) {
        spec.actors = {events.at(0).actors.first().actorId};
    } else if (kind == QLatin1String("category")) {
        spec.categories = {events.at(1).categoryId};
    } else if (kind == QLatin1String("tag")) {
        spec.tags = {events.at(2).tags.first()};
    } else if (kind == QLatin1String("status")) {
        spec.statuses = {int(Verification::Disputed)};
    } else if (kind == QLatin1String("dates")) {
        // From the fourth event's date to the ninth's (events() is in date order).
        spec.from = events.at(3).date.nominalStart();
        spec.to = events.at(8).date.nominalEnd();
    } else if (kind == QLatin1String("search")) {
        spec.searchHits = QSet<Id>{events.at(4).id, events.at(7).id};
        spec.searchText = QStringLiteral("test");
    }
    return spec;
}

void TestEventFilter::eachKindKeepsWhatTheStorySays_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"actor", "category", "tag", "status", "dates", "search"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestEventFilter::eachKindKeepsWhatTheStorySays()
{
    QFETCH(QString, kind);
    const FilterSpec spec = specFor(kind);
    QVERIFY(!spec.isEmpty());
    const QSet<Id> want = expected(spec);
    const QSet<Id> got = passing(spec);
    QCOMPARE(got, want);
    // A real filter: it keeps something and leaves something out.
    QVERIFY(!want.isEmpty());
    QVERIFY(want.size() < m_story->store().counts().events);
}

void TestEventFilter::emptyFilterPassesEverything()
{
    QCOMPARE(passing({}).size(), m_story->store().counts().events);
}

void TestEventFilter::kindsCombine()
{
    FilterSpec spec = specFor(QStringLiteral("dates"));
    spec.categories = specFor(QStringLiteral("category")).categories;
    QCOMPARE(passing(spec), expected(spec));
    // An edit that takes an event out of the tag is seen by the next filter made.
    FilterSpec tag = specFor(QStringLiteral("tag"));
    const QSet<Id> before = passing(tag);
    Event e = *m_story->store().event(*before.begin());
    e.tags.clear();
    QVERIFY(EditGuard::push(m_story.get(), makeUpdate(m_story.get(), e)));
    QCOMPARE(passing(tag), before - QSet<Id>{e.id});
}

void TestEventFilter::actorsAndRelationsFollowTheEvents()
{
    const FilterSpec spec = specFor(QStringLiteral("category"));
    const EventFilter filter(m_story->store(), m_story->timeIndex(), spec);
    const QSet<Id> events = expected(spec);
    QSet<Id> actorsOfEvents;
    for (const Event& e : m_story->store().events())
        if (events.contains(e.id))
            for (const Participation& p : e.actors)
                actorsOfEvents.insert(p.actorId);
    QVERIFY(!actorsOfEvents.isEmpty());
    for (const Actor& a : m_story->store().actors())
        QCOMPARE(filter.passes(a), actorsOfEvents.contains(a.id));
    for (const Relation& r : m_story->store().relations())
        if (filter.passes(r))
            QVERIFY(actorsOfEvents.contains(r.sourceId) && actorsOfEvents.contains(r.targetId));
    // With no filter every actor and relation passes.
    const EventFilter none(m_story->store(), m_story->timeIndex(), {});
    for (const Actor& a : m_story->store().actors())
        QVERIFY(none.passes(a));
    for (const Relation& r : m_story->store().relations())
        QVERIFY(none.passes(r));
}

void TestEventFilter::dataExportHoldsTheSameEvents()
{
    for (const QString& kind : {QStringLiteral("tag"), QStringLiteral("dates")}) {
        const FilterSpec spec = specFor(kind);
        const QByteArray json =
            exportFilteredBytes(m_story->store(), spec, QStringLiteral("chronomap"));
        QSet<QString> titles;
        for (const QJsonValue v : QJsonDocument::fromJson(json).object().value(u"events").toArray())
            titles.insert(v.toObject().value(u"title").toString());
        QSet<QString> want;
        for (Id id : expected(spec))
            want.insert(m_story->store().event(id)->title);
        QCOMPARE(titles, want);
        // The events CSV, one line per event and a header.
        const QByteArray csv =
            exportFilteredBytes(m_story->store(), spec, QStringLiteral("events-csv"));
        QVERIFY(!csv.isEmpty());
        for (Id id : expected(spec))
            QVERIFY(QString::fromUtf8(csv).contains(m_story->store().event(id)->title));
    }
}

void TestEventFilter::commandLineWordsMakeTheSameSpec()
{
    const Event e = m_story->store().events().at(2);
    const Actor a = *m_story->store().actor(e.actors.first().actorId);
    QString why;
    const auto spec =
        filterSpecFromOptions(m_story->store(),
                              {{QStringLiteral("actor"), a.name.toUpper()},
                               {QStringLiteral("tag"), e.tags.first()},
                               {QStringLiteral("status"), QStringLiteral("Confirmed")}},
                              &why);
    QVERIFY2(spec, qPrintable(why));
    QCOMPARE(spec->actors, QSet<Id>{a.id});
    QCOMPARE(spec->tags, QSet<QString>{e.tags.first()});
    QCOMPARE(spec->statuses, QSet<int>{int(Verification::Confirmed)});
    QVERIFY(!filterSpecFromOptions(
        m_story->store(), {{QStringLiteral("actor"), QStringLiteral("Nobody At All")}}, &why));
    QVERIFY(why.contains(QStringLiteral("Nobody At All")));
}

QTEST_GUILESS_MAIN(TestEventFilter)
#include "tst_eventfilter.moc"
