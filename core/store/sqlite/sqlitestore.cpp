#include "sqlitestore.h"

#include "schema.h"
#include "sqlitestatement.h"

#include "files/filesafety.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace chronomap {

// ---------------------------------------------------------------------------------------------
// Opening

namespace {

// The name SQLite opens: the path, or a URI with immutable=1 for a story that this process
// cannot give a -wal and -shm (a read-only folder or mount, a full disk) and that has no
// unsaved journal: SQLite then reads the file as it is, takes no locks and creates nothing.
QByteArray sqliteName(const QString& path, bool immutable)
{
    if (!immutable)
        return QFile::encodeName(path);
    return "file:" +
           QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), QByteArrayLiteral("/")) +
           "?immutable=1";
}

bool readableOnlyAsIs(const QString& path)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if ((wal.exists() && wal.size() > 0) || QFileInfo::exists(path + QStringLiteral("-journal")))
        return false; // committed changes wait in the journal: read through SQLite's locks
    if (!companionsUsable(path))
        return true;
    // A file this user may not write, with no -wal or -shm yet: ones we made would be ours,
    // left behind on close (a read-only connection cannot remove them) and in its owner's way.
    return !wal.exists() && !QFileInfo::exists(path + QStringLiteral("-shm")) &&
           readOnlyReasonOf(path) == ReadOnlyReason::File;
}

} // namespace

std::unique_ptr<SqliteStore> SqliteStore::openFile(const QString& path, Mode mode, Check check)
{
    const QFileInfo info(path);
    if (mode == Mode::Create) {
        // Made exclusively here, so that a failure below removes only what this call created.
        claimNewFile(path);
    } else {
        if (!info.exists())
            throw StoreError(
                QCoreApplication::translate("chronomap::Store", "%1: no such file").arg(path));
        if (!info.isFile())
            throw StoreError(
                QCoreApplication::translate("chronomap::Store", "%1: not a file").arg(path));
        if (info.size() < 512 && info.size() > 0)
            throw StoreError(QCoreApplication::translate(
                                 "chronomap::Store", "%1: not a Chronomap story (too short to be a "
                                                     "story file)")
                                 .arg(path));
    }
    // A read-write open of a story we cannot write (the file, its folder, its disk) falls back
    // to read-only, as editors expect, and remembers why for the window's banner.
    const ReadOnlyReason why = mode == Mode::Create ? ReadOnlyReason::None : readOnlyReasonOf(path);
    const bool readOnly = mode == Mode::ReadOnly || why != ReadOnlyReason::None;
    const bool immutable = readOnly && readableOnlyAsIs(path);

    // A read-only connection to a WAL story creates an empty -wal and a -shm and, unable to
    // checkpoint, leaves them behind; the destructor removes them if this open made them.
    const bool walAbsent = !QFileInfo::exists(path + QStringLiteral("-wal")) &&
                           !QFileInfo::exists(path + QStringLiteral("-shm"));

    // Before SQLite's first use in this process: no allocation statistics, which nothing
    // reads and which take a process-wide mutex around every allocation (a bulk load makes
    // tens of millions). Refused without harm if SQLite is already initialised.
    static const bool noMemoryStatistics = [] {
        return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    }();
    Q_UNUSED(noMemoryStatistics);

    auto openIt = [&]() -> std::unique_ptr<SqliteStore> {
        // URI names only for the immutable form: a story named "file:..." is a file name.
        int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | (immutable ? SQLITE_OPEN_URI : 0);
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (mode == Mode::Create)
            flags |= SQLITE_OPEN_CREATE;
        sqlite3* db = nullptr;
        const int rc =
            sqlite3_open_v2(sqliteName(path, immutable).constData(), &db, flags, nullptr);
        if (rc != SQLITE_OK) {
            const QString reason = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
            sqlite3_close_v2(db);
            throw StoreError(QCoreApplication::translate("chronomap::Store", "%1: cannot open: %2")
                                 .arg(path, reason));
        }
        std::unique_ptr<SqliteStore> store(new SqliteStore(path, db, readOnly));
        store->m_created = mode == Mode::Create;
        store->m_companionsOurs = readOnly && walAbsent && !immutable;
        store->setReadOnlyReason(why != ReadOnlyReason::None ? why
                                 : readOnly                  ? ReadOnlyReason::Requested
                                                             : ReadOnlyReason::None);
        store->configure();
        store->checkFile(mode, check);
        // The schema is checked at the file's own version BEFORE any migration runs: a
        // migration on a story with planted objects would change a file we are about to refuse.
        store->verifySchema();
        const int version = store->schemaVersion();
        if (version != schema::latestVersion()) {
            if (readOnly)
                throw StoreError(
                    QCoreApplication::translate("chronomap::Store",
                                                "%1: this story is in an older format and cannot "
                                                "be opened read-only; open it for editing once to "
                                                "update it")
                        .arg(path));
            store->migrate();
            store->verifySchema(); // what our migrations made, as a last guard
        }
        return store;
    };
    if (mode != Mode::Create)
        return openIt();
    try {
        return openIt();
    } catch (...) {
        removeCreatedStory(path); // ours: claimNewFile made it and no companion was there
        throw;
    }
}

