#include "storecopy.h"

#include <QFile>
#include <QSet>

namespace chronomap {

void copyStory(const Store& from, Store& to)
{
    Store::Transaction tx(to);
    for (const auto& [key, value] : from.metaEntries())
        to.setMeta(key, value);
    for (const Category& c : from.categories())
        to.insertCategory(c);
    for (const Actor& a : from.actors())
        to.insertActor(a);
    for (const Source& s : from.sources())
        to.insertSource(s);
    // Events in id order through the bulk path, which keeps the ids it is given.
    QList<Event> events = from.events();
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.id < b.id; });
    qsizetype next = 0;
    to.bulkInsertEvents([&](Event& e) {
        if (next == events.size())
            return false;
        e = events[next++];
        return true;
    });
    for (const Relation& r : from.relations())
        to.insertRelation(r);
    for (const Citation& c : from.citations())
        to.insertCitation(c);
    // A reply after the note it answers, whatever their ids.
    QList<Annotation> notes = from.annotations();
    QSet<Id> written;
    while (!notes.isEmpty()) {
        QList<Annotation> later;
        for (const Annotation& a : std::as_const(notes)) {
            if (a.parentId && !written.contains(a.parentId)) {
                later << a;
                continue;
            }
            to.insertAnnotation(a);
            written.insert(a.id);
        }
        if (later.size() == notes.size()) { // parents missing: keep them as threads
            for (Annotation a : std::as_const(later)) {
                a.parentId = 0;
                to.insertAnnotation(a);
            }
            break;
        }
        notes = later;
    }
    for (const Era& e : from.eras())
        to.insertEra(e);
    for (const Scene& s : from.scenes())
        to.insertScene(s);
    for (const ChangeRecord& c : from.changes())
        to.logChange(c);
    // Where imported entries came from: the copy's next import of the same file updates them
    // (the ids are kept above, so each origin still names its entry).
    for (const Store::OriginEntry& o : from.allOrigins())
        if (o.row.id)
            to.setOrigin(o.kind, o.format, o.key, o.row);
    tx.commit();
}

void copyStoryTo(const Store& from, const QString& locator)
{
    std::unique_ptr<Store> to = Store::open(locator, Store::Mode::Create);
    try {
        to->beginBulkLoad();
        copyStory(from, *to);
        to->endBulkLoad();
    } catch (...) {
        to.reset();
        if (!Store::isUrl(locator)) {
            QFile::remove(locator);
            QFile::remove(locator + QStringLiteral("-wal"));
            QFile::remove(locator + QStringLiteral("-shm"));
        }
        throw;
    }
}

} // namespace chronomap
