#include "importbatch.h"

#include "origins.h"

#include "edit/entityjson.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
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
    for (const Attribute& a : incoming.attributes)
        if (!findAttribute(merged.attributes, a.name))
            merged.attributes.append(a);
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
    if (updated)
        parts << plural(updated,
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 updated"),
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 updated"));
    if (unchanged)
        parts << plural(unchanged,
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 unchanged"),
                        QCoreApplication::translate("chronomap::ImportSummary", "%1 unchanged"));
    if (noLongerInFile)
        parts << plural(noLongerInFile,
                        QCoreApplication::translate("chronomap::ImportSummary",
                                                    "%1 no longer in the file (kept)"),
                        QCoreApplication::translate("chronomap::ImportSummary",
                                                    "%1 no longer in the file (kept)"));
    QString out = parts.join(QStringLiteral(", "));
    for (const QString& c : conflicts)
        out += QStringLiteral("\n") +
               QCoreApplication::translate("chronomap::ImportSummary", "conflict: %1").arg(c);
    for (const QString& w : warnings)
        out += QStringLiteral("\n") +
               QCoreApplication::translate("chronomap::ImportSummary", "warning: %1").arg(w);
    return out;
}

namespace {

// An entry's state for comparing imports: its JSON without the row id.
template <typename T>
QString stateOf(const T& entry)
{
    QJsonObject o = toJson(entry);
    o.remove(QStringLiteral("id"));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// What one import does to each entry of the batch. Made once for the preview (dry, nothing
// written) and once for the write, so the two always agree.
class ImportPlan
{
public:
    enum class Fate
    {
        New,       // added
        Matched,   // an actor of the story with the same name, first met in this file
        Updated,   // from this file before; the file changed it, the user did not
        Unchanged, // from this file before; the file did not change it (or the user's edit won)
    };

    ImportPlan(const Store& store, Store* writable, const ImportBatch& batch,
               const QString& fileName, const ImportProgress& progress,
               ImportJournal* journal = nullptr)
        : m_store(store), m_write(writable), m_batch(batch), m_fileName(fileName),
          m_progress(progress), m_journal(writable ? journal : nullptr)
    {}

    ImportSummary run()
    {
        m_summary.warnings = m_batch.warnings;
        // A title slide without a headline still brings its text and media.
        m_summary.titleSet = (!m_batch.title.isEmpty() || !m_batch.description.isEmpty() ||
                              !m_batch.meta.isEmpty()) &&
                             untitled(m_store);
        if (!m_batch.title.isEmpty() && !m_summary.titleSet) {
            const QString own = m_store.meta(QStringLiteral("title"));
            if (own != m_batch.title) {
                m_summary.keptTitle = own;
                m_summary.fileTitle = m_batch.title;
            }
        }
        if (m_write && m_summary.titleSet) {
            if (!m_batch.title.isEmpty())
                setMeta(QStringLiteral("title"), m_batch.title);
            if (!m_batch.description.isEmpty() &&
                m_store.meta(QStringLiteral("description")).isEmpty())
                setMeta(QStringLiteral("description"), m_batch.description);
            for (const auto& [key, value] : m_batch.meta)
                setMeta(key, value);
        }
        if (m_write)
            for (const auto& [key, value] : m_batch.properties)
                setMeta(key, value);
        categories();
        eras();
        actors();
        relations();
        events();
        sourcesAndCitations();
        report(total());
        return m_summary;
    }

private:
    void setMeta(const QString& key, const QString& value)
    {
        if (m_journal)
            m_journal->meta.append({key, m_store.meta(key), value});
        m_write->setMeta(key, value);
    }

    Id inserted(ImportJournal::Table table, Id id)
    {
        if (m_journal)
            m_journal->inserted.append({table, id});
        return id;
    }

    template <typename T>
    void updated(const T& before, const T& after)
    {
        if (m_journal)
            m_journal->updated.append({Entity(before), Entity(after)});
    }

    qsizetype total() const { return m_batch.events.size() + m_batch.relations.size(); }

    void report(qsizetype done) const
    {
        if (m_write && m_progress &&
            !m_progress(total() ? double(done) / double(total()) : 1.0))
            cancelled(m_fileName);
    }

    // Categories by name: a file's "Diplomacy" group lands in the story's Diplomacy lane.
    void categories()
    {
        QHash<QString, Id> byName;
        int position = 0;
        for (const Category& c : m_store.categories()) {
            byName.insert(nameKey(c.name), c.id);
            position = std::max(position, c.position + 1);
        }
        Id fake = -1;
        for (const QString& name : m_batch.categories) {
            const QString key = nameKey(name);
            auto it = byName.constFind(key);
            if (it == byName.constEnd()) {
                ++m_summary.newCategories;
                it = byName.insert(key, m_write ? inserted(ImportJournal::Table::Category,
                                                           m_write->insertCategory(Category{
                                                               0, name, QColor(), position++}))
                                                : fake--);
            }
            m_categoryIds.append(*it);
        }
    }

    // Importing the same file twice does not double its eras.
    void eras()
    {
        QSet<QString> known;
        for (const Era& e : m_store.eras())
            known.insert(e.title + u'\x1f' + e.date.edtf());
        for (Era e : m_batch.eras) {
            const QString key = e.title + u'\x1f' + e.date.edtf();
            if (known.contains(key))
                continue;
            known.insert(key);
            ++m_summary.newEras;
            if (m_write) {
                e.id = 0;
                inserted(ImportJournal::Table::Era, m_write->insertEra(e));
            }
        }
    }

    // The key of the i-th entry: the file's, else what stands for it (a name, a title).
    static QString keyAt(const QStringList& keys, qsizetype i, const QString& fallback)
    {
        const QString k = keys.value(i);
        return k.isEmpty() ? fallback : k;
    }

    // Compares a file's entry (`incoming`, and what would be written for it) with what the
    // story holds and what the last import left. A conflict keeps the user's entry (Unchanged)
    // and is listed in the summary.
    template <typename T>
    Fate compare(const T& incoming, const T& toWrite, const T& current, const Origin& origin,
                 const QString& what)
    {
        const QString now = stateOf(current);
        if (stateOf(incoming) == origin.fileState || stateOf(toWrite) == now)
            return Fate::Unchanged;
        if (origin.storyState.isEmpty() || now == origin.storyState)
            return Fate::Updated;
        m_summary.conflicts << QCoreApplication::translate(
                                   "chronomap::ImportSummary",
                                   "%1: changed in the story since the last import and in the "
                                   "file; the story's version was kept")
                                   .arg(what);
        return Fate::Unchanged;
    }

    // The story's state an origin remembers: what was written, else what the last import left
    // (so that an edit the user made since stays theirs at the next import too).
    template <typename T>
    static QString storyState(Fate f, const T& written, const T& current, const Origin& origin)
    {
        if (f == Fate::Updated)
            return stateOf(written);
        return origin.storyState.isEmpty() ? stateOf(current) : origin.storyState;
    }

    void count(Fate f)
    {
        if (f == Fate::Updated)
            ++m_summary.updated;
        else if (f == Fate::Unchanged)
            ++m_summary.unchanged;
    }

    void remember(EntityKind kind, const QString& key, Id id, const QString& fileState,
                  const QString& storyState)
    {
        if (!m_write || m_batch.origin.isEmpty())
            return;
        if (m_journal) {
            ImportJournal::OriginChange c{kind, m_batch.origin, key, std::nullopt,
                                          Store::OriginRow{id, fileState, storyState}};
            const Origins& before = m_loaded[int(kind)];
            if (const auto it = before.constFind(key); it != before.constEnd())
                c.before = Store::OriginRow{it->id, it->fileState, it->storyState};
            m_journal->origins.append(c);
        }
        saveOrigin(*m_write, kind, m_batch.origin, key, Origin{id, fileState, storyState});
    }

    // Entries this family made before, still in the story, that the file no longer holds:
    // reported in the summary, never deleted.
    template <typename Entity>
    void countNoLongerInFile(const Origins& origins, const QSet<QString>& seenKeys,
                             const QHash<Id, Entity>& byId)
    {
        for (auto it = origins.constBegin(); it != origins.constEnd(); ++it)
            if (!seenKeys.contains(it.key()) && byId.contains(it->id))
                ++m_summary.noLongerInFile;
    }

    Origins load(EntityKind kind)
    {
        if (m_batch.origin.isEmpty())
            return {};
        m_loaded[int(kind)] = loadOrigins(m_store, kind, m_batch.origin);
        return m_loaded[int(kind)];
    }

    void actors()
    {
        const QList<Actor> story = m_store.actors();
        QHash<Id, Actor> byId;
        QHash<QString, int> storyNames; // how many story actors have a name
        QHash<QString, Id> storyByName;
        for (const Actor& a : story) {
            byId.insert(a.id, a);
            ++storyNames[nameKey(a.name)];
            storyByName.insert(nameKey(a.name), a.id);
        }
        QHash<QString, int> batchNames;
        for (const Actor& a : m_batch.actors)
            ++batchNames[nameKey(a.name)];
        const Origins origins = load(EntityKind::Actor);
        QSet<Id> claimed;
        QSet<QString> seenKeys;
        Id fake = -1;
        for (qsizetype i = 0; i < m_batch.actors.size(); ++i) {
            Actor incoming = m_batch.actors.at(i);
            const QString key = keyAt(m_batch.actorKeys, i, nameKey(incoming.name));
            m_actorKeys.append(key);
            seenKeys.insert(key);
            const auto origin = origins.constFind(key);
            if (origin != origins.constEnd() && byId.contains(origin->id) &&
                !claimed.contains(origin->id)) {
                const Actor current = byId.value(origin->id);
                claimed.insert(current.id);
                if (m_batch.actorsAreReferences) { // named, not described: left as it is
                    m_actorIds.append(current.id);
                    continue;
                }
                incoming.id = current.id;
                Actor written = incoming;
                // What the file does not say, the story keeps.
                if (!incoming.pinnedX) {
                    written.pinnedX = current.pinnedX;
                    written.pinnedY = current.pinnedY;
                }
                const Fate f = compare(incoming, written, current, *origin,
                                       QCoreApplication::translate("chronomap::ImportSummary",
                                                                   "actor \"%1\"")
                                           .arg(current.name));
                count(f);
                if (f == Fate::Updated && m_write) {
                    updated(current, written);
                    m_write->updateActor(written);
                }
                remember(EntityKind::Actor, key, current.id, stateOf(incoming),
                         storyState(f, written, current, *origin));
                m_actorIds.append(current.id);
                continue;
            }
            // A namesake in the story, unambiguous on both sides: one actor, gaining what it
            // lacked. Two nodes that share a name stay two actors.
            const QString name = nameKey(incoming.name);
            if (storyNames.value(name) == 1 && batchNames.value(name) == 1 &&
                !claimed.contains(storyByName.value(name))) {
                const Actor current = byId.value(storyByName.value(name));
                claimed.insert(current.id);
                const Actor merged = mergedActor(current, incoming);
                if (m_write && !(merged == current)) {
                    updated(current, merged);
                    m_write->updateActor(merged);
                }
                ++m_summary.matchedActors;
                incoming.id = current.id;
                remember(EntityKind::Actor, key, current.id, stateOf(incoming), stateOf(merged));
                m_actorIds.append(current.id);
                continue;
            }
            ++m_summary.newActors;
            Id id = fake--;
            if (m_write) {
                incoming.id = 0;
                id = inserted(ImportJournal::Table::Actor, m_write->insertActor(incoming));
                incoming.id = id;
                remember(EntityKind::Actor, key, id, stateOf(incoming), stateOf(incoming));
            }
            m_actorIds.append(id);
        }
        if (!m_batch.actorsAreReferences)
            countNoLongerInFile(origins, seenKeys, byId);
    }

    Id actorId(Id batchId) const { return m_actorIds.value(batchId - 1, 0); }

    void relations()
    {
        QHash<Id, Relation> byId;
        const Origins origins = load(EntityKind::Relation);
        if (!origins.isEmpty())
            for (const Relation& r : m_store.relations())
                byId.insert(r.id, r);
        QHash<QString, int> occurrences;
        QSet<QString> seenKeys;
        QSet<Id> claimed;
        for (qsizetype i = 0; i < m_batch.relations.size(); ++i) {
            if ((i & 255) == 0)
                report(i);
            Relation r = m_batch.relations.at(i);
            const QString pair = m_actorKeys.value(r.sourceId - 1) + QStringLiteral("->") +
                                 m_actorKeys.value(r.targetId - 1);
            const int n = occurrences[pair]++;
            const QString key = keyAt(m_batch.relationKeys, i,
                                      n ? pair + u'#' + QString::number(n + 1) : pair);
            seenKeys.insert(key);
            r.id = 0;
            r.sourceId = actorId(r.sourceId);
            r.targetId = actorId(r.targetId);
            const auto origin = origins.constFind(key);
            if (origin != origins.constEnd() && byId.contains(origin->id) &&
                !claimed.contains(origin->id)) {
                const Relation current = byId.value(origin->id);
                claimed.insert(current.id);
                r.id = current.id;
                const Fate f = compare(r, r, current, *origin,
                                       QCoreApplication::translate("chronomap::ImportSummary",
                                                                   "relation \"%1\"")
                                           .arg(key));
                count(f);
                if (f == Fate::Updated && m_write) {
                    updated(current, r);
                    m_write->updateRelation(r);
                }
                remember(EntityKind::Relation, key, current.id, stateOf(r),
                         storyState(f, r, current, *origin));
                continue;
            }
            ++m_summary.newRelations;
            if (m_write) {
                r.id = inserted(ImportJournal::Table::Relation, m_write->insertRelation(r));
                remember(EntityKind::Relation, key, r.id, stateOf(r), stateOf(r));
            }
        }
        if (m_batch.listsRelations)
            countNoLongerInFile(origins, seenKeys, byId);
    }

    Event mapped(const Event& in) const
    {
        Event e = in;
        e.id = 0;
        e.categoryId = e.categoryId > 0 ? m_categoryIds.value(e.categoryId - 1, 0) : 0;
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
    }

    void events()
    {
        const Origins origins = load(EntityKind::Event);
        QHash<QString, Id> byUid;
        QSet<Id> originIds;
        for (const Origin& o : origins)
            originIds.insert(o.id);
        // Events already in the story (from this file, or carrying its unique_id) are read
        // only when the file may hold them again.
        QHash<Id, Event> byId;
        bool anyUid = false;
        for (const Event& e : m_batch.events)
            anyUid = anyUid || !e.uid.isEmpty();
        if (!origins.isEmpty() || anyUid)
            for (const Event& e : m_store.events()) {
                if (originIds.contains(e.id) || (!e.uid.isEmpty() && anyUid))
                    byId.insert(e.id, e);
                if (!e.uid.isEmpty())
                    byUid.insert(e.uid, e.id);
            }
        QHash<QString, int> occurrences;
        QSet<QString> seenKeys;
        QSet<Id> claimed;
        QList<qsizetype> fresh;
        for (qsizetype i = 0; i < m_batch.events.size(); ++i) {
            if ((i & 255) == 0)
                report(i);
            const Event& in = m_batch.events.at(i);
            QString content = in.uid;
            if (content.isEmpty()) {
                content = in.title + u'\x1f' + in.date.edtf();
                const int n = occurrences[content]++;
                if (n)
                    content += u'#' + QString::number(n + 1);
            }
            const QString key = keyAt(m_batch.eventKeys, i, content);
            seenKeys.insert(key);
            Event e = mapped(in);
            Origin o;
            bool found = false;
            if (const auto it = origins.constFind(key); it != origins.constEnd() &&
                                                         byId.contains(it->id) &&
                                                         !claimed.contains(it->id)) {
                o = *it;
                found = true;
            } else if (!e.uid.isEmpty() && byId.contains(byUid.value(e.uid)) &&
                       !claimed.contains(byUid.value(e.uid))) {
                // The story already holds this slide (its own export read back): matched by
                // unique_id, updated as a re-import would.
                o.id = byUid.value(e.uid);
                found = true;
            }
            if (found) {
                const Id existing = o.id;
                const Event current = byId.value(existing);
                claimed.insert(existing);
                e.id = existing;
                const Fate f = compare(e, e, current, o,
                                       QCoreApplication::translate("chronomap::ImportSummary",
                                                                   "event \"%1\"")
                                           .arg(current.title));
                count(f);
                if (f == Fate::Updated && m_write) {
                    updated(current, e);
                    m_write->updateEvent(e);
                }
                remember(EntityKind::Event, key, existing, stateOf(e),
                         storyState(f, e, current, o));
                m_eventIds.append(existing);
                continue;
            }
            ++m_summary.newEvents;
            m_eventIds.append(0);
            fresh.append(i);
            m_freshKeys.insert(i, key);
        }
        if (m_batch.listsEvents)
            countNoLongerInFile(origins, seenKeys, byId);
        if (!m_write)
            return;
        // Many events go through the bulk path: a row at a time costs a statement and a
        // search-index update per row (32 s for 200k rows). It runs inside the import's
        // transaction, so an error or a cancel still changes nothing.
        if (fresh.size() >= kBulkThreshold) {
            qsizetype next = 0;
            auto producer = [&](Event& out) {
                if ((next & 255) == 0)
                    report(next);
                if (next >= fresh.size())
                    return false;
                out = mapped(m_batch.events.at(fresh.at(next++)));
                return true;
            };
            const Store::BulkTimings bulk = m_write->bulkInsertEvents(producer);
            for (qsizetype k = 0; k < fresh.size(); ++k) {
                m_eventIds[fresh.at(k)] = inserted(ImportJournal::Table::Event, bulk.firstId + k);
                // The bulk path writes the rows; attributes, where a file gave any, after.
                if (!m_batch.events.at(fresh.at(k)).attributes.isEmpty()) {
                    Event e = mapped(m_batch.events.at(fresh.at(k)));
                    e.id = bulk.firstId + k;
                    m_write->updateEvent(e);
                }
            }
        } else {
            for (qsizetype k = 0; k < fresh.size(); ++k) {
                if ((k & 255) == 0)
                    report(k);
                m_eventIds[fresh.at(k)] =
                    inserted(ImportJournal::Table::Event,
                             m_write->insertEvent(mapped(m_batch.events.at(fresh.at(k)))));
            }
        }
        if (!m_batch.origin.isEmpty())
            for (qsizetype k = 0; k < fresh.size(); ++k) {
                Event e = mapped(m_batch.events.at(fresh.at(k)));
                const QString state = stateOf(e);
                remember(EntityKind::Event, m_freshKeys.value(fresh.at(k)),
                         m_eventIds.at(fresh.at(k)), state, state);
            }
    }

    // Media and credits come with new events only: a re-import does not cite twice.
    void sourcesAndCitations()
    {
        if (!m_write)
            return;
        QHash<qsizetype, Id> sourceIds;
        for (const Citation& in : m_batch.citations) {
            const qsizetype event = in.target.id - 1;
            if (event < 0 || event >= m_eventIds.size() || !m_freshKeys.contains(event))
                continue;
            const qsizetype src = in.sourceId - 1;
            if (src < 0 || src >= m_batch.sources.size())
                continue;
            if (!sourceIds.contains(src)) {
                Source s = m_batch.sources.at(src);
                s.id = 0;
                sourceIds.insert(src, inserted(ImportJournal::Table::Source,
                                               m_write->insertSource(s)));
            }
            Citation c = in;
            c.id = 0;
            c.sourceId = sourceIds.value(src);
            c.target.id = m_eventIds.at(event);
            inserted(ImportJournal::Table::Citation, m_write->insertCitation(c));
        }
    }

    const Store& m_store;
    Store* m_write;
    const ImportBatch& m_batch;
    QString m_fileName;
    ImportProgress m_progress;
    ImportJournal* m_journal;
    Origins m_loaded[8]; // the origins as found, by EntityKind
    ImportSummary m_summary;
    QList<Id> m_categoryIds, m_actorIds, m_eventIds;
    QStringList m_actorKeys;
    QHash<qsizetype, QString> m_freshKeys;
};

} // namespace

ImportSummary previewImport(const Store& store, const ImportBatch& batch)
{
    return ImportPlan(store, nullptr, batch, QString(), {}).run();
}

ImportSummary applyImport(Store& store, const ImportBatch& batch, const QString& fileName,
                          const ImportProgress& progress, ImportJournal* journal)
{
    // Decided inside the write transaction (BEGIN IMMEDIATE): an import in another window or
    // process has committed before this point, or waits until this one has.
    Store::Transaction tx(store);
    const ImportSummary summary =
        ImportPlan(store, &store, batch, fileName, progress, journal).run();
    tx.commit();
    return summary;
}

} // namespace chronomap