SqliteStore::SqliteStore(const QString& path, sqlite3* db, bool readOnly)
    : Store(path, readOnly), m_db(db)
{}

SqliteStore::~SqliteStore()
{
    qDeleteAll(m_cache);
    m_cache.clear();
    sqlite3_close_v2(m_db);
    if (m_companionsOurs)
        removeEmptyCompanions(path());
}

// After a read-only connection that created the -wal and -shm has closed: a plain read-write
// connection joins the WAL and closes again, and SQLite removes both files on that close only
// if it can take the exclusive lock, that is only if no other connection (in any process) has
// the story open. A -wal holding frames (someone wrote meanwhile) is left for its writer, and
// a hot rollback journal is never touched (a read-write open would roll it back).
void SqliteStore::removeEmptyCompanions(const QString& path)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (!wal.exists() || wal.size() != 0 || QFileInfo::exists(path + QStringLiteral("-journal")) ||
        !QFileInfo(path).isWritable())
        return;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK) {
        int on = 1;
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &on);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &on);
        // A header read opens the WAL without parsing the schema.
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK)
            sqlite3_step(st);
        sqlite3_finalize(st);
    }
    sqlite3_close_v2(db);
}

void SqliteStore::fail(const QString& what) const
{
    const int code = sqlite3_extended_errcode(m_db);
    const QString msg = QString::fromUtf8(sqlite3_errmsg(m_db));
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: the story is busy in another window or program; "
                                        "try again in a moment (%2)")
                .arg(path(), msg));
    case SQLITE_READONLY:
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: the story is read-only; save a copy to edit it")
                .arg(path()));
    case SQLITE_FULL:
        throw StoreError(QCoreApplication::translate("chronomap::Store",
                                                     "%1: the disk is full; nothing was changed")
                             .arg(path()));
    case SQLITE_NOTADB:
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: not a Chronomap story (not a SQLite database, or a "
                                        "damaged one)")
                .arg(path()));
    case SQLITE_CORRUPT:
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: the story file is damaged (%2); open a backup copy")
                .arg(path(), msg));
    default:
        throw StoreError(QCoreApplication::translate("chronomap::Store", "%1: %2 failed: %3")
                             .arg(path(), what, msg));
    }
}

void SqliteStore::exec(const char* sql) const
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err);
        fail(QStringLiteral("\"%1\"").arg(QString::fromUtf8(sql).left(60)));
    }
}

SqliteStore::Statement& SqliteStore::prepare(const char* sql) const
{
    auto it = m_cache.constFind(sql);
    if (it != m_cache.constEnd())
        return (*it)->reset();
    auto* st = new Statement(*this, sql);
    m_cache.insert(sql, st);
    return *st;
}

