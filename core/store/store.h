#pragma once

#include "model/entities.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

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

// The story file: the only class in Chronomap that speaks SQL. A story is a SQLite database
// with our application_id, schema version in user_version and ordered migrations.
//
// Every connection is configured the same way (WAL, synchronous=FULL, foreign keys,
// trusted_schema off, defensive mode, busy timeout); writes run in BEGIN IMMEDIATE
// transactions. A file that is not a story, is damaged, is newer than this program, or
// carries schema objects we did not create is refused and left untouched.
//
// Errors throw StoreError with a message for the user. Keep SQLite-only features inside this
// class so a shared server can stand behind the same interface later.
class Store
{
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr qint32 kApplicationId = 0x43686d70; // "Chmp"
    // How long a write waits for another window or process before the user is told.
    static constexpr int kBusyTimeoutMs = 10000;

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

    static std::unique_ptr<Store> open(const QString& path, Mode mode, Check check = Check::Full);
    // Runs quick_check on its own read-only connection (any thread). Returns an empty string
    // when the file is sound, otherwise the message for the user.
    static QString checkIntegrity(const QString& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;

    // A write transaction (BEGIN IMMEDIATE). Rolls back unless commit() was called. Nested
    // transactions join the outermost one.
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
    QString meta(const QString& key) const;
    void setMeta(const QString& key, const QString& value);
    QList<std::pair<QString, QString>> metaEntries() const; // sorted by key

    StoryCounts counts() const;
    // Earliest and latest instant of all events (seconds); nullopt for an empty story.
    std::optional<std::pair<qint64, qint64>> dateRange() const;

    // Reads.
    std::optional<Event> event(Id id) const;
    QList<Event> events() const; // all, in date order (small stories)
    QList<Event> eventsOfActor(Id actorId) const;
    QString eventTitle(Id id) const; // cheap, for hover cards on large stories
    // Every (event id, actor id) pair, in one scan: lanes by actor on a story of any size.
    std::vector<std::pair<Id, Id>> participations() const;
    // The ids of an actor's events, without reading the events.
    QList<Id> eventIdsOfActor(Id actorId) const;
    std::optional<Actor> actor(Id id) const;
    QList<Actor> actors() const;
    std::optional<Relation> relation(Id id) const;
    QList<Relation> relations() const;
    std::optional<Source> source(Id id) const;
    QList<Source> sources() const;
    std::optional<Citation> citation(Id id) const;
    QList<Citation> citations() const;
    QList<Citation> citationsOf(EntityRef target) const;
    std::optional<Annotation> annotation(Id id) const;
    QList<Annotation> annotations() const;
    QList<Annotation> annotationsOf(EntityRef target) const;
    QList<Category> categories() const;
    QList<Era> eras() const;
    QList<Scene> scenes() const;
    QList<ChangeRecord> changes(std::optional<EntityRef> target = std::nullopt) const;

    // Writes. An entity with id 0 gets a new id; a non-zero id is kept (undo re-creates the
    // row it deleted). Each write runs in the current transaction or its own.
    Id insertEvent(const Event& e);
    void updateEvent(const Event& e);
    void deleteEvent(Id id);
    Id insertActor(const Actor& a);
    void updateActor(const Actor& a);
    void deleteActor(Id id);
    Id insertRelation(const Relation& r);
    void updateRelation(const Relation& r);
    void deleteRelation(Id id);
    Id insertSource(const Source& s);
    void updateSource(const Source& s);
    void deleteSource(Id id);
    Id insertCitation(const Citation& c);
    void updateCitation(const Citation& c);
    void deleteCitation(Id id);
    Id insertAnnotation(const Annotation& a);
    void updateAnnotation(const Annotation& a);
    void deleteAnnotation(Id id);
    Id insertCategory(const Category& c);
    void updateCategory(const Category& c);
    void deleteCategory(Id id);
    Id insertEra(const Era& e);
    void deleteEra(Id id);
    Id insertScene(const Scene& s);
    void updateScene(const Scene& s);
    void deleteScene(Id id);
    Id logChange(const ChangeRecord& c);

    // For a story created by this Store and not yet handed to anyone: no journal, no syncs
    // and a large page cache while it is filled; endBulkLoad() returns to WAL and full syncs.
    // A crash midway leaves a file that the caller deletes (it was new).
    void beginBulkLoad();
    void endBulkLoad();

    // Fast path for generate and large imports: inserts events from a producer inside one
    // transaction (or the caller's) with prepared statements, then builds the search index
    // once. The producer fills the event and returns false when done. Participations and tags
    // are written too. Events the producer gives no id get firstId, firstId + 1, ... in order.
    struct BulkTimings
    {
        qint64 rowsMs = 0, indexesMs = 0, searchIndexMs = 0;
        Id firstId = 0;
    };
    BulkTimings bulkInsertEvents(const std::function<bool(Event&)>& next);

    // Fills the in-memory time index, in start order, with a forward-only scan.
    void loadTimeIndex(TimeIndex& index) const;

    // Full-text search over events, actors, sources and annotations. The user's text is
    // quoted word by word, so FTS syntax in it (" * ( - NEAR AND) is searched for literally.
    QList<SearchHit> search(const QString& userText, int limit = 200) const;
    // How many entries the same words match in all (search() returns at most `limit`).
    qint64 searchCount(const QString& userText) const;

    // A consistent copy of the story (VACUUM INTO), never a file copy: WAL content would be
    // lost. The target must not exist.
    void saveCopy(const QString& targetPath) const;

    // Changes whenever another connection commits to the file (PRAGMA data_version).
    qint64 dataVersion() const;

    // Escape hatch for tests and migrations: the raw handle.
    sqlite3* handle() const { return m_db; }

private:
    Store(const QString& path, sqlite3* db, bool readOnly);
    void configure();
    void checkFile(Mode mode, Check check);
    void migrate();
    static QString quickCheck(sqlite3* db);
    static int onBusy(void* self, int attempt);
    void verifySchema() const;
    static void removeEmptyCompanions(const QString& path);
    [[noreturn]] void fail(const QString& what) const;

    class Statement;
    Statement& prepare(const char* sql) const;
    void exec(const char* sql) const;
    void reindex(EntityKind kind, Id id, bool remove);
    Id insertOrThrow(Statement& st, Id id);
    void writeEventLinks(const Event& e, bool replace);
    void writeEventTags(Id eventId, const QStringList& tags);
    Event readEvent(Statement& st) const;
    static void bindEventColumns(Statement& st, int base, const Event& e);
    void fillEventLinks(Event& e) const;

    QString m_path;
    sqlite3* m_db = nullptr;
    bool m_readOnly = false;
    bool m_created = false;
    bool m_companionsOurs = false; // a read-only open that created the -wal and -shm
    int m_depth = 0;
    bool m_doomed = false;
    QElapsedTimer m_busySince;
    mutable QHash<const char*, Statement*> m_cache;
};

} // namespace chronomap
