#include "importcommand.h"

#include "edit/editcommand.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QUndoStack>

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
        m_error = (forward ? QCoreApplication::translate(
                                 "chronomap::Edits",
                                 "Cannot redo “%1”: %2 was changed since, in this or another "
                                 "window. Nothing was changed.")
                           : QCoreApplication::translate(
                                 "chronomap::Edits",
                                 "Cannot undo “%1”: %2 was changed since, in this or another "
                                 "window. Nothing was changed."))
                      .arg(text(), what);
        return false;
    };
    // The entries the import changed must be as it left them (undo) or found them (redo).
    for (const ImportJournal::Updated& u : std::as_const(m_journal.updated)) {
        const Entity& expected = forward ? u.before : u.after;
        if (readEntity(store, keyOf(expected)) != std::optional<Entity>(expected))
            return refuse(describeEntity(expected));
    }
    if (!forward) {
        // Its new entries must still be as it wrote them... or at least still there.
        for (const ImportJournal::Inserted& i : std::as_const(m_journal.inserted)) {
            const int type = entityType(i.table);
            if (type < 0)
                continue;
            if (!readEntity(store, EntryKey{std::size_t(type), i.id}))
                return refuse(QCoreApplication::translate("chronomap::Edits", "an entry it added"));
        }
    }
    return true;
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
                    // The rows again, with their ids, in the order they depend on each other.
                    for (const Category& c : std::as_const(categories))
                        store.insertCategory(c);
                    for (const Era& e : std::as_const(eras))
                        store.insertEra(e);
                    for (const Entity& e : std::as_const(entries))
                        insertEntity(store, e);
                    for (const ImportJournal::Updated& u : std::as_const(m_journal.updated))
                        updateEntity(store, u.after);
                    for (const ImportJournal::Meta& m : std::as_const(m_journal.meta))
                        store.setMeta(m.key, m.after);
                    for (const ImportJournal::OriginChange& o : std::as_const(m_journal.origins))
                        store.setOrigin(o.kind, o.format, o.key, o.after);
                    return;
                }
                // Read what the import wrote (for the redo), then take it out, last first.
                categories.clear();
                eras.clear();
                entries.clear();
                QSet<Id> categoryIds, eraIds;
                for (const ImportJournal::Inserted& i : std::as_const(m_journal.inserted)) {
                    if (i.table == Table::Category)
                        categoryIds.insert(i.id);
                    else if (i.table == Table::Era)
                        eraIds.insert(i.id);
                    else if (auto e = readEntity(store,
                                                 EntryKey{std::size_t(entityType(i.table)), i.id}))
                        entries.append(*e);
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
                for (qsizetype k = entries.size() - 1; k >= 0; --k)
                    if (readEntity(store, keyOf(entries.at(k)))) // a cascade may have taken it
                        deleteEntity(store, keyOf(entries.at(k)));
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
