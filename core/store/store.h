#pragma once

#include "files/filesafety.h"
#include "model/entities.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

namespace chronomap {

class TimeIndex;

// Thrown by Store for any failure; the message is written for the user (it names the file).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString& message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {}
    QString message() const { return m_message; }

private:
    QString m_message;
};

// One search result: which entry matched and a snippet with the match marked by [ ].
struct SearchHit
{
    EntityRef ref;
    QString title;
    QString snippet;
    double rank = 0;
};

// A story's storage: the only place in Chronomap that speaks SQL. Story, edit commands,
// queries, interchange and views use this interface; a backend implements it. The embedded
// default is a `.chronomap` file (SqliteStore, core/store/sqlite); a shared story lives on a
// PostgreSQL server (addressed by a postgresql:// URL).
//
// Errors throw StoreError with a message for the user. Writes run in transactions; an
// entity with id 0 gets a new id, a non-zero id is kept (undo re-creates the row it deleted).
class Store
{
public:
    enum class Mode
    {
        ReadWrite, // open an existing story, migrating it if it is older
        ReadOnly,  // open without ever writing (info, export, bench); leaves no -wal/-shm
        Create,    // create a new story; the file must not exist
    };

    // Whether open() reads every page (PRAGMA quick_check) before returning. The window defers
    // it to checkIntegrity() on another thread so a large story shows at once; the header, the
    // application id, the version and the schema are always checked before anything is read.
    enum class Check
    {
        Full,
        Deferred
    };

    // The single entry point: picks the backend by the locator. A postgresql:// (or
    // postgres://) URL names a story on a server; anything else is a story file's path.
    static std::unique_ptr<Store> open(const QString& locator, Mode mode, Check check = Check::Full);
    // Whether a locator names a story on a server rather than a file.
    static bool isUrl(const QString& locator);
    // Runs the backend's integrity check on its own connection (any thread). Returns an empty
    // string when the story is sound, otherwise the message for the user.
    static QString checkIntegrity(const QString& locator);
    virtual ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // The locator the story was opened with (a file path, or a URL without any password).
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    // Why the story is read-only (None when it is not), for the window's banner.
    ReadOnlyReason readOnlyReason() const { return m_readOnlyReason; }
    virtual int schemaVersion() const = 0;

    // A write transaction. Rolls back unless commit() was called. Nested transactions join
    // the outermost one; a failed inner part dooms the whole.
    class Transaction
    {
    public:
        explicit Transaction(Store& store);
        ~Transaction();
        void commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

    private:
        Store& m_store;
        bool m_outer = false;
        bool m_done = false;
    };

    // The story's own properties: title, description, credit, created.
    virtual QString meta(const QString& key) const = 0;
    virtual void setMeta(const QString& key, const QString& value) = 0;
    virtual QList<std::pair<QString, QString>> metaEntries() const = 0; // sorted by key

    virtual StoryCounts counts() const = 0;
    // Earliest and latest instant of all events (seconds); nullopt for an empty story.
    virtual std::optional<std::pair<qint64, qint64>> dateRange() const = 0;

    // Reads.
    virtual std::optional<Event> event(Id id) const = 0;
    virtual QList<Event> events() const = 0; // all, in date order (small stories)
    virtual QList<Event> eventsOfActor(Id actorId) const = 0;
    virtual QString eventTitle(Id id) const = 0; // cheap, for hover cards on large stories
    // Every (event id, actor id) pair, in one scan: lanes by actor on a story of any size.
    virtual std::vector<std::pair<Id, Id>> participations() const = 0;
    // The ids of an actor's events, without reading the events.
    virtual QList<Id> eventIdsOfActor(Id actorId) const = 0;
    virtual std::optional<Actor> actor(Id id) const = 0;
    virtual QList<Actor> actors() const = 0;
    virtual std::optional<Relation> relation(Id id) const = 0;
    virtual QList<Relation> relations() const = 0;
    virtual std::optional<Source> source(Id id) const = 0;
    virtual QList<Source> sources() const = 0;
    virtual std::optional<Citation> citation(Id id) const = 0;
    virtual QList<Citation> citations() const = 0;
    virtual QList<Citation> citationsOf(EntityRef target) const = 0;
    virtual std::optional<Annotation> annotation(Id id) const = 0;
    virtual QList<Annotation> annotations() const = 0;
    virtual QList<Annotation> annotationsOf(EntityRef target) const = 0;
    virtual QList<Category> categories() const = 0;
    virtual QList<Era> eras() const = 0;
    virtual QList<Scene> scenes() const = 0;
    virtual QList<ChangeRecord> changes(std::optional<EntityRef> target = std::nullopt) const = 0;