// While another window or process holds the write lock. SQLite's own busy timeout sleeps ever
// longer between tries, so a writer that commits often can starve the other one; polling
// every millisecond or two gives both their turn. Gives up after kBusyTimeoutMs.
int SqliteStore::onBusy(void* self, int attempt)
{
    auto* store = static_cast<SqliteStore*>(self);
    if (attempt == 0)
        store->m_busySince.start();
    if (store->m_busySince.elapsed() >= kBusyTimeoutMs)
        return 0;
    // A little jitter keeps two waiting writers from waking in lockstep.
    sqlite3_sleep(1 + int((quintptr(self) >> 4) + quintptr(attempt)) % 2);
    return 1;
}

void SqliteStore::configure()
{
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_handler(m_db, &SqliteStore::onBusy, this);
    int on = 1;
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &on); // we ship none
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &on);    // nor views
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
    sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
    sqlite3_limit(m_db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
    exec("PRAGMA trusted_schema = OFF");
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA cell_size_check = ON");
    exec("PRAGMA synchronous = FULL");
}

void SqliteStore::checkFile(Mode mode, Check check)
{
    if (mode == Mode::Create) {
        exec("PRAGMA page_size = 8192");
        exec("PRAGMA journal_mode = WAL");
        return;
    }
    // Reading the header: a file that is not SQLite at all fails here.
    auto pragmaInt = [this](const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK) {
            const int code = sqlite3_errcode(m_db);
            sqlite3_finalize(st);
            if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
                throw StoreError(QCoreApplication::translate(
                                     "chronomap::Store", "%1: not a Chronomap story (not a SQLite "
                                                         "database, or a damaged one)")
                                     .arg(path()));
            fail(QCoreApplication::translate("chronomap::Store", "reading the file header"));
        }
        qint64 v = 0;
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            throw StoreError(
                QCoreApplication::translate("chronomap::Store",
                                            "%1: not a Chronomap story (not a SQLite database, "
                                            "or a damaged one)")
                    .arg(path()));
        return v;
    };
    const qint64 appId = pragmaInt("PRAGMA application_id");
    const qint64 version = pragmaInt("PRAGMA user_version");
    if (appId != kApplicationId)
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: not a Chronomap story (a SQLite database of another "
                                        "program); import it instead")
                .arg(path()));
    if (version > schema::latestVersion())
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: this story was written by a newer Chronomap (story "
                                        "format %2, this program reads up to %3); update "
                                        "Chronomap to open it")
                .arg(path())
                .arg(version)
                .arg(schema::latestVersion()));
    if (version < 1)
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: not a Chronomap story (no story format version)")
                .arg(path()));
    // quick_check reads every page: bounded by the file's size, and the only way to know a
    // damaged story before we show half of it.
    if (check == Check::Full) {
        const QString problem = quickCheck(m_db);
        if (!problem.isEmpty())
            throw StoreError(
                QCoreApplication::translate("chronomap::Store",
                                            "%1: the story file is damaged (%2); open a backup "
                                            "copy")
                    .arg(path(), problem));
    }
    if (!isReadOnly())
        exec("PRAGMA journal_mode = WAL");
}

QString SqliteStore::quickCheck(sqlite3* db)
{
    sqlite3_stmt* st = nullptr;
    QStringList problems;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(5)", -1, &st, nullptr) == SQLITE_OK) {
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const QString line =
                QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
            if (line != QLatin1String("ok"))
                problems << line;
        }
        if (rc != SQLITE_DONE && problems.isEmpty())
            problems << QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        problems << QString::fromUtf8(sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return problems.value(0);
}

