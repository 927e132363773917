#pragma once

#include "store/store.h"
#include "store/tables.h"

#include <QElapsedTimer>
#include <QHash>

struct sqlite3;

namespace chronomap {

// The story file: a Store in one SQLite database with our application_id, the schema version
// in user_version and ordered migrations (schema.h).
//
// Every connection is configured the same way (WAL, synchronous=FULL, foreign keys,
// trusted_schema off, defensive mode, busy timeout); writes run in BEGIN IMMEDIATE
// transactions. A file that is not a story, is damaged, is newer than this program, or
// carries schema objects we did not create is refused and left untouched. No sqlite3 handle
// leaves this class.
class SqliteStore final : public Store
{
public:
    static constexpr int kSchemaVersion = 2;
    static constexpr qint32 kApplicationId = 0x43686d70; // "Chmp"
    // How long a write waits for another window or process before the user is told.
    static constexpr int kBusyTimeoutMs = 10000;

    static std::unique_ptr<SqliteStore> openFile(const QString& path, Mode mode,
                                                 Check check = Check::Full);
    // quick_check on its own read-only connection (any thread); empty when sound.
    static QString checkIntegrity(const QString& path);
    ~SqliteStore() override;

    // For tests: the full PRAGMA integrity_check of this connection ("ok" when sound), a
    // statement run as is, and the first column of a query's first row as text.
    QString integrityCheck() const;
    void execForTest(const char* sql);
    QString queryForTest(const char* sql) const;
    bool isDefensiveForTest() const;

    int schemaVersion() const override;

    QString meta(const QString& key) const override;
    void setMeta(const QString& key, const QString& value) override;
    QList<std::pair<QString, QString>> metaEntries() const override;
    StoryCounts counts() const override;
    std::optional<std::pair<qint64, qint64>> dateRange() const override;

    std::optional<Event> event(Id id) const override;
    QList<Event> events() const override;
    QList<Event> eventsOfActor(Id actorId) const override;
    QString eventTitle(Id id) const override;
    std::vector<std::pair<Id, Id>> participations() const override;
    QList<Id> eventIdsOfActor(Id actorId) const override;
    std::optional<Actor> actor(Id id) const override;
    QList<Actor> actors() const override;
    std::optional<Relation> relation(Id id) const override;
    QList<Relation> relations() const override;
    std::optional<Source> source(Id id) const override;
    QList<Source> sources() const override;
    std::optional<Citation> citation(Id id) const override;
    QList<Citation> citations() const override;
    QList<Citation> citationsOf(EntityRef target) const override;
    std::optional<Annotation> annotation(Id id) const override;
    QList<Annotation> annotations() const override;
    QList<Annotation> annotationsOf(EntityRef target) const override;
    QList<Category> categories() const override;
    QList<Era> eras() const override;
    QList<Scene> scenes() const override;
    QList<ChangeRecord> changes(std::optional<EntityRef> target) const override;

    Id insertEvent(const Event& e) override;
    void updateEvent(const Event& e) override;
    void deleteEvent(Id id) override;
    void deleteEvents(const QList<Id>& ids) override;
    Id insertActor(const Actor& a) override;
    void updateActor(const Actor& a) override;
    void deleteActor(Id id) override;
    Id insertRelation(const Relation& r) override;
    void updateRelation(const Relation& r) override;
    void deleteRelation(Id id) override;
    Id insertSource(const Source& s) override;
    void updateSource(const Source& s) override;
    void deleteSource(Id id) override;
    Id insertCitation(const Citation& c) override;
    void updateCitation(const Citation& c) override;
    void deleteCitation(Id id) override;
    Id insertAnnotation(const Annotation& a) override;
    void updateAnnotation(const Annotation& a) override;
    void deleteAnnotation(Id id) override;
    Id insertCategory(const Category& c) override;
    void updateCategory(const Category& c) override;
    void deleteCategory(Id id) override;
    Id insertEra(const Era& e) override;
    void deleteEra(Id id) override;
    Id insertScene(const Scene& s) override;
    void updateScene(const Scene& s) override;
    void deleteScene(Id id) override;
    Id logChange(const ChangeRecord& c) override;
    QHash<QString, OriginRow> origins(EntityKind kind, const QString& format) const override;
    void setOrigin(EntityKind kind, const QString& format, const QString& key,
                   const OriginRow& row) override;
    QList<OriginEntry> allOrigins() const override;

    void beginBulkLoad() override;
    void endBulkLoad() override;
    BulkTimings bulkInsertEvents(const std::function<bool(Event&)>& next) override;
    void loadTimeIndex(TimeIndex& index) const override;
    QList<SearchHit> search(const QString& userText, int limit = 200) const override;
    qint64 searchCount(const QString& userText) const override;
    // VACUUM INTO, never a file copy: WAL content would be lost.
    void saveCopy(const QString& targetPath, bool replace = false) const override;
    void scanEventDates(const EventDateRow& row) const override;
    // PRAGMA data_version.
    qint64 dataVersion() const override;

protected:
    void beginWrite() override;
    void commitWrite() override;
    void rollbackWrite() noexcept override;

private:
    SqliteStore(const QString& path, sqlite3* db, bool readOnly);
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
    void fillEventLinks(Event& e) const;

    // The generic reads and writes over a table description (sqliteentities.cpp).
    template <class T>
    static void bindRow(Statement& st, int base, const tables::Table<T>& t, const T& x);
    template <class T>
    static T readRow(Statement& st, const tables::Table<T>& t);
    template <class T>
    std::optional<T> rowById(Id id) const;
    template <class T>
    QList<T> allRows() const;
    template <class T>
    QList<T> rowsAbout(EntityRef target) const;
    template <class T>
    Id insertRow(const T& x);
    template <class T>
    void updateRow(const T& x);
    void deleteRow(const char* table, Id id);

    // Story format 2 (sqliteattributes.cpp): typed attributes, one table per entity, and an
    // actor's kind_known, read and written beside the format-1 rows; nothing on a format-1
    // story opened read-only.
    bool hasFormat2() const;
    Attributes readAttributes(EntityKind kind, Id id) const;
    QHash<Id, Attributes> readAllAttributes(EntityKind kind) const;
    void writeAttributes(EntityKind kind, Id id, const Attributes& list);
    void readExtras(QList<Actor>& list) const;
    void readExtras(QList<Relation>& list) const;
    void readExtras(QList<Event>& list) const;
    void writeExtras(const Actor& a);
    void writeExtras(const Relation& r);
    void writeExtras(const Event& e);

    sqlite3* m_db = nullptr;
    bool m_created = false;
    bool m_companionsOurs = false; // a read-only open that created the -wal and -shm
    QElapsedTimer m_busySince;
    mutable QHash<const char*, Statement*> m_cache;
    mutable int m_format2 = -1; // hasFormat2(), once known
};

} // namespace chronomap