    // Writes. An entity with id 0 gets a new id; a non-zero id is kept (undo re-creates the
    // row it deleted). Each write runs in the current transaction or its own.
    virtual Id insertEvent(const Event& e) = 0;
    virtual void updateEvent(const Event& e) = 0;
    virtual void deleteEvent(Id id) = 0;
    // Many events at once (the undo of a large import), in one transaction; ids that name no
    // event are passed over. By default one deleteEvent each; a backend may do it set-wise.
    virtual void deleteEvents(const QList<Id>& ids);
    virtual Id insertActor(const Actor& a) = 0;
    virtual void updateActor(const Actor& a) = 0;
    virtual void deleteActor(Id id) = 0;
    virtual Id insertRelation(const Relation& r) = 0;
    virtual void updateRelation(const Relation& r) = 0;
    virtual void deleteRelation(Id id) = 0;
    virtual Id insertSource(const Source& s) = 0;
    virtual void updateSource(const Source& s) = 0;
    virtual void deleteSource(Id id) = 0;
    virtual Id insertCitation(const Citation& c) = 0;
    virtual void updateCitation(const Citation& c) = 0;
    virtual void deleteCitation(Id id) = 0;
    virtual Id insertAnnotation(const Annotation& a) = 0;
    virtual void updateAnnotation(const Annotation& a) = 0;
    virtual void deleteAnnotation(Id id) = 0;
    virtual Id insertCategory(const Category& c) = 0;
    virtual void updateCategory(const Category& c) = 0;
    virtual void deleteCategory(Id id) = 0;
    virtual Id insertEra(const Era& e) = 0;
    virtual void deleteEra(Id id) = 0;
    virtual Id insertScene(const Scene& s) = 0;
    virtual void updateScene(const Scene& s) = 0;
    virtual void deleteScene(Id id) = 0;
    virtual Id logChange(const ChangeRecord& c) = 0;

    // Where imported entries came from (story format 2, issue 14): for an entity kind and a
    // format family ("gexf", "csv", ...), each key in the file with the story entry it became
    // and its states as last imported (see interchange/origins.h). Empty for a format-1 story
    // opened read-only; setOrigin does nothing there.
    struct OriginRow
    {
        Id id = 0;
        QString fileState, storyState;
    };
    virtual QHash<QString, OriginRow> origins(EntityKind kind, const QString& format) const = 0;
    virtual void setOrigin(EntityKind kind, const QString& format, const QString& key,
                           const OriginRow& row) = 0;
    // Every origin of the story, for a copy (storecopy.h). An origin whose id is 0 is one an
    // undone import forgot (setOrigin with an empty row): it names no entry.
    struct OriginEntry
    {
        EntityKind kind = EntityKind::Event;
        QString format, key;
        OriginRow row;
    };
    virtual QList<OriginEntry> allOrigins() const = 0;

    // For a story created by this Store and not yet handed to anyone: the backend may trade
    // durability for speed while it is filled; endBulkLoad() returns to normal. A crash midway
    // leaves a story that the caller deletes (it was new).
    virtual void beginBulkLoad() = 0;
    virtual void endBulkLoad() = 0;

    // Fast path for generate and large imports: inserts events from a producer inside one
    // transaction (or the caller's), then builds the search index once. The producer fills the
    // event and returns false when done. Participations and tags are written too. Events the
    // producer gives no id get firstId, firstId + 1, ... in order.
    struct BulkTimings
    {
        qint64 rowsMs = 0, indexesMs = 0, searchIndexMs = 0;
        Id firstId = 0;
    };
    virtual BulkTimings bulkInsertEvents(const std::function<bool(Event&)>& next) = 0;

    // Fills the in-memory time index, in start order, with a forward-only scan.
    virtual void loadTimeIndex(TimeIndex& index) const = 0;

    // Full-text search over events, actors, sources and annotations. The user's text is
    // searched for literally, word by word; the last word also matches as a prefix.
    virtual QList<SearchHit> search(const QString& userText, int limit = 200) const = 0;
    // How many entries the same words match in all (search() returns at most `limit`).
    virtual qint64 searchCount(const QString& userText) const = 0;

    // A consistent copy of the story as a new story file, written whole beside the target and
    // renamed into place. The target must not exist, or with `replace` be a closed Chronomap
    // story (an earlier copy); never the story itself or its -wal, -shm or journal (see
    // files/filesafety.h).
    virtual void saveCopy(const QString& targetPath, bool replace = false) const = 0;

    // Every event's id, date text and sort keys in id order, for auditing damaged rows
    // (store/storeaudit.h); null keys come as nullopt.
    using EventDateRow = std::function<void(Id, const QString&, std::optional<qint64>,
                                            std::optional<qint64>)>;
    virtual void scanEventDates(const EventDateRow& row) const = 0;

    // Changes whenever another connection commits to the story.
    virtual qint64 dataVersion() const = 0;

protected:
    Store(const QString& path, bool readOnly) : m_path(path), m_readOnly(readOnly) {}
    // The backend's transaction primitives, called by Transaction for the outermost one.
    virtual void beginWrite() = 0;
    virtual void commitWrite() = 0;
    virtual void rollbackWrite() noexcept = 0;
    int transactionDepth() const { return m_depth; }
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    void setReadOnlyReason(ReadOnlyReason why) { m_readOnlyReason = why; }

private:
    QString m_path;
    bool m_readOnly = false;
    ReadOnlyReason m_readOnlyReason = ReadOnlyReason::None;
    int m_depth = 0;
    bool m_doomed = false;
};

// Words of a search as the user typed them, split where the search index splits them
// (anything but letters, digits and marks), at most 32; both backends quote them their way.
QStringList searchWords(const QString& userText);

} // namespace chronomap