QString SqliteStore::checkIntegrity(const QString& path)
{
    const bool walAbsent = !QFileInfo::exists(path + QStringLiteral("-wal")) &&
                           !QFileInfo::exists(path + QStringLiteral("-shm"));
    const bool immutable = readableOnlyAsIs(path);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqliteName(path, immutable).constData(), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
                            (immutable ? SQLITE_OPEN_URI : 0),
                        nullptr) != SQLITE_OK) {
        const QString why = db ? QString::fromUtf8(sqlite3_errmsg(db))
                               : QCoreApplication::translate("chronomap::Store", "cannot open");
        sqlite3_close_v2(db);
        return QCoreApplication::translate("chronomap::Store", "%1: cannot check the story: %2")
            .arg(path, why);
    }
    int on = 1;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
    sqlite3_busy_timeout(db, 5000);
    const QString problem = quickCheck(db);
    sqlite3_close_v2(db);
    if (walAbsent && !immutable)
        removeEmptyCompanions(path);
    if (problem.isEmpty())
        return {};
    return QCoreApplication::translate(
               "chronomap::Store",
               "%1: the story file is damaged (%2); it is open read-only: save a copy "
               "of what you need and open a backup")
        .arg(path, problem);
}

void SqliteStore::migrate()
{
    int version = schemaVersion();
    for (const schema::Migration& m : schema::migrations()) {
        if (m.to <= version)
            continue;
        Transaction tx(*this);
        exec(m.sql);
        exec(QStringLiteral("PRAGMA user_version = %1").arg(m.to).toUtf8().constData());
        if (m.to == 1) {
            exec(QStringLiteral("PRAGMA application_id = %1")
                     .arg(kApplicationId)
                     .toUtf8()
                     .constData());
            setMeta(QStringLiteral("created"), nowIso());
        }
        tx.commit();
        version = m.to;
    }
    m_format2 = -1; // known again at the next read
}

QString SqliteStore::integrityCheck() const
{
    sqlite3_stmt* st = nullptr;
    QStringList out;
    if (sqlite3_prepare_v2(m_db, "PRAGMA integrity_check", -1, &st, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(m_db));
    while (sqlite3_step(st) == SQLITE_ROW)
        out << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out.join(u'\n');
}

void SqliteStore::execForTest(const char* sql)
{
    exec(sql);
}

QString SqliteStore::queryForTest(const char* sql) const
{
    sqlite3_stmt* st = nullptr;
    QString v;
    if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return v;
}

bool SqliteStore::isDefensiveForTest() const
{
    int defensive = -1;
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
    return defensive == 1;
}

int SqliteStore::schemaVersion() const
{
    sqlite3_stmt* st = nullptr;
    int v = 0;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

namespace {

// "type|name|sql" of every object the migrations up to `version` create, made once per version
// in a scratch in-memory database.
QSet<QString> expectedSchema(int version)
{
    static QMutex mutex;
    static const void* list = nullptr;
    static QHash<int, QSet<QString>> cache;
    const QMutexLocker lock(&mutex);
    if (list != schema::migrations().data()) { // tests may swap the list
        cache.clear();
        list = schema::migrations().data();
    }
    auto it = cache.constFind(version);
    if (it != cache.constEnd())
        return *it;
    sqlite3* mem = nullptr;
    sqlite3_open(":memory:", &mem);
    for (const schema::Migration& m : schema::migrations())
        if (m.to <= version)
            sqlite3_exec(mem, m.sql, nullptr, nullptr, nullptr);
    QSet<QString> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(mem, "SELECT type, name, sql FROM sqlite_schema", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        out.insert(
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + u'|' +
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))) + u'|' +
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 2))));
    sqlite3_finalize(st);
    sqlite3_close(mem);
    cache.insert(version, out);
    return out;
}

} // namespace

