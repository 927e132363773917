#pragma once

#include "change.h"
#include "query/timeindex.h"
#include "store/store.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QUndoStack;

namespace chronomap {

// An open story: the file (Store), its one undo stack and its in-memory time index. Views
// read through it and listen to changed(); every edit is an undo command that calls apply().
class Story final : public QObject
{
    Q_OBJECT

public:
    ~Story() override;

    // Opens an existing story. Throws StoreError with a message for the user.
    static std::unique_ptr<Story> open(const QString& path, Store::Mode mode = Store::Mode::ReadWrite,
                                       Store::Check check = Store::Check::Full);
    // For a story opened with Store::Check::Deferred: reads every page on another thread and
    // emits integrityChecked with an empty message when sound, or the user's message.
    void startIntegrityCheck();
    // Creates a story file: the seed story, or an empty one.
    static std::unique_ptr<Story> create(const QString& path, bool empty = false);

    Store& store() { return *m_store; }
    const Store& store() const { return *m_store; }
    QUndoStack* undoStack() const { return m_undo; }
    const TimeIndex& timeIndex() const { return m_index; }
    QString path() const { return m_store->path(); }
    bool isReadOnly() const { return m_store->isReadOnly(); }

    QString title() const;
    // Who edits: written into annotations and the audit log.
    QString author() const { return m_author; }
    void setAuthor(const QString& author) { m_author = author; }

    // Runs `write` in one transaction, records the audit line, keeps the time index current and
    // emits changed(). Throws StoreError (and changes nothing) if any part fails.
    void apply(const Change& change, const std::function<void(Store&)>& write,
               const QList<ChangeRecord>& audit = {});
    // The same for edits that learn their ids while writing (inserts): `write` fills in the
    // change and the audit lines it made.
    void applyEdit(const std::function<void(Store&, Change&, QList<ChangeRecord>&)>& write);

    // Re-reads everything after an outside change (import, another process).
    void reload();

    // Another process or window may have written to the file: true if the file's content
    // changed since we last looked (cheap: PRAGMA data_version).
    bool changedOutside();

    // Follows what other windows and processes committed. On a shared story (PostgreSQL) each
    // entry another session changed is read again and announced alone, so one edit elsewhere
    // does not reload the story; "* 0" (an import, a reconnect) and a file's change reload.
    // Returns true when anything changed. Throws StoreError when the store cannot be read.
    bool followOutside();
    // The same for a list of "kind id" notes as PgStore::takeOutsideChanges() gives them.
    void applyOutside(const QList<std::pair<QString, Id>>& notes);
    // Who last changed an entry and when, for messages ("eddie at 2026-12-07 09:41 UTC"): the
    // server's row on a shared story (its database user), else the audit log; empty when
    // unknown.
    QString lastChangeBy(EntityRef ref) const;

signals:
    void changed(const chronomap::Change& change);
    void integrityChecked(const QString& problem);

private:
    explicit Story(std::unique_ptr<Store> store);
    void refreshIndex(const Change& change);
    // A shared story: the ids of the entries (other than events, which the time index
    // knows) this window has, so that an outside change is told apart as an insert, an
    // update or a removal by what the window has and what the server has now, whatever
    // the notifications said (several edits of one entry come coalesced).
    void loadKnownIds();
    bool knows(EntityKind kind, Id id) const;

    std::unique_ptr<Store> m_store;
    QUndoStack* m_undo = nullptr;
    TimeIndex m_index;
    QString m_author;
    qint64 m_dataVersion = -1;
    QHash<int, QSet<Id>> m_known; // by EntityKind; only for a shared story
};

// The login name, the default author before the preferences say otherwise.
QString defaultAuthor();

} // namespace chronomap
