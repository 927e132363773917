#include "importbatch.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace chronomap {

namespace {

// From this many events on, an import takes the bulk path.
constexpr qsizetype kBulkThreshold = 2000;

QString nameKey(const QString& name)
{
    return actorNameKey(name);
}

// One translatable text for one and one for many, each with the count as %1: German, like
// English, has just the two forms.
QString plural(qint64 n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(n);
}

// A story that has no title of its own yet: none, or the one Story::create gives a new empty
// story. Such a story takes the title a file brings (a TimelineJS title slide).
bool untitled(const Store& store)
{
    const QString title = store.meta(QStringLiteral("title"));
    return title.isEmpty() || title == QLatin1String("Untitled story");
}

[[noreturn]] void cancelled(const QString& fileName)
{
    throw StoreError(
        QCoreApplication::translate("chronomap::ImportSummary",
                                    "%1: the import was cancelled; nothing was changed")
            .arg(fileName));
}

} // namespace

QString actorNameKey(const QString& name)
{
    return name.simplified().toCaseFolded();
}

Actor mergedActor(const Actor& existing, const Actor& incoming)
{
    Actor merged = existing;
    if (merged.role.isEmpty())
        merged.role = incoming.role;
    if (merged.description.isEmpty())
        merged.description = incoming.description;
    if (!merged.color.isValid())
        merged.color = incoming.color;
    if (!merged.pinnedX && incoming.pinnedX) {
        merged.pinnedX = incoming.pinnedX;
        merged.pinnedY = incoming.pinnedY;
    }
    return merged;
}

