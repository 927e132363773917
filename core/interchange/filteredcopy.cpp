#include "filteredcopy.h"

#include "interchange.h"
#include "query/eventfilter.h"
#include "query/timeindex.h"
#include "store/store.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

namespace chronomap {

void copyFiltered(const Store& from, const EventFilter& filter, Store& to)
{
    Store::Transaction tx(to);
    for (const auto& [key, value] : from.metaEntries())
        to.setMeta(key, value);
    for (const Category& c : from.categories())
        to.insertCategory(c);
    for (const Era& e : from.eras())
        to.insertEra(e);
    for (const Source& s : from.sources())
        to.insertSource(s);
    QSet<Id> actors, events, relations;
    for (const Actor& a : from.actors())
        if (filter.passes(a)) {
            to.insertActor(a);
            actors.insert(a.id);
        }
    for (Event e : from.events()) {
        if (!filter.passes(e))
            continue;
        e.actors.removeIf([&](const Participation& p) { return !actors.contains(p.actorId); });
        to.insertEvent(e);
        events.insert(e.id);
    }
    for (const Relation& r : from.relations())
        if (filter.passes(r) && actors.contains(r.sourceId) && actors.contains(r.targetId)) {
            to.insertRelation(r);
            relations.insert(r.id);
        }
    auto kept = [&](const EntityRef& ref) {
        switch (ref.kind) {
        case EntityKind::Event:
            return events.contains(ref.id);
        case EntityKind::Actor:
            return actors.contains(ref.id);
        case EntityKind::Relation:
            return relations.contains(ref.id);
        case EntityKind::Source:
            return true;
        default:
            return false;
        }
    };
    for (const Citation& c : from.citations())
        if (kept(c.target))
            to.insertCitation(c);
    // Notes in id order: a thread's first note before its replies.
    QList<Annotation> notes = from.annotations();
    std::sort(notes.begin(), notes.end(),
              [](const Annotation& a, const Annotation& b) { return a.id < b.id; });
    QSet<Id> keptNotes;
    for (const Annotation& a : notes)
        if (kept(a.target) && (!a.parentId || keptNotes.contains(a.parentId))) {
            to.insertAnnotation(a);
            keptNotes.insert(a.id);
        }
    tx.commit();
}

QByteArray exportFilteredBytes(const Store& store, const FilterSpec& spec, const QString& format,
                               const QString& path)
{
    if (spec.isEmpty())
        return exportBytes(store, format, path);
    TimeIndex index;
    store.loadTimeIndex(index);
    const EventFilter filter(store, index, spec);
    QTemporaryDir dir;
    if (!dir.isValid())
        throw StoreError(QCoreApplication::translate(
                             "chronomap::Interchange",
                             "cannot make a temporary folder for the filtered export: %1")
                             .arg(dir.errorString()));
    const auto copy = Story::create(dir.filePath(QStringLiteral("filtered.chronomap")), true);
    copyFiltered(store, filter, copy->store());
    return exportBytes(copy->store(), format, path);
}

QString exportFilteredData(const Store& store, const FilterSpec& spec, const QString& format,
                           const QString& path)
{
    if (spec.isEmpty())
        return exportData(store, format, path);
    // The filtered copy goes through the same screen, read-back and safe write as any export.
    TimeIndex index;
    store.loadTimeIndex(index);
    const EventFilter filter(store, index, spec);
    QTemporaryDir dir;
    if (!dir.isValid())
        throw StoreError(QCoreApplication::translate(
                             "chronomap::Interchange",
                             "cannot make a temporary folder for the filtered export: %1")
                             .arg(dir.errorString()));
    const auto copy = Story::create(dir.filePath(QStringLiteral("filtered.chronomap")), true);
    copyFiltered(store, filter, copy->store());
    return exportData(copy->store(), format, path);
}

} // namespace chronomap
