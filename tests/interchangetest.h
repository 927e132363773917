#pragma once

// Shared fixtures for the interchange tests: fresh stories and a small story with every field
// the formats carry.

#include "interchange/chronomapjson.h"
#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>

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

} // namespace chronomap::test
