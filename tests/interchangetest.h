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
