#pragma once

#include "pgconnection.h"
#include "store/store.h"
#include "store/tables.h"

#include <QHash>

namespace chronomap {

// A shared story on a PostgreSQL server, through libpq. One database holds many stories
// (chronomap.stories); every row is keyed by its story. The schema is versioned and migrated
// like the file's (pgschema.h), and a newer one is refused.
//
// Each row carries a version. This Store remembers the version of every row it read or wrote;
// an update or delete of a row someone else changed since is refused, naming who and when.
// Every committed write notifies the story's channel (LISTEN/NOTIFY) with the entries it
// touched, so other windows follow without reloading. Roles are the server's business: GRANTs
// and row-level security decide, and a refusal comes back as a StoreError for the user.
class PgStore final : public Store
{
public:
    static std::unique_ptr<PgStore> openUrl(const QString& url, Mode mode);
    ~PgStore() override;

    // The database user this connection works as, and the story's notification channel.
    QString databaseUser() const;
    QString channel() const;
    // Entries other sessions changed, from their notifications since the last call, as
    // "kind id" pairs ("event 42"); "* 0" means reload everything.
    QList<std::pair<QString, Id>> takeOutsideChanges();
    // The connection's socket: readable when a notification may have arrived.
    int socket() const;
    // Removes a whole story from its database (the bench's scratch stories; needs the
    // standards role or the schema's owner).
    static void dropStory(const QString& url);
    // For tests and the admin command: runs one statement on this connection.
    void execForTest(const char* sql);

    // The window's side of a shared story (pgsession.cpp). The strongest of the four roles
    // this database user holds, as the server says ("viewer", "reporter", "editor",
    // "standards"); "owner" for the schema's owner or a superuser (row-level security does not
    // hold them); empty when the user holds none.
    QString role() const;
    // Whether the connection is up, as far as libpq knows (it learns on the next read).
    bool isConnected() const;
    // Asks the server something trivial; false (and the connection marked gone) when it does
    // not answer.
    bool ping();
    // Connects again after the server restarted or the network dropped, with the same address
    // and password, without waiting on the network (PgConnection::beginReconnect): begin,
    // then continue each time reconnectSocket() is ready as asked, until Done or Failed. Done
    // means the session is set up again and listening. Notifications sent meanwhile are lost,
    // so the next takeOutsideChanges() says "* 0" (reload everything).
    PgConnection::Poll beginReconnect();
    PgConnection::Poll continueReconnect();
    void abandonReconnect();
    int reconnectSocket() const;
    // Who last changed an entry and when (UTC, "YYYY-MM-DD HH:MM"), from its row; nullopt when
    // the entry is gone.
    struct Stamp
    {
        qint64 version = 0;
        QString by, at;
    };
    std::optional<Stamp> stampOf(EntityRef ref) const;
    // The ids of every entry of a kind in the story (no rows: a window's list of what it
    // shows, kept so that an outside change can tell an insert from an update).
    QList<Id> ids(EntityKind kind) const;

    // Makes user a member of one of the four roles (viewer, reporter, editor, standards),
    // after removing the other three. Needs the right to grant them (the schema's owner).
    void grantRole(const QString& user, const QString& role);

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

    void beginBulkLoad() override {}
    void endBulkLoad() override {}
    // COPY for the rows, participations and tags; the search index is a generated column.
    void deleteEvents(const QList<Id>& ids) override;
    BulkTimings bulkInsertEvents(const std::function<bool(Event&)>& next) override;
    void loadTimeIndex(TimeIndex& index) const override;
    QList<SearchHit> search(const QString& userText, int limit = 200) const override;
    qint64 searchCount(const QString& userText) const override;
    // Writes the story into a new story file.
    void saveCopy(const QString& targetPath, bool replace = false) const override;
    void scanEventDates(const EventDateRow& row) const override;
    qint64 dataVersion() const override;

protected:
    void beginWrite() override;
    void commitWrite() override;
    void rollbackWrite() noexcept override;

private:
    PgStore(const PgLocator& where, std::unique_ptr<PgConnection> conn, bool readOnly);
    void prepareSchema(Mode mode);
    void openStory(Mode mode);

    PgResult exec(const char* sql, std::initializer_list<tables::Value> params) const
    {
        return m_conn->exec(sql, params);
    }
    PgResult exec(const char* sql, std::span<const tables::Value> params) const
    {
        return m_conn->exec(sql, params);
    }
    tables::Value story() const { return qint64(m_story); }

    // Generic reads and writes over the table descriptions (pgentities.cpp).
    template <class T>
    T readRow(const PgResult& r, int row) const;
    template <class T>
    std::optional<T> rowById(Id id) const;
    template <class T>
    QList<T> rowsWhere(const char* where, std::initializer_list<tables::Value> params) const;
    template <class T>
    Id insertRow(const T& x);
    template <class T>
    void updateRow(const T& x);
    void deleteRow(const char* table, Id id);
    // Story format 2: an actor's kind_known and the typed attributes, after its row.
    template <class T>
    void writeRowExtras(const T& x, Id id);
    Id allocateId(const char* table, Id wanted);
    [[noreturn]] void refuseChange(const char* table, Id id, qint64 seen) const;
    void remember(const char* table, Id id, qint64 version) const;
    std::optional<qint64> seenVersion(const char* table, Id id) const;
    void notify(const char* kind, Id id, const char* action);

    void fillEventLinks(Event& e) const;
    void writeEventLinks(const Event& e, bool replace);

    PgLocator m_where;
    std::unique_ptr<PgConnection> m_conn;
    Id m_story = 0;
    int m_schemaVersion = 0;
    mutable qint64 m_dataVersion = 0;
    // Versions of rows read or written, by "table id": committed, and in the open transaction.
    mutable QHash<QByteArray, qint64> m_seen;
    mutable QHash<QByteArray, qint64> m_seenInTransaction;
    QStringList m_pendingNotes;
    QList<std::pair<QString, Id>> m_outside;
};

} // namespace chronomap