// The schema must be exactly what our migrations create up to the file's version: a planted
// trigger, view or altered table is refused before any query touches the story's tables.
void SqliteStore::verifySchema() const
{
    const QSet<QString> expected = expectedSchema(schemaVersion());
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT type, name, sql FROM sqlite_schema", -1, &st, nullptr) !=
        SQLITE_OK)
        fail(QCoreApplication::translate("chronomap::Store", "reading the schema"));
    QString foreign;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const QString type =
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        const QString name =
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
        const QString sql =
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)));
        // FTS5 shadow tables and SQLite's own objects are created by SQLite, not by SQL text
        // we can compare; their names are fixed.
        static const QRegularExpression internal(
            QStringLiteral("^(sqlite_.*|(events|actors|sources|annotations)_fts_(data|idx|docsize|"
                           "config|content))$"));
        // Only as plain tables: a virtual table (type "table" too) under such a name would
        // run its module's code, and it is not what SQLite creates (issue 8, hostile files).
        if (internal.match(name).hasMatch() && type == QLatin1String("table") &&
            sql.startsWith(QLatin1String("CREATE TABLE ")))
            continue;
        if (!expected.contains(type + u'|' + name + u'|' + sql)) {
            foreign = QStringLiteral("%1 \"%2\"").arg(type, name);
            break;
        }
    }
    sqlite3_finalize(st);
    if (!foreign.isEmpty())
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: the story contains a %2 that Chronomap did not "
                                        "create; it was refused so that no foreign code runs. "
                                        "Import its data into a new story instead")
                .arg(path(), foreign));
}

// ---------------------------------------------------------------------------------------------
// Transactions

void SqliteStore::beginWrite()
{
    exec("BEGIN IMMEDIATE");
}

void SqliteStore::commitWrite()
{
    exec("COMMIT");
}

