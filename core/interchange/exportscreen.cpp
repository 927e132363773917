#include "exportscreen.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace chronomap {

ExportScreen::ExportScreen(const Store& store)
    : categories(store.categories()), actors(store.actors()), sources(store.sources())
{
    QSet<Id> categoryIds, actorIds, sourceIds, eventIds, relationIds;
    for (const Category& c : std::as_const(categories))
        categoryIds.insert(c.id);
    for (const Actor& a : std::as_const(actors))
        actorIds.insert(a.id);
    for (const Source& s : std::as_const(sources))
        sourceIds.insert(s.id);
    for (const Era& e : store.eras()) {
        if (e.date.isValid())
            eras << e;
        else
            ++m_eras;
    }
    for (const Event& e : store.events()) {
        if (!exportable(e)) {
            ++m_badDates;
            continue;
        }
        bool sound = !e.categoryId || categoryIds.contains(e.categoryId);
        QSet<Id> seen;
        for (const Participation& p : e.actors) {
            sound = sound && actorIds.contains(p.actorId) && !seen.contains(p.actorId);
            seen.insert(p.actorId);
        }
        if (!sound) {
            ++m_events;
            continue;
        }
        eventIds.insert(e.id);
        events << e;
    }
    for (const Relation& r : store.relations()) {
        if (!actorIds.contains(r.sourceId) || !actorIds.contains(r.targetId)) {
            ++m_relations;
            continue;
        }
        relationIds.insert(r.id);
        relations << r;
    }
    auto targetKept = [&](const EntityRef& t) {
        switch (t.kind) {
        case EntityKind::Event:
            return eventIds.contains(t.id);
        case EntityKind::Actor:
            return actorIds.contains(t.id);
        case EntityKind::Relation:
            return relationIds.contains(t.id);
        default:
            return false;
        }
    };
    for (const Citation& c : store.citations()) {
        if (sourceIds.contains(c.sourceId) && targetKept(c.target))
            citations << c;
        else
            ++m_citations;
    }
    // A note stays when its target stays and its thread leads, without a loop, to a first
    // note that stays: repeated until nothing more is dropped (a reply to a dropped note).
    QList<Annotation> notes = store.annotations();
    QHash<Id, Id> parentOf;
    for (const Annotation& a : std::as_const(notes))
        parentOf.insert(a.id, a.parentId);
    auto loops = [&](const Annotation& a) {
        Id p = a.parentId;
        for (qsizetype steps = 0; p; ++steps) {
            if (p == a.id || steps > parentOf.size())
                return true;
            p = parentOf.value(p);
        }
        return false;
    };
    QSet<Id> kept;
    for (const Annotation& a : std::as_const(notes))
        if (targetKept(a.target) && !loops(a))
            kept.insert(a.id);
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (const Annotation& a : std::as_const(notes))
            if (kept.contains(a.id) && a.parentId && !kept.contains(a.parentId)) {
                kept.remove(a.id);
                dropped = true;
            }
    }
    for (const Annotation& a : std::as_const(notes)) {
        if (kept.contains(a.id))
            annotations << a;
        else
            ++m_annotations;
    }
}

qint64 ExportScreen::leftOut() const
{
    return m_badDates + m_events + m_eras + m_relations + m_citations + m_annotations;
}

QString ExportScreen::note() const
{
    QStringList parts;
    auto count = [&parts](qint64 n, const char* one, const char* many) {
        if (n == 1)
            parts << QCoreApplication::translate("chronomap::ExportScreen", one);
        else if (n > 1)
            parts << QCoreApplication::translate("chronomap::ExportScreen", many).arg(n);
    };
    count(m_badDates, "1 event with an invalid date", "%1 events with invalid dates");
    count(m_events, "1 event pointing at a missing row", "%1 events pointing at missing rows");
    count(m_eras, "1 era with an invalid date", "%1 eras with invalid dates");
    count(m_relations, "1 relation between missing actors", "%1 relations between missing actors");
    count(m_citations, "1 citation of a missing row", "%1 citations of missing rows");
    count(m_annotations, "1 note on a missing row or in a loop",
          "%1 notes on missing rows or in loops");
    if (parts.isEmpty())
        return {};
    return QCoreApplication::translate("chronomap::ExportScreen",
                                       "%1 left out (Chronomap could not import them back; "
                                       "chronomap info lists the broken rows)")
        .arg(parts.join(QStringLiteral(", ")));
}

} // namespace chronomap
