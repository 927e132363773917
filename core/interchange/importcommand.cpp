#include "importcommand.h"

#include "edit/editcommand.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QUndoStack>

#include <map>

namespace chronomap {

namespace {

using Table = ImportJournal::Table;

// The alternative of Entity a journal table is, or -1 for categories and eras.
int entityType(Table t)
{
    switch (t) {
    case Table::Actor:
        return int(Entity(Actor()).index());
    case Table::Relation:
        return int(Entity(Relation()).index());
    case Table::Event:
        return int(Entity(Event()).index());
    case Table::Source:
        return int(Entity(Source()).index());
    case Table::Citation:
        return int(Entity(Citation()).index());
    default:
        return -1;
    }
}

// From this many rows of one kind on, undo reads them with one pass over the kind's table
// rather than a query (four, for an event) per row, and redo writes events through the bulk
// path: a 100k-event import took minutes to undo a row at a time.
constexpr qsizetype kBatchRows = 2000;

// The rows of one journal table that the import wrote and are still there, by id.
QHash<Id, Entity> readRows(const Store& store, Table table, const QList<Id>& ids)
{
    QHash<Id, Entity> out;
    out.reserve(ids.size());
    const QSet<Id> wanted(ids.cbegin(), ids.cend());
    // One pass over the table reads every row of the kind: worth it when the import's rows
    // are many and a fair share of the table (undoing a few rows in a huge story reads those).
    auto inBulk = [&](qint64 total, const auto& readAll) {
        if (ids.size() < kBatchRows || qint64(ids.size()) * 4 < total)
            return false;
        for (const auto& row : readAll())
            if (wanted.contains(row.id))
                out.insert(row.id, Entity(row));
        return true;
    };
    const StoryCounts n = store.counts();
    bool done = false;
    switch (table) {
    case Table::Event:
        done = inBulk(n.events, [&] { return store.events(); });
        break;
    case Table::Actor:
        done = inBulk(n.actors, [&] { return store.actors(); });
        break;
    case Table::Relation:
        done = inBulk(n.relations, [&] { return store.relations(); });
        break;
    case Table::Source:
        done = inBulk(n.sources, [&] { return store.sources(); });
        break;
    case Table::Citation:
        done = inBulk(n.citations, [&] { return store.citations(); });
        break;
    default:
        break;
    }
    if (!done)
        for (Id id : ids)
            if (auto e = readEntity(store, EntryKey{std::size_t(entityType(table)), id}))
                out.insert(id, *e);
    return out;
}

} // namespace

ImportCommand::ImportCommand(Story* story, const QString& fileName, ImportJournal journal,
                             ChangeRecord record)
    : QUndoCommand(QCoreApplication::translate("chronomap::Edits", "Import %1")
                       .arg(QFileInfo(fileName).fileName())),
      m_story(story), m_journal(std::move(journal)), m_record(std::move(record))
{
    // What the file made of the changed entries (normalised text), so that undo compares like
    // with like.
    for (ImportJournal::Updated& u : m_journal.updated)
        if (auto now = readEntity(story->store(), keyOf(u.after)))
            u.after = *now;
}

bool ImportCommand::check(bool forward)
{
    const Store& store = m_story->store();
    auto refuse = [&](const QString& what) {
        m_error = refusal(forward, what);
        return false;
    };
    // The entries the import changed must be as it left them (undo) or found them (redo).
    for (const ImportJournal::Updated& u : std::as_const(m_journal.updated)) {
        const Entity& expected = forward ? u.before : u.after;
        if (readEntity(store, keyOf(expected)) != std::optional<Entity>(expected))
            return refuse(describeEntity(expected));
    }
    // That its new entries are still there is checked by the undo as it reads them (in bulk).
    return true;
}

QString ImportCommand::refusal(bool forward, const QString& what) const
{
    return (forward ? QCoreApplication::translate(
                          "chronomap::Edits",
                          "Cannot redo “%1”: %2 was changed since, in this or another "
                          "window. Nothing was changed.")
                    : QCoreApplication::translate(
                          "chronomap::Edits",
                          "Cannot undo “%1”: %2 was changed since, in this or another "
                          "window. Nothing was changed."))
        .arg(text(), what);
}

bool ImportCommand::apply(bool forward)
{
    m_error.clear();
    if (m_applied == forward)
        return true;
    try {
        if (!check(forward))
            return false;
        ChangeRecord rec = m_record;
        rec.id = 0;
        rec.at.clear();
        rec.author.clear(); // who undoes or redoes it
        if (!forward) {
            rec.action = QStringLiteral("undo import");
            std::swap(rec.before, rec.after);
        }
        QList<Category> categories = m_categories;
        QList<Era> eras = m_eras;
        QList<Entity> entries = m_entries;
        m_story->apply(
            Change::reset(),
            [&](Store& store) {
                if (forward) {
                    // The rows again, with their ids, in the order they depend on each other:
                    // actors and relations before the events that name them, citations after
                    // the events they cite. Many events go through the bulk path, as the
                    // import wrote them.
                    for (const Category& c : std::as_const(categories))
                        store.insertCategory(c);
                    for (const Era& e : std::as_const(eras))
                        store.insertEra(e);
                    QList<const Event*> events;
                    for (const Entity& e : std::as_const(entries)) {
                        if (const Event* ev = std::get_if<Event>(&e))
                            events.append(ev);
                        else if (!std::holds_alternative<Citation>(e))
                            insertEntity(store, e);
                    }
                    if (events.size() >= kBatchRows) {
                        qsizetype next = 0;
                        store.bulkInsertEvents([&](Event& out) {
                            if (next >= events.size())
                                return false;
                            out = *events.at(next++);
                            return true;
                        });
                        // As the import does: attributes where there are any, after the rows
                        // (a backend's bulk path may leave them out).
                        for (const Event* e : std::as_const(events))
                            if (!e->attributes.isEmpty())
                                store.updateEvent(*e);
                    } else {
                        for (const Event* e : std::as_const(events))
                            store.insertEvent(*e);
                    }
                    for (const Entity& e : std::as_const(entries))
                        if (std::holds_alternative<Citation>(e))
                            insertEntity(store, e);
                    for (const ImportJournal::Updated& u : std::as_const(m_journal.updated))
                        updateEntity(store, u.after);
                    for (const ImportJournal::Meta& m : std::as_const(m_journal.meta))
                        store.setMeta(m.key, m.after);
                    for (const ImportJournal::OriginChange& o : std::as_const(m_journal.origins))
                        store.setOrigin(o.kind, o.format, o.key, o.after);
                    return;
                }
                // Read what the import wrote (for the redo), a table at a time, then take it
                // out, last first. Each new entry must still be there.
                categories.clear();
                eras.clear();
                entries.clear();
                QSet<Id> categoryIds, eraIds;
                std::map<Table, QList<Id>> ids;
                for (const ImportJournal::Inserted& i : std::as_const(m_journal.inserted)) {
                    if (i.table == Table::Category)
                        categoryIds.insert(i.id);
                    else if (i.table == Table::Era)
                        eraIds.insert(i.id);
                    else
                        ids[i.table].append(i.id);
                }
                std::map<Table, QHash<Id, Entity>> rows;
                for (const auto& [table, list] : ids)
                    rows.emplace(table, readRows(store, table, list));
                for (const ImportJournal::Inserted& i : std::as_const(m_journal.inserted)) {
                    if (i.table == Table::Category || i.table == Table::Era)
                        continue;
                    const QHash<Id, Entity>& found = rows[i.table];
                    const auto row = found.constFind(i.id);
                    if (row == found.constEnd())
                        throw StoreError(
                            refusal(false, QCoreApplication::translate("chronomap::Edits",
                                                                       "an entry it added")));
                    entries.append(*row);
                }
                for (const Category& c : store.categories())
                    if (categoryIds.contains(c.id))
                        categories.append(c);
                for (const Era& e : store.eras())
                    if (eraIds.contains(e.id))
                        eras.append(e);
                // Changed entries first: an updated event may name an actor the import added.
                for (qsizetype k = m_journal.updated.size() - 1; k >= 0; --k)
                    updateEntity(store, m_journal.updated.at(k).before);
                // An entry other than an event may have gone with another by a cascade (a
                // citation with its source): it is looked for first.
                // Events go at once, set-wise, after what was added later (citations of
                // them) and before what was added earlier (the actors they name).
                QList<Id> events;
                qsizetype firstEvent = entries.size();
                for (qsizetype k = 0; k < entries.size(); ++k)
                    if (const Event* e = std::get_if<Event>(&entries.at(k))) {
                        events.append(e->id);
                        firstEvent = std::min(firstEvent, k);
                    }
                for (qsizetype k = entries.size() - 1; k >= 0; --k) {
                    if (k < firstEvent && !events.isEmpty()) {
                        store.deleteEvents(events);
                        events.clear();
                    }
                    if (!std::holds_alternative<Event>(entries.at(k)) &&
                        readEntity(store, keyOf(entries.at(k))))
                        deleteEntity(store, keyOf(entries.at(k)));
                }
                if (!events.isEmpty())
                    store.deleteEvents(events);
                for (qsizetype k = eras.size() - 1; k >= 0; --k)
                    store.deleteEra(eras.at(k).id);
                for (qsizetype k = categories.size() - 1; k >= 0; --k)
                    store.deleteCategory(categories.at(k).id);
                for (qsizetype k = m_journal.meta.size() - 1; k >= 0; --k)
                    store.setMeta(m_journal.meta.at(k).key, m_journal.meta.at(k).before);
                // Origins as they were; one the import recorded first is forgotten (id 0), so a
                // later import cannot take a reused id for the entry it named.
                for (qsizetype k = m_journal.origins.size() - 1; k >= 0; --k) {
                    const ImportJournal::OriginChange& o = m_journal.origins.at(k);
                    store.setOrigin(o.kind, o.format, o.key, o.before.value_or(Store::OriginRow{}));
                }
            },
            {rec});
        if (!forward) {
            m_categories = categories;
            m_eras = eras;
            m_entries = entries;
        } else {
            m_categories.clear();
            m_eras.clear();
            m_entries.clear();
        }
        m_applied = forward;
        return true;
    } catch (const StoreError& e) {
        m_error = e.message();
        return false;
    }
}

void ImportCommand::redo()
{
    EditGuard* guard = EditGuard::of(m_story);
    if (guard->isBlocked())
        return;
    if (!apply(true))
        guard->fail(m_error);
}

void ImportCommand::undo()
{
    EditGuard* guard = EditGuard::of(m_story);
    if (guard->isBlocked())
        return;
    if (!apply(false))
        guard->fail(m_error);
}

ImportSummary importInto(Story* story, const ParsedImport& parsed)
{
    ImportSummary summary;
    ImportJournal journal;
    ChangeRecord rec;
    story->apply(Change::reset(), [&](Store& s) {
        summary = applyParsedImport(s, parsed, {}, &journal);
        rec = importAuditRecord(parsed, summary);
        rec.author = story->author();
        s.logChange(rec);
    });
    if (!journal.isEmpty())
        story->undoStack()->push(
            new ImportCommand(story, parsed.fileName, std::move(journal), rec));
    return summary;
}

} // namespace chronomap