void SqliteStore::rollbackWrite() noexcept
{
    if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Meta and counts

QString SqliteStore::meta(const QString& key) const
{
    auto& st = prepare("SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    const QString v = st.step() ? st.text(0) : QString();
    st.reset();
    return v;
}

void SqliteStore::setMeta(const QString& key, const QString& value)
{
    Transaction tx(*this);
    prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
    tx.commit();
}

QList<std::pair<QString, QString>> SqliteStore::metaEntries() const
{
    auto& st = prepare("SELECT key, value FROM meta ORDER BY key");
    QList<std::pair<QString, QString>> out;
    while (st.step())
        out.append({st.text(0), st.text(1)});
    st.reset();
    return out;
}

StoryCounts SqliteStore::counts() const
{
    auto& st = prepare("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM actors), "
                       "(SELECT count(*) FROM relations), (SELECT count(*) FROM sources), "
                       "(SELECT count(*) FROM citations), (SELECT count(*) FROM annotations), "
                       "(SELECT count(*) FROM categories), (SELECT count(*) FROM tags), "
                       "(SELECT count(*) FROM eras), (SELECT count(*) FROM scenes), "
                       "(SELECT count(*) FROM changes)");
    StoryCounts c;
    if (st.step()) {
        c.events = st.i64(0);
        c.actors = st.i64(1);
        c.relations = st.i64(2);
        c.sources = st.i64(3);
        c.citations = st.i64(4);
        c.annotations = st.i64(5);
        c.categories = st.i64(6);
        c.tags = st.i64(7);
        c.eras = st.i64(8);
        c.scenes = st.i64(9);
        c.changes = st.i64(10);
    }
    st.reset();
    return c;
}

std::optional<std::pair<qint64, qint64>> SqliteStore::dateRange() const
{
    // Rows with an impossible span (a damaged file) would give an impossible range.
    auto& st = prepare("SELECT min(earliest), max(latest) FROM events WHERE earliest <= latest");
    std::optional<std::pair<qint64, qint64>> r;
    if (st.step() && !st.isNull(0))
        r = std::pair{st.i64(0), st.i64(1)};
    st.reset();
    return r;
}

// ---------------------------------------------------------------------------------------------
// Search index

void SqliteStore::reindex(EntityKind kind, Id id, bool remove)
{
    // External-content FTS5: removing needs the old values, which are still in the row.
    switch (kind) {
    case EntityKind::Event:
        if (remove)
            prepare("INSERT INTO events_fts(events_fts, rowid, title, summary, location, "
                    "display_date) SELECT 'delete', id, title, summary, location, display_date "
                    "FROM events WHERE id = ?1")
                .bind(1, id)
                .run();
        else
            prepare("INSERT INTO events_fts(rowid, title, summary, location, display_date) "
                    "SELECT id, title, summary, location, display_date FROM events WHERE id = ?1")
                .bind(1, id)
                .run();
        break;
    case EntityKind::Actor:
        if (remove)
            prepare("INSERT INTO actors_fts(actors_fts, rowid, name, role, description) "
                    "SELECT 'delete', id, name, role, description FROM actors WHERE id = ?1")
                .bind(1, id)
                .run();
        else
            prepare("INSERT INTO actors_fts(rowid, name, role, description) "
                    "SELECT id, name, role, description FROM actors WHERE id = ?1")
                .bind(1, id)
                .run();
        break;
    case EntityKind::Source:
        if (remove)
            prepare("INSERT INTO sources_fts(sources_fts, rowid, title, publisher, text) "
                    "SELECT 'delete', id, title, publisher, text FROM sources WHERE id = ?1")
                .bind(1, id)
                .run();
        else
            prepare("INSERT INTO sources_fts(rowid, title, publisher, text) "
                    "SELECT id, title, publisher, text FROM sources WHERE id = ?1")
                .bind(1, id)
                .run();
        break;
    case EntityKind::Annotation:
        // An annotation takes its replies with it. UNION (not UNION ALL) adds each note once,
        // so a thread that loops back on itself (a hostile or damaged story) ends.
        if (remove)
            prepare("WITH RECURSIVE thread(id) AS (SELECT ?1 UNION "
                    "SELECT a.id FROM annotations a JOIN thread t ON a.parent_id = t.id) "
                    "INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
                    "SELECT 'delete', id, author, body FROM annotations "
                    "WHERE id IN (SELECT id FROM thread)")
                .bind(1, id)
                .run();
        else
            prepare("INSERT INTO annotations_fts(rowid, author, body) "
                    "SELECT id, author, body FROM annotations WHERE id = ?1")
                .bind(1, id)
                .run();
        break;
    case EntityKind::Relation:
    case EntityKind::Scene:
        break;
    }
}

namespace {
// The user's words as an FTS5 query: each word becomes a quoted string (doubling any quote in
// it); the last word also matches as a prefix so results come while typing. Nothing the user
// types is syntax. Words are split where the index's tokenizer splits them (anything but
// letters, digits and marks), so "Moscow's" and "F-35" find what they should. Empty when there
// is no word to look for.
QString ftsQuery(const QString& userText)
{
    QStringList terms;
    for (const QString& word : searchWords(userText))
        terms << u'"' + word + u'"';
    if (terms.isEmpty())
        return {};
    terms.last() += u'*';
    return terms.join(u' ');
}
} // namespace

qint64 SqliteStore::searchCount(const QString& userText) const
{
    const QString query = ftsQuery(userText);
    if (query.isEmpty())
        return 0;
    qint64 total = 0;
    for (const char* sql : {"SELECT count(*) FROM events_fts WHERE events_fts MATCH ?1",
                            "SELECT count(*) FROM actors_fts WHERE actors_fts MATCH ?1",
                            "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?1",
                            "SELECT count(*) FROM annotations_fts WHERE annotations_fts MATCH ?1"}) {
        auto& st = prepare(sql);
        st.bind(1, query);
        if (st.step())
            total += st.i64(0);
        st.reset();
    }
    return total;
}

QList<SearchHit> SqliteStore::search(const QString& userText, int limit) const
{
    const QString query = ftsQuery(userText);
    if (query.isEmpty())
        return {};

    QList<SearchHit> hits;
    auto run = [&](const char* sql, EntityKind kind) {
        auto& st = prepare(sql);
        st.bind(1, query).bind(2, qint64(limit));
        while (st.step()) {
            SearchHit h;
            h.ref = {kind, st.i64(0)};
            h.title = st.text(1);
            h.snippet = st.text(2);
            h.rank = st.f64(3);
            hits << h;
        }
        st.reset();
    };
    run("SELECT f.rowid, e.title, snippet(events_fts, -1, '[', ']', '…', 12), f.rank "
        "FROM events_fts f JOIN events e ON e.id = f.rowid WHERE events_fts MATCH ?1 "
        "LIMIT ?2",
        EntityKind::Event);
    run("SELECT f.rowid, a.name, snippet(actors_fts, -1, '[', ']', '…', 12), f.rank "
        "FROM actors_fts f JOIN actors a ON a.id = f.rowid WHERE actors_fts MATCH ?1 "
        "LIMIT ?2",
        EntityKind::Actor);
    run("SELECT f.rowid, s.title, snippet(sources_fts, -1, '[', ']', '…', 12), f.rank "
        "FROM sources_fts f JOIN sources s ON s.id = f.rowid WHERE sources_fts MATCH ?1 "
        "LIMIT ?2",
        EntityKind::Source);
    run("SELECT f.rowid, a.author, snippet(annotations_fts, -1, '[', ']', '…', 12), f.rank "
        "FROM annotations_fts f JOIN annotations a ON a.id = f.rowid "
        "WHERE annotations_fts MATCH ?1 LIMIT ?2",
        EntityKind::Annotation);
    // The first `limit` matches of each kind, ranked among themselves: ranking every match of
    // a common word in a million events costs more than the user waits for first results.
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

// ---------------------------------------------------------------------------------------------
// Copies

void SqliteStore::saveCopy(const QString& targetPath, bool replace) const
{
    // Never onto the story itself or the files SQLite keeps beside it: the copy would be
    // written over the pages it is read from.
    if (isStoryOrCompanion(targetPath, path()))
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: this is the open story or a file SQLite keeps "
                                        "beside it; a copy must go to another name")
                .arg(targetPath));
    if (!replace && QFileInfo::exists(targetPath))
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: a file of that name already exists; choose another "
                                        "name")
                .arg(targetPath));
    if (replace)
        checkWriteTarget(targetPath, path(), FileKind::Story);
    // The copy is made whole beside the target and renamed into place: the target, if any,
    // stays as it was until the copy is complete.
    const QString temporary = temporaryBeside(targetPath);
    try {
        claimNewFile(temporary);
    } catch (const StoreError& e) {
        QString message = e.message(); // name the file the user asked for
        throw StoreError(message.replace(temporary, targetPath));
    }
    try {
        auto& st = prepare("VACUUM INTO ?1");
        st.bind(1, temporary);
        try {
            st.run();
        } catch (const StoreError&) {
            throw StoreError(
                QCoreApplication::translate("chronomap::Store", "%1: could not write the copy: %2")
                    .arg(targetPath, QString::fromUtf8(sqlite3_errmsg(m_db))));
        }
        renameInto(temporary, targetPath, replace);
    } catch (...) {
        removeCreatedStory(temporary);
        throw;
    }
}

void SqliteStore::scanEventDates(const EventDateRow& row) const
{
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT id, date, earliest, latest FROM events ORDER BY id", -1,
                           &st, nullptr) != SQLITE_OK) {
        sqlite3_finalize(st);
        return;
    }
    auto key = [st](int column) -> std::optional<qint64> {
        if (sqlite3_column_type(st, column) != SQLITE_INTEGER)
            return std::nullopt;
        return sqlite3_column_int64(st, column);
    };
    while (sqlite3_step(st) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        row(sqlite3_column_int64(st, 0), QString::fromUtf8(text ? text : ""), key(2), key(3));
    }
    sqlite3_finalize(st);
}

} // namespace chronomap
