#pragma once

// Shared fixtures for the interchange tests: fresh stories and a small story with every field
// the formats carry.

#include "interchange/chronomapjson.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

namespace chronomap::test {

class Stories
{
public:
    std::unique_ptr<Store> create()
    {
        return Store::open(m_dir.filePath(QStringLiteral("s%1.chronomap").arg(++m_n)),
                           Store::Mode::Create);
    }
    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
};

// Two categories, three actors (one coloured and pinned), dated and undated relations, events
// with partial dates, ranges, actors and awkward text.
inline void fillGraphStory(Store& s)
{
    s.setMeta(QStringLiteral("title"), QStringLiteral("Talks \"in\" Miami — محادثات"));
    s.setMeta(QStringLiteral("description"), QStringLiteral("Line one\nline two, with a comma"));
    const Id diplomacy =
        s.insertCategory(Category{0, QStringLiteral("Diplomacy"), QColor(0x0072b2), 0});
    Actor a;
    a.name = QStringLiteral("Steve Witkoff");
    a.role = QStringLiteral("Special Envoy");
    a.description = QStringLiteral("Leads <the> \"initiative\" & more");
    a.color = QColor(0xcc, 0x79, 0xa7);
    a.pinnedX = 1.5;
    a.pinnedY = -2.25;
    const Id witkoff = s.insertActor(a);
    Actor b;
    b.name = QStringLiteral("Kirill Dmitriev");
    b.kind = ActorKind::Person;
    const Id dmitriev = s.insertActor(b);
    Actor c;
    c.name = QStringLiteral("Ministry, of \"Foreign\" Affairs");
    c.kind = ActorKind::Organization;
    const Id ministry = s.insertActor(c);
    Relation r;
    r.sourceId = witkoff;
    r.targetId = dmitriev;
    r.type = QStringLiteral("negotiates with");
    r.directed = false;
    r.valid = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    r.weight = 2.5;
    r.status = Verification::Confirmed;
    r.description = QStringLiteral("Miami talks");
    s.insertRelation(r);
    Relation r2;
    r2.sourceId = ministry;
    r2.targetId = witkoff;
    r2.type = QStringLiteral("briefs");
    r2.valid = PartialDate::fromEdtf(QStringLiteral("2025-08-15/.."));
    s.insertRelation(r2);
    Relation r3;
    r3.sourceId = dmitriev;
    r3.targetId = ministry;
    r3.type = QStringLiteral("=HYPERLINK(\"x\")");
    s.insertRelation(r3);
    Event e;
    e.title = QStringLiteral("Miami talks");
    e.summary = QStringLiteral("Text with \"quotes\", commas\nand a new line");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-24/2025-10-26"));
    e.categoryId = diplomacy;
    e.uid = QStringLiteral("miami-talks");
    e.actors = {Participation{witkoff, QStringLiteral("host")}, Participation{dmitriev, QString()}};
    e.tags = {QStringLiteral("talks"), QStringLiteral("miami")};
    e.importance = 4;
    e.location = QStringLiteral("Miami");
    e.status = Verification::Confirmed;
    s.insertEvent(e);
    Event f;
    f.title = QStringLiteral("=SUM(A1:A9) sanctions");
    f.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    f.displayDate = QStringLiteral("late October");
    s.insertEvent(f);
    Event g;
    g.title = QStringLiteral("August summit");
    g.date = PartialDate::fromEdtf(QStringLiteral("2025-08-15T11:30:00"));
    g.categoryId = diplomacy;
    s.insertEvent(g);
    s.insertEra(Era{0, QStringLiteral("Second term"),
                    PartialDate::fromEdtf(QStringLiteral("2025-01-20/2025-12-31")), QColor()});
}

// What the exports must carry through time: actors with a validity (to the month, and open
// ended), relations with bounds, and timed attribute values — integers over two periods (one
// open), text with a comma, quotes and brackets, a number with an untimed value beside its
// timed one — on actors, relations and an event.
// Two actors, A and B, and one relation between them (directed or not): the smallest graph.
// Returns the relation, so a test can add another between the same two.
inline Relation fillPair(Store& s, bool directed = true)
{
    Actor a, b;
    a.name = QStringLiteral("A");
    b.name = QStringLiteral("B");
    Relation r;
    r.sourceId = s.insertActor(a);
    r.targetId = s.insertActor(b);
    r.directed = directed;
    s.insertRelation(r);
    return r;
}

inline void fillTimedStory(Store& s)
{
    auto spell = [](const char* value, const char* start, const char* end) {
        return AttributeSpell{QString::fromUtf8(value), QLatin1String(start), QLatin1String(end)};
    };
    Actor party;
    party.name = QStringLiteral("Party");
    party.kindKnown = false;
    party.attributes = {
        Attribute{QStringLiteral("valid"), AttributeType::Date, QStringLiteral("2018-03/2022-06")},
        Attribute{QStringLiteral("Seats"),
                  AttributeType::Integer,
                  QString(),
                  {spell("12", "2019-01-01", "2019-12-31"), spell("15", "2020-01-01", "")}},
        Attribute{QStringLiteral("Motto"),
                  AttributeType::String,
                  QString(),
                  {spell("Yes, \"we\" can; [or not] \\o/", "2019-01-01", "2019-06-30")}},
    };
    const Id partyId = s.insertActor(party);
    Actor minister;
    minister.name = QStringLiteral("Minister");
    minister.kindKnown = false;
    minister.attributes = {
        Attribute{QStringLiteral("valid"), AttributeType::Date, QStringLiteral("2020-01-15/..")},
        Attribute{QStringLiteral("Score"),
                  AttributeType::Double,
                  QStringLiteral("0.25"),
                  {spell("0.5", "2020-01-01", "2020-12-31")}},
    };
    const Id ministerId = s.insertActor(minister);
    Actor always;
    always.name = QStringLiteral("Always");
    always.kindKnown = false;
    always.attributes = {
        Attribute{QStringLiteral("Seats"), AttributeType::Integer, QStringLiteral("3")}};
    const Id alwaysId = s.insertActor(always);
    Relation r;
    r.sourceId = ministerId;
    r.targetId = partyId;
    r.type = QStringLiteral("leads");
    r.valid = PartialDate::fromEdtf(QStringLiteral("2020-02/2021-01"));
    r.attributes = {Attribute{
        QStringLiteral("Strength"),
        AttributeType::Double,
        QString(),
        {spell("0.5", "2020-02-01", "2020-06-30"), spell("0.75", "2020-07-01", "2021-01-31")}}};
    s.insertRelation(r);
    Relation r2;
    r2.sourceId = partyId;
    r2.targetId = alwaysId;
    r2.type = QStringLiteral("funds");
    s.insertRelation(r2);
    Event e;
    e.title = QStringLiteral("Campaign");
    e.date = PartialDate::fromEdtf(QStringLiteral("2020-03/2020-09"));
    e.attributes = {Attribute{
        QStringLiteral("Audience"),
        AttributeType::Integer,
        QString(),
        {spell("100", "2020-03-01", "2020-05-31"), spell("250", "2020-06-01", "2020-09-30")}}};
    s.insertEvent(e);
}

// Every attribute of `a` is in `b` as it was, its timed values with their bounds; for entries
// matched by name or title (`what` says which, for messages).
inline void compareAttributes(const Attributes& a, const Attributes& b, const QString& what)
{
    for (const Attribute& x : a) {
        const Attribute* y = findAttribute(b, x.name);
        QVERIFY2(y, qPrintable(what + u' ' + x.name + QStringLiteral(": missing")));
        QCOMPARE(y->type, x.type);
        QCOMPARE(y->value, x.value);
        QCOMPARE(y->spells.size(), x.spells.size());
        for (qsizetype k = 0; k < x.spells.size(); ++k) {
            QCOMPARE(y->spells.at(k).value, x.spells.at(k).value);
            QCOMPARE(y->spells.at(k).start, x.spells.at(k).start);
            QCOMPARE(y->spells.at(k).end, x.spells.at(k).end);
        }
    }
}

// The actors' and relations' attributes and times of two stories agree (by name, and by the
// names of a relation's ends).
inline void compareTimes(const Store& a0, const Store& b0)
{
    const QList<Actor> a = a0.actors(), b = b0.actors();
    QHash<Id, QString> names, namesB;
    for (const Actor& x : a)
        names.insert(x.id, x.name);
    for (const Actor& y : b)
        namesB.insert(y.id, y.name);
    QCOMPARE(b.size(), a.size());
    for (const Actor& x : a) {
        const auto y =
            std::find_if(b.cbegin(), b.cend(), [&](const Actor& c) { return c.name == x.name; });
        QVERIFY2(y != b.cend(), qPrintable(x.name));
        compareAttributes(x.attributes, y->attributes, x.name);
        if (QTest::currentTestFailed())
            return;
    }
    const QList<Relation> r = a0.relations(), q = b0.relations();
    QCOMPARE(q.size(), r.size());
    for (const Relation& x : r) {
        const auto y = std::find_if(q.cbegin(), q.cend(), [&](const Relation& c) {
            return namesB.value(c.sourceId) == names.value(x.sourceId) &&
                   namesB.value(c.targetId) == names.value(x.targetId);
        });
        QVERIFY2(y != q.cend(), qPrintable(x.type));
        QCOMPARE(y->valid.edtf(), x.valid.edtf());
        compareAttributes(x.attributes, y->attributes, x.type);
        if (QTest::currentTestFailed())
            return;
    }
}

// Actors and relations of two stories agree field by field, in id order (graph round trips).
inline void compareGraphs(const Store& a0, const Store& b0)
{
    const QList<Actor> a = a0.actors(), b = b0.actors();
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).name, a.at(i).name);
        QCOMPARE(b.at(i).kind, a.at(i).kind);
        QCOMPARE(b.at(i).role, a.at(i).role);
        QCOMPARE(b.at(i).description, a.at(i).description);
        QCOMPARE(b.at(i).color, a.at(i).color);
        // Where the map puts the actor: a pin, else where the file placed it (a pin written to
        // GEXF comes back as the file's place, the map's start, not as the user's pin).
        auto place = [](const Actor& x) {
            return x.pinnedX && x.pinnedY ? std::optional(QPointF(*x.pinnedX, *x.pinnedY))
                                          : filePosition(x);
        };
        QCOMPARE(place(b.at(i)), place(a.at(i)));
    }
    const QList<Relation> r = a0.relations(), q = b0.relations();
    QCOMPARE(q.size(), r.size());
    for (qsizetype i = 0; i < r.size(); ++i) {
        QCOMPARE(q.at(i).sourceId, r.at(i).sourceId);
        QCOMPARE(q.at(i).targetId, r.at(i).targetId);
        QCOMPARE(q.at(i).type, r.at(i).type);
        QCOMPARE(q.at(i).directed, r.at(i).directed);
        QCOMPARE(q.at(i).valid.edtf(), r.at(i).valid.edtf());
        QCOMPARE(q.at(i).weight, r.at(i).weight);
        QCOMPARE(q.at(i).status, r.at(i).status);
        QCOMPARE(q.at(i).description, r.at(i).description);
    }
}

// The real files other programs wrote (../shared/realworld/KIND/*), for tests that read them
// where they are; empty when the folder is absent (the caller skips). Never copied here.
inline QStringList realWorldFiles(const QString& kind)
{
    const QDir dir(QStringLiteral(CHRONOMAP_REALWORLD "/") + kind);
    QStringList out;
    for (const QFileInfo& f : dir.entryInfoList(QDir::Files, QDir::Name))
        out << f.filePath();
    return out;
}

// What a graph file holds, counted without Chronomap: distinct node ids and edge elements.
inline std::pair<qsizetype, qsizetype> countGraph(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {-1, -1};
    QXmlStreamReader x(&f);
    QSet<QString> nodes;
    qsizetype edges = 0;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == QLatin1String("node"))
            nodes.insert(x.attributes().value(QLatin1String("id")).toString());
        else if (x.name() == QLatin1String("edge"))
            ++edges;
    }
    return {nodes.size(), edges};
}

} // namespace chronomap::test