QString ImportSummary::text() const
{
    QStringList parts;
    parts << plural(newEvents, QCoreApplication::translate("chronomap::ImportSummary", "%1 event"),
                    QCoreApplication::translate("chronomap::ImportSummary", "%1 events"));
    parts << plural(newActors,
                    QCoreApplication::translate("chronomap::ImportSummary", "%1 new actor"),
                    QCoreApplication::translate("chronomap::ImportSummary", "%1 new actors"));
    if (matchedActors)
        parts << plural(
            matchedActors,
            QCoreApplication::translate("chronomap::ImportSummary", "%1 actor matched by name"),
            QCoreApplication::translate("chronomap::ImportSummary", "%1 actors matched by name"));
    if (newRelations)
        parts << plural(newRelations,
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 relation"),
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 relations"));
    if (newCategories)
        parts << plural(
            newCategories,
            QCoreApplication::translate("chronomap::ImportSummary", "%1 new category"),
            QCoreApplication::translate("chronomap::ImportSummary", "%1 new categories"));
    if (newEras)
        parts << plural(newEras, QCoreApplication::translate("chronomap::ImportSummary", "%1 era"),
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 eras"));
    if (titleSet)
        parts << QCoreApplication::translate("chronomap::ImportSummary", "the story title");
    else if (!keptTitle.isEmpty())
        parts << QCoreApplication::translate("chronomap::ImportSummary",
                                             "the story keeps its title “%1” (the file's is "
                                             "“%2”)")
                     .arg(keptTitle, fileTitle);
    return parts.join(QStringLiteral(", "));
}

ImportSummary previewImport(const Store& store, const ImportBatch& batch)
{
    ImportSummary s;
    QSet<QString> existing;
    for (const Actor& a : store.actors())
        existing.insert(nameKey(a.name));
    QSet<QString> seen;
    for (const Actor& a : batch.actors) {
        const QString key = nameKey(a.name);
        if (existing.contains(key))
            ++s.matchedActors;
        else if (!seen.contains(key))
            ++s.newActors;
        seen.insert(key);
    }
    QSet<QString> categories;
    for (const Category& c : store.categories())
        categories.insert(nameKey(c.name));
    for (const QString& c : batch.categories)
        if (!categories.contains(nameKey(c))) {
            categories.insert(nameKey(c));
            ++s.newCategories;
        }
    QSet<QString> eras;
    for (const Era& e : store.eras())
        eras.insert(e.title + u'\x1f' + e.date.edtf());
    for (const Era& e : batch.eras)
        if (!eras.contains(e.title + u'\x1f' + e.date.edtf()))
            ++s.newEras;
    s.newEvents = batch.events.size();
    s.newRelations = batch.relations.size();
    s.titleSet = !batch.title.isEmpty() && untitled(store);
    if (!batch.title.isEmpty() && !s.titleSet) {
        const QString own = store.meta(QStringLiteral("title"));
        if (own != batch.title) {
            s.keptTitle = own;
            s.fileTitle = batch.title;
        }
    }
    return s;
}

ImportSummary applyImport(Store& store, const ImportBatch& batch, const QString& fileName,
                          const ImportProgress& progress)
{
    // Decided inside the write transaction (BEGIN IMMEDIATE): an import in another window or
    // process has committed before this point, or waits until this one has.
    Store::Transaction tx(store);
    ImportSummary summary = previewImport(store, batch);

    if (summary.titleSet) {
        store.setMeta(QStringLiteral("title"), batch.title);
        if (!batch.description.isEmpty() && store.meta(QStringLiteral("description")).isEmpty())
            store.setMeta(QStringLiteral("description"), batch.description);
        for (const auto& [key, value] : batch.meta)
            store.setMeta(key, value);
    }

    // Categories by name: a file's "Diplomacy" group lands in the story's Diplomacy lane.
    QHash<QString, Id> categoryByName;
    int position = 0;
    for (const Category& c : store.categories()) {
        categoryByName.insert(nameKey(c.name), c.id);
        position = std::max(position, c.position + 1);
    }
    QList<Id> categoryIds;
    for (const QString& name : batch.categories) {
        const QString key = nameKey(name);
        auto it = categoryByName.constFind(key);
        if (it == categoryByName.constEnd())
            it = categoryByName.insert(
                key, store.insertCategory(Category{0, name, QColor(), position++}));
        categoryIds.append(*it);
    }

    QSet<QString> eras;
    for (const Era& e : store.eras())
        eras.insert(e.title + u'\x1f' + e.date.edtf());
    for (Era e : batch.eras) {
        const QString key = e.title + u'\x1f' + e.date.edtf();
        if (eras.contains(key))
            continue; // importing the same file twice does not double its eras
        eras.insert(key);
        e.id = 0;
        store.insertEra(e);
    }

    // Actors by name, case-insensitive; a matched actor gains what it lacked.
    QHash<QString, Actor> actorByName;
    for (const Actor& a : store.actors())
        actorByName.insert(nameKey(a.name), a);
    QList<Id> actorIds;
    for (const Actor& incoming : batch.actors) {
        const QString key = nameKey(incoming.name);
        auto it = actorByName.find(key);
        if (it != actorByName.end()) {
            const Actor merged = mergedActor(*it, incoming);
            if (!(merged == *it)) {
                store.updateActor(merged);
                *it = merged;
            }
            actorIds.append(merged.id);
            continue;
        }
        Actor a = incoming;
        a.id = 0;
        a.id = store.insertActor(a);
        actorByName.insert(key, a);
        actorIds.append(a.id);
    }
    auto actorId = [&](Id batchId) { return actorIds.value(batchId - 1, 0); };
    auto mapped = [&](const Event& in) {
        Event e = in;
        e.id = 0;
        e.categoryId = e.categoryId > 0 ? categoryIds.value(e.categoryId - 1, 0) : 0;
        QSet<Id> seen;
        QList<Participation> parts;
        for (Participation p : e.actors) {
            p.actorId = actorId(p.actorId);
            // Two names that match one story actor become one participation.
            if (p.actorId && !seen.contains(p.actorId)) {
                seen.insert(p.actorId);
                parts.append(p);
            }
        }
        e.actors = parts;
        return e;
    };

    const qsizetype total = batch.events.size() + batch.relations.size();
    auto report = [&](qsizetype done) {
        if (progress && !progress(total ? double(done) / double(total) : 1.0))
            cancelled(fileName);
    };

    // Many events go through the bulk path, into an empty story or not: a row at a time costs
    // a statement and a search-index update per row (32 s for 200k rows). It runs inside this
    // transaction, so an error or a cancel still changes nothing.
    QList<Id> eventIds;
    eventIds.reserve(batch.events.size());
    if (batch.events.size() >= kBulkThreshold) {
        // The producer runs on the store's second thread: progress is called from there.
        qsizetype next = 0;
        auto producer = [&](Event& out) {
            if ((next & 255) == 0)
                report(next);
            if (next >= batch.events.size())
                return false;
            out = mapped(batch.events.at(next++));
            return true;
        };
        const Store::BulkTimings bulk = store.bulkInsertEvents(producer);
        for (qsizetype i = 0; i < batch.events.size(); ++i)
            eventIds.append(bulk.firstId + i);
    } else {
        for (qsizetype i = 0; i < batch.events.size(); ++i) {
            if ((i & 255) == 0)
                report(i);
            eventIds.append(store.insertEvent(mapped(batch.events.at(i))));
        }
    }
    for (qsizetype i = 0; i < batch.relations.size(); ++i) {
        if ((i & 255) == 0)
            report(batch.events.size() + i);
        Relation r = batch.relations.at(i);
        r.id = 0;
        r.sourceId = actorId(r.sourceId);
        r.targetId = actorId(r.targetId);
        store.insertRelation(r);
    }
    QList<Id> sourceIds;
    for (Source src : batch.sources) {
        src.id = 0;
        sourceIds.append(store.insertSource(src));
    }
    for (Citation c : batch.citations) {
        c.id = 0;
        c.sourceId = sourceIds.value(c.sourceId - 1, 0);
        c.target.id = eventIds.value(c.target.id - 1, 0);
        if (c.sourceId && c.target.id)
            store.insertCitation(c);
    }
    report(total);
    tx.commit();
    return summary;
}

} // namespace chronomap
