#include "store.h"

#include "query/timeindex.h"
#include "schema.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <sqlite3.h>

namespace chronomap {

// A prepared statement, reset after each use. Store keeps them cached by their SQL text, so
// each statement is compiled once per connection.
class Store::Statement
{
public:
    Statement(const Store& store, const char* sql) : m_store(store)
    {
        if (sqlite3_prepare_v3(store.m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_st, nullptr) !=
            SQLITE_OK)
            store.fail(QStringLiteral("preparing a query"));
    }
    ~Statement() { sqlite3_finalize(m_st); }

    Statement& reset()
    {
        sqlite3_reset(m_st);
        sqlite3_clear_bindings(m_st);
        return *this;
    }
    Statement& bind(int i, const QString& v)
    {
        // The UTF-8 bytes stay in the statement until the next bind of this parameter, so
        // SQLite need not copy them (a million-row import binds five texts a row).
        if (v.isEmpty()) {
            sqlite3_bind_text(m_st, i, "", 0, SQLITE_STATIC);
            return *this;
        }
        if (std::size_t(i) >= m_text.size())
            m_text.resize(std::size_t(i) + 1);
        m_text[std::size_t(i)] = v.toUtf8();
        const QByteArray& utf8 = m_text[std::size_t(i)];
        sqlite3_bind_text(m_st, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        return *this;
    }
    Statement& bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_st, i, v);
        return *this;
    }
    Statement& bind(int i, int v) { return bind(i, qint64(v)); }
    Statement& bind(int i, double v)
    {
        sqlite3_bind_double(m_st, i, v);
        return *this;
    }
    Statement& bindNull(int i)
    {
        sqlite3_bind_null(m_st, i);
        return *this;
    }
    Statement& bindId(int i, Id v) { return v ? bind(i, qint64(v)) : bindNull(i); }
    Statement& bind(int i, std::optional<double> v) { return v ? bind(i, *v) : bindNull(i); }

    // Steps once; true while there is a row.
    bool step()
    {
        const int rc = sqlite3_step(m_st);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_store.fail(QStringLiteral("running a query"));
    }
    void run()
    {
        while (step()) {
        }
        sqlite3_reset(m_st);
    }

    qint64 i64(int c) const { return sqlite3_column_int64(m_st, c); }
    int i32(int c) const { return sqlite3_column_int(m_st, c); }
    double f64(int c) const { return sqlite3_column_double(m_st, c); }
    bool isNull(int c) const { return sqlite3_column_type(m_st, c) == SQLITE_NULL; }
    std::optional<double> optF64(int c) const
    {
        return isNull(c) ? std::nullopt : std::optional<double>(f64(c));
    }
    QString text(int c) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_st, c));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_st, c)) : QString();
    }

    // Resets for the next row without clearing bindings: every parameter is bound again.
    Statement& rewind()
    {
        sqlite3_reset(m_st);
        return *this;
    }

private:
    const Store& m_store;
    sqlite3_stmt* m_st = nullptr;
    std::vector<QByteArray> m_text;
};

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString colorText(const QColor& c)
{
    return c.isValid() ? c.name(c.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb) : QString();
}

QColor colorOf(const QString& s)
{
    return s.isEmpty() ? QColor() : QColor::fromString(s);
}

// The three nullable foreign keys that point a citation or annotation at its target.
void targetColumns(EntityRef ref, Id& event, Id& actor, Id& relation)
{
    event = ref.kind == EntityKind::Event ? ref.id : 0;
    actor = ref.kind == EntityKind::Actor ? ref.id : 0;
    relation = ref.kind == EntityKind::Relation ? ref.id : 0;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Opening

std::unique_ptr<Store> Store::open(const QString& path, Mode mode, Check check)
{
    const QFileInfo info(path);
    if (mode == Mode::Create) {
        if (info.exists())
            throw StoreError(QStringLiteral("%1: a file of that name already exists; choose "
                                            "another name or remove it first")
                                 .arg(path));
    } else {
        if (!info.exists())
            throw StoreError(QStringLiteral("%1: no such file").arg(path));
        if (!info.isFile())
            throw StoreError(QStringLiteral("%1: not a file").arg(path));
        if (info.size() < 512 && info.size() > 0)
            throw StoreError(QStringLiteral("%1: not a Chronomap story (too short to be a "
                                            "story file)")
                                 .arg(path));
    }
    // A read-write open of a file we cannot write falls back to read-only, as editors expect.
    bool readOnly = mode == Mode::ReadOnly;
    if (mode == Mode::ReadWrite && !info.isWritable())
        readOnly = true;

    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == Mode::Create)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString why = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        throw StoreError(QStringLiteral("%1: cannot open: %2").arg(path, why));
    }
    std::unique_ptr<Store> store(new Store(path, db, readOnly));
    store->m_created = mode == Mode::Create;
    store->configure();
    store->checkFile(mode, check);
    if (!readOnly)
        store->migrate();
    store->verifySchema();
    return store;
}

Store::Store(const QString& path, sqlite3* db, bool readOnly)
    : m_path(path), m_db(db), m_readOnly(readOnly)
{
}

Store::~Store()
{
    qDeleteAll(m_cache);
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Store::fail(const QString& what) const
{
    const int code = sqlite3_extended_errcode(m_db);
    const QString msg = QString::fromUtf8(sqlite3_errmsg(m_db));
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(QStringLiteral("%1: the story is busy in another window or program; "
                                        "try again in a moment (%2)")
                             .arg(m_path, msg));
    case SQLITE_READONLY:
        throw StoreError(QStringLiteral("%1: the story is read-only; save a copy to edit it")
                             .arg(m_path));
    case SQLITE_FULL:
        throw StoreError(QStringLiteral("%1: the disk is full; nothing was changed").arg(m_path));
    case SQLITE_NOTADB:
        throw StoreError(QStringLiteral("%1: not a Chronomap story (not a SQLite database, or a "
                                        "damaged one)")
                             .arg(m_path));
    case SQLITE_CORRUPT:
        throw StoreError(QStringLiteral("%1: the story file is damaged (%2); open a backup copy")
                             .arg(m_path, msg));
    default:
        throw StoreError(QStringLiteral("%1: %2 failed: %3").arg(m_path, what, msg));
    }
}

void Store::exec(const char* sql) const
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err);
        fail(QStringLiteral("\"%1\"").arg(QString::fromUtf8(sql).left(60)));
    }
}

Store::Statement& Store::prepare(const char* sql) const
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
int Store::onBusy(void* self, int attempt)
{
    auto* store = static_cast<Store*>(self);
    if (attempt == 0)
        store->m_busySince.start();
    if (store->m_busySince.elapsed() >= kBusyTimeoutMs)
        return 0;
    // A little jitter keeps two waiting writers from waking in lockstep.
    sqlite3_sleep(1 + int((quintptr(self) >> 4) + quintptr(attempt)) % 2);
    return 1;
}

void Store::configure()
{
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_handler(m_db, &Store::onBusy, this);
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

void Store::checkFile(Mode mode, Check check)
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
                throw StoreError(QStringLiteral("%1: not a Chronomap story (not a SQLite "
                                                "database, or a damaged one)")
                                     .arg(m_path));
            fail(QStringLiteral("reading the file header"));
        }
        qint64 v = 0;
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            throw StoreError(QStringLiteral("%1: not a Chronomap story (not a SQLite database, "
                                            "or a damaged one)")
                                 .arg(m_path));
        return v;
    };
    const qint64 appId = pragmaInt("PRAGMA application_id");
    const qint64 version = pragmaInt("PRAGMA user_version");
    if (appId != kApplicationId)
        throw StoreError(QStringLiteral("%1: not a Chronomap story (a SQLite database of another "
                                        "program); import it instead")
                             .arg(m_path));
    if (version > kSchemaVersion)
        throw StoreError(QStringLiteral("%1: this story was written by a newer Chronomap (story "
                                        "format %2, this program reads up to %3); update "
                                        "Chronomap to open it")
                             .arg(m_path)
                             .arg(version)
                             .arg(kSchemaVersion));
    if (version < 1)
        throw StoreError(QStringLiteral("%1: not a Chronomap story (no story format version)")
                             .arg(m_path));
    // quick_check reads every page: bounded by the file's size, and the only way to know a
    // damaged story before we show half of it.
    if (check == Check::Full) {
        const QString problem = quickCheck(m_db);
        if (!problem.isEmpty())
            throw StoreError(QStringLiteral("%1: the story file is damaged (%2); open a backup "
                                            "copy")
                                 .arg(m_path, problem));
    }
    if (!m_readOnly)
        exec("PRAGMA journal_mode = WAL");
}

QString Store::quickCheck(sqlite3* db)
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

QString Store::checkIntegrity(const QString& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close_v2(db);
        return QStringLiteral("%1: cannot check the story: %2").arg(path, why);
    }
    int on = 1;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
    sqlite3_busy_timeout(db, 5000);
    const QString problem = quickCheck(db);
    sqlite3_close_v2(db);
    if (problem.isEmpty())
        return {};
    return QStringLiteral("%1: the story file is damaged (%2); it is open read-only: save a copy "
                          "of what you need and open a backup")
        .arg(path, problem);
}

void Store::migrate()
{
    int version = schemaVersion();
    for (const schema::Migration& m : schema::migrations()) {
        if (m.to <= version)
            continue;
        Transaction tx(*this);
        exec(m.sql);
        exec(QStringLiteral("PRAGMA user_version = %1").arg(m.to).toUtf8().constData());
        if (m.to == 1) {
            exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId).toUtf8().constData());
            setMeta(QStringLiteral("created"), nowIso());
        }
        tx.commit();
        version = m.to;
    }
}

int Store::schemaVersion() const
{
    sqlite3_stmt* st = nullptr;
    int v = 0;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

// The schema must be exactly what our migrations create: a planted trigger, view or altered
// table is refused before any query touches the story's tables.
void Store::verifySchema() const
{
    static const QSet<QString> expected = [] {
        sqlite3* mem = nullptr;
        sqlite3_open(":memory:", &mem);
        for (const schema::Migration& m : schema::migrations())
            sqlite3_exec(mem, m.sql, nullptr, nullptr, nullptr);
        QSet<QString> out;
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(mem, "SELECT type, name, sql FROM sqlite_schema", -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW)
            out.insert(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) +
                       u'|' +
                       QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))) +
                       u'|' +
                       QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 2))));
        sqlite3_finalize(st);
        sqlite3_close(mem);
        return out;
    }();
    if (schemaVersion() != kSchemaVersion)
        throw StoreError(QStringLiteral("%1: this story is in an older format and is open "
                                        "read-only; open it for editing once to update it")
                             .arg(m_path));
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT type, name, sql FROM sqlite_schema", -1, &st, nullptr) !=
        SQLITE_OK)
        fail(QStringLiteral("reading the schema"));
    QString foreign;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const QString type = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        const QString name = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
        const QString sql = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)));
        // FTS5 shadow tables and SQLite's own objects are created by SQLite, not by SQL text
        // we can compare; their names are fixed.
        static const QRegularExpression internal(
            QStringLiteral("^(sqlite_.*|(events|actors|sources|annotations)_fts_(data|idx|docsize|config|content))$"));
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
        throw StoreError(QStringLiteral("%1: the story contains a %2 that Chronomap did not "
                                        "create; it was refused so that no foreign code runs. "
                                        "Import its data into a new story instead")
                             .arg(m_path, foreign));
}

// ---------------------------------------------------------------------------------------------
// Transactions

Store::Transaction::Transaction(Store& store) : m_store(store)
{
    if (store.m_readOnly)
        throw StoreError(QStringLiteral("%1: the story is open read-only; nothing was changed")
                             .arg(store.m_path));
    m_outer = store.m_depth == 0;
    if (m_outer) {
        store.exec("BEGIN IMMEDIATE");
        store.m_doomed = false;
    }
    ++store.m_depth;
}

Store::Transaction::~Transaction()
{
    --m_store.m_depth;
    if (m_done)
        return;
    if (m_outer)
        sqlite3_exec(m_store.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    else
        m_store.m_doomed = true; // an inner part failed: the whole must not commit
}

void Store::Transaction::commit()
{
    m_done = true;
    if (!m_outer)
        return;
    if (m_store.m_doomed) {
        sqlite3_exec(m_store.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        m_store.m_doomed = false;
        throw StoreError(QStringLiteral("%1: a part of the change failed; nothing was changed")
                             .arg(m_store.m_path));
    }
    m_store.exec("COMMIT");
}

// ---------------------------------------------------------------------------------------------
// Meta and counts

QString Store::meta(const QString& key) const
{
    auto& st = prepare("SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    const QString v = st.step() ? st.text(0) : QString();
    st.reset();
    return v;
}

void Store::setMeta(const QString& key, const QString& value)
{
    Transaction tx(*this);
    prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
    tx.commit();
}

QList<std::pair<QString, QString>> Store::metaEntries() const
{
    auto& st = prepare("SELECT key, value FROM meta ORDER BY key");
    QList<std::pair<QString, QString>> out;
    while (st.step())
        out.append({st.text(0), st.text(1)});
    st.reset();
    return out;
}

StoryCounts Store::counts() const
{
    auto& st = prepare(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM actors), "
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

std::optional<std::pair<qint64, qint64>> Store::dateRange() const
{
    auto& st = prepare("SELECT min(earliest), max(latest) FROM events");
    std::optional<std::pair<qint64, qint64>> r;
    if (st.step() && !st.isNull(0))
        r = std::pair{st.i64(0), st.i64(1)};
    st.reset();
    return r;
}

// ---------------------------------------------------------------------------------------------
// Search index

void Store::reindex(EntityKind kind, Id id, bool remove)
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
        // An annotation takes its replies with it.
        if (remove)
            prepare("WITH RECURSIVE thread(id) AS (SELECT ?1 UNION ALL "
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
        break;
    }
}

QList<SearchHit> Store::search(const QString& userText, int limit) const
{
    // Each word becomes a quoted FTS5 string (doubling any quote in it); the last word also
    // matches as a prefix so results come while typing. Nothing the user types is syntax.
    QStringList terms;
    const QStringList words =
        userText.left(1000).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    // Words are split where the index's tokenizer splits them (anything but letters, digits
    // and marks), so "Moscow's" and "F-35" find what they should.
    for (const QString& w : words) {
        QString word;
        auto flush = [&] {
            if (!word.isEmpty() && terms.size() < 32)
                terms << u'"' + word + u'"';
            word.clear();
        };
        for (QChar c : w) {
            if (c.isLetterOrNumber() || c.isMark())
                word += c;
            else
                flush();
        }
        flush();
    }
    if (terms.isEmpty())
        return {};
    terms.last() += u'*';
    const QString query = terms.join(u' ');

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
// Events

Id Store::insertOrThrow(Statement& st, Id id)
{
    if (id)
        st.bind(1, qint64(id));
    else
        st.bindNull(1);
    st.run();
    return sqlite3_last_insert_rowid(m_db);
}

namespace {
constexpr const char* kEventColumns =
    "id, title, summary, date, display_date, category_id, importance, location, status, uid";
}

Event Store::readEvent(Statement& st) const
{
    Event e;
    e.id = st.i64(0);
    e.title = st.text(1);
    e.summary = st.text(2);
    e.date = PartialDate::fromEdtf(st.text(3));
    e.displayDate = st.text(4);
    e.categoryId = st.i64(5);
    e.importance = st.i32(6);
    e.location = st.text(7);
    e.status = Verification(st.i32(8) & 3);
    e.uid = st.text(9);
    return e;
}

void Store::fillEventLinks(Event& e) const
{
    auto& a = prepare("SELECT actor_id, role FROM event_actors WHERE event_id = ?1 ORDER BY position");
    a.bind(1, e.id);
    while (a.step())
        e.actors << Participation{a.i64(0), a.text(1)};
    a.reset();
    auto& t = prepare("SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id "
                      "WHERE et.event_id = ?1 ORDER BY et.position");
    t.bind(1, e.id);
    while (t.step())
        e.tags << t.text(0);
    t.reset();
}

std::optional<Event> Store::event(Id id) const
{
    static const QByteArray sql =
        QByteArray("SELECT ") + kEventColumns + " FROM events WHERE id = ?1";
    auto& st = prepare(sql.constData());
    st.bind(1, id);
    if (!st.step()) {
        st.reset();
        return std::nullopt;
    }
    Event e = readEvent(st);
    st.reset();
    fillEventLinks(e);
    return e;
}

QList<Event> Store::events() const
{
    static const QByteArray sql = QByteArray("SELECT ") + kEventColumns +
                                  " FROM events ORDER BY earliest, latest, id";
    auto& st = prepare(sql.constData());
    QList<Event> out;
    while (st.step())
        out << readEvent(st);
    st.reset();
    for (Event& e : out)
        fillEventLinks(e);
    return out;
}

QList<Event> Store::eventsOfActor(Id actorId) const
{
    static const QByteArray sql =
        QByteArray("SELECT ") + kEventColumns +
        " FROM events WHERE id IN (SELECT event_id FROM event_actors WHERE actor_id = ?1) "
        "ORDER BY earliest, latest, id";
    auto& st = prepare(sql.constData());
    st.bind(1, actorId);
    QList<Event> out;
    while (st.step())
        out << readEvent(st);
    st.reset();
    for (Event& e : out)
        fillEventLinks(e);
    return out;
}

std::vector<std::pair<Id, Id>> Store::participations() const
{
    auto& st = prepare("SELECT event_id, actor_id FROM event_actors");
    std::vector<std::pair<Id, Id>> out;
    while (st.step())
        out.emplace_back(st.i64(0), st.i64(1));
    st.reset();
    return out;
}

QList<Id> Store::eventIdsOfActor(Id actorId) const
{
    auto& st = prepare("SELECT event_id FROM event_actors WHERE actor_id = ?1");
    st.bind(1, actorId);
    QList<Id> out;
    while (st.step())
        out << st.i64(0);
    st.reset();
    return out;
}

QString Store::eventTitle(Id id) const
{
    auto& st = prepare("SELECT title FROM events WHERE id = ?1");
    st.bind(1, id);
    const QString t = st.step() ? st.text(0) : QString();
    st.reset();
    return t;
}

void Store::writeEventLinks(const Event& e, bool replace)
{
    if (replace) {
        prepare("DELETE FROM event_actors WHERE event_id = ?1").bind(1, e.id).run();
        prepare("DELETE FROM event_tags WHERE event_id = ?1").bind(1, e.id).run();
    }
    int pos = 0;
    for (const Participation& p : e.actors)
        prepare("INSERT INTO event_actors(event_id, actor_id, role, position) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT DO UPDATE SET role = excluded.role")
            .bind(1, e.id)
            .bind(2, p.actorId)
            .bind(3, p.role)
            .bind(4, pos++)
            .run();
    pos = 0;
    for (const QString& tag : e.tags) {
        prepare("INSERT INTO tags(name) VALUES (?1) ON CONFLICT(name) DO NOTHING").bind(1, tag).run();
        prepare("INSERT INTO event_tags(event_id, tag_id, position) "
                "SELECT ?1, id, ?3 FROM tags WHERE name = ?2 ON CONFLICT DO NOTHING")
            .bind(1, e.id)
            .bind(2, tag)
            .bind(3, pos++)
            .run();
    }
}

namespace {
void requireDate(const QString& path, const PartialDate& d, const QString& what)
{
    if (!d.isValid())
        throw StoreError(QStringLiteral("%1: %2 has no valid date").arg(path, what));
}
} // namespace

Id Store::insertEvent(const Event& e)
{
    requireDate(m_path, e.date, QStringLiteral("the event \"%1\"").arg(e.title));
    Transaction tx(*this);
    auto& st = prepare(
        "INSERT INTO events(id, title, summary, date, display_date, earliest, latest, "
        "nominal_start, nominal_end, date_flags, category_id, importance, location, status, uid) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    st.bind(2, e.title)
        .bind(3, e.summary)
        .bind(4, e.date.edtf())
        .bind(5, e.displayDate)
        .bind(6, e.date.earliest())
        .bind(7, e.date.latest())
        .bind(8, e.date.nominalStart())
        .bind(9, e.date.nominalEnd())
        .bind(10, qint64(e.date.flags()))
        .bindId(11, e.categoryId)
        .bind(12, e.importance)
        .bind(13, e.location)
        .bind(14, int(e.status))
        .bind(15, e.uid);
    Event stored = e;
    stored.id = insertOrThrow(st, e.id);
    writeEventLinks(stored, false);
    reindex(EntityKind::Event, stored.id, false);
    tx.commit();
    return stored.id;
}

void Store::updateEvent(const Event& e)
{
    requireDate(m_path, e.date, QStringLiteral("the event \"%1\"").arg(e.title));
    Transaction tx(*this);
    reindex(EntityKind::Event, e.id, true);
    prepare("UPDATE events SET title = ?2, summary = ?3, date = ?4, display_date = ?5, "
            "earliest = ?6, latest = ?7, nominal_start = ?8, nominal_end = ?9, date_flags = ?10, "
            "category_id = ?11, importance = ?12, location = ?13, status = ?14, uid = ?15 "
            "WHERE id = ?1")
        .bind(1, e.id)
        .bind(2, e.title)
        .bind(3, e.summary)
        .bind(4, e.date.edtf())
        .bind(5, e.displayDate)
        .bind(6, e.date.earliest())
        .bind(7, e.date.latest())
        .bind(8, e.date.nominalStart())
        .bind(9, e.date.nominalEnd())
        .bind(10, qint64(e.date.flags()))
        .bindId(11, e.categoryId)
        .bind(12, e.importance)
        .bind(13, e.location)
        .bind(14, int(e.status))
        .bind(15, e.uid)
        .run();
    writeEventLinks(e, true);
    reindex(EntityKind::Event, e.id, false);
    tx.commit();
}

void Store::deleteEvent(Id id)
{
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE event_id = ?1")
        .bind(1, id)
        .run();
    reindex(EntityKind::Event, id, true);
    prepare("DELETE FROM events WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

void Store::beginBulkLoad()
{
    if (!m_created || m_depth != 0)
        return;
    exec("PRAGMA journal_mode = OFF");
    exec("PRAGMA synchronous = OFF");
    // The writer of a bulk load (generate, import) checks references itself; SQLite checking
    // each of a million rows again doubles the time.
    exec("PRAGMA foreign_keys = OFF");
    exec("PRAGMA cache_size = -524288"); // 512 MB at most, freed at endBulkLoad
    exec("PRAGMA temp_store = MEMORY");
    exec("PRAGMA threads = 2"); // the sorter that builds indexes may use the second core
}

void Store::endBulkLoad()
{
    if (!m_created || m_depth != 0)
        return;
    exec("PRAGMA cache_size = -8192");
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA journal_mode = WAL");
}

Store::BulkTimings Store::bulkInsertEvents(const std::function<bool(Event&)>& next)
{
    BulkTimings timings;
    QElapsedTimer timer;
    timer.start();
    Transaction tx(*this);
    // Into an empty story, indexes are built once after the rows rather than kept up to date
    // row by row: same SQL text as the schema, so the schema check still recognises them.
    QList<QByteArray> rebuild;
    if (counts().events == 0) {
        auto& st = prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS "
                           "NOT NULL AND tbl_name IN ('events', 'event_actors', 'event_tags')");
        QStringList names;
        while (st.step()) {
            names << st.text(0);
            rebuild << st.text(1).toUtf8();
        }
        st.reset();
        for (const QString& name : names)
            exec(QStringLiteral("DROP INDEX \"%1\"").arg(name).toUtf8().constData());
    }
    // Many rows per statement: a million single-row steps cost more than the rows themselves.
    // Ids are given explicitly (new ones continue after the largest) so that participations
    // can name their event without asking SQLite row by row.
    constexpr int kEventCols = 15, kEventRows = 16, kLinkCols = 4, kLinkRows = 32;
    auto valuesSql = [](const char* head, int cols, int rows) {
        QByteArray sql(head);
        for (int r = 0; r < rows; ++r) {
            sql += r ? ",(" : " VALUES (";
            for (int c = 0; c < cols; ++c)
                sql += (c ? ",?" : "?") + QByteArray::number(r * cols + c + 1);
            sql += ')';
        }
        return sql;
    };
    static const QByteArray eventHead =
        "INSERT INTO events(id, title, summary, date, display_date, earliest, latest, "
        "nominal_start, nominal_end, date_flags, category_id, importance, location, status, uid)";
    static const QByteArray linkHead =
        "INSERT OR IGNORE INTO event_actors(event_id, actor_id, role, position)";
    static const QByteArray eventsMany = valuesSql(eventHead.constData(), kEventCols, kEventRows);
    static const QByteArray eventsOne = valuesSql(eventHead.constData(), kEventCols, 1);
    static const QByteArray linksMany = valuesSql(linkHead.constData(), kLinkCols, kLinkRows);
    static const QByteArray linksOne = valuesSql(linkHead.constData(), kLinkCols, 1);
    Statement& eventMany = prepare(eventsMany.constData());
    Statement& eventOne = prepare(eventsOne.constData());
    Statement& linkMany = prepare(linksMany.constData());
    Statement& linkOne = prepare(linksOne.constData());
    Id nextId = 1;
    {
        auto& maxId = prepare("SELECT coalesce(max(id), 0) + 1 FROM events");
        if (maxId.step())
            nextId = maxId.i64(0);
        maxId.reset();
    }
    auto bindEvent = [](Statement& st, int base, const Event& e, Id id) {
        st.bind(base + 1, qint64(id))
            .bind(base + 2, e.title)
            .bind(base + 3, e.summary)
            .bind(base + 4, e.date.edtf())
            .bind(base + 5, e.displayDate)
            .bind(base + 6, e.date.earliest())
            .bind(base + 7, e.date.latest())
            .bind(base + 8, e.date.nominalStart())
            .bind(base + 9, e.date.nominalEnd())
            .bind(base + 10, qint64(e.date.flags()))
            .bindId(base + 11, e.categoryId)
            .bind(base + 12, e.importance)
            .bind(base + 13, e.location)
            .bind(base + 14, int(e.status))
            .bind(base + 15, e.uid);
    };
    struct Link
    {
        Id event;
        Id actor;
        const QString* role;
        int position;
    };
    std::vector<Link> links;
    auto writeBatch = [&](const std::vector<Event>& batch) {
        std::vector<Id> ids(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const Event& e = batch[i];
            if (!e.date.isValid())
                requireDate(m_path, e.date, QStringLiteral("the event \"%1\"").arg(e.title));
            ids[i] = e.id ? e.id : nextId++;
            if (e.id >= nextId)
                nextId = e.id + 1;
        }
        std::size_t i = 0;
        for (; i + kEventRows <= batch.size(); i += kEventRows) {
            eventMany.rewind();
            for (int r = 0; r < kEventRows; ++r)
                bindEvent(eventMany, r * kEventCols, batch[i + std::size_t(r)], ids[i + std::size_t(r)]);
            eventMany.run();
        }
        for (; i < batch.size(); ++i) {
            eventOne.rewind();
            bindEvent(eventOne, 0, batch[i], ids[i]);
            eventOne.run();
        }
        links.clear();
        for (std::size_t k = 0; k < batch.size(); ++k) {
            int pos = 0;
            for (const Participation& p : batch[k].actors)
                links.push_back({ids[k], p.actorId, &p.role, pos++});
        }
        auto bindLink = [](Statement& st, int base, const Link& l) {
            st.bind(base + 1, qint64(l.event))
                .bind(base + 2, qint64(l.actor))
                .bind(base + 3, *l.role)
                .bind(base + 4, l.position);
        };
        std::size_t j = 0;
        for (; j + kLinkRows <= links.size(); j += kLinkRows) {
            linkMany.rewind();
            for (int r = 0; r < kLinkRows; ++r)
                bindLink(linkMany, r * kLinkCols, links[j + std::size_t(r)]);
            linkMany.run();
        }
        for (; j < links.size(); ++j) {
            linkOne.rewind();
            bindLink(linkOne, 0, links[j]);
            linkOne.run();
        }
    };

    // The producer (generating or parsing events) runs on a second thread, handing over
    // batches, so that it overlaps with SQLite's work on this one.
    constexpr std::size_t kBatch = 2048;
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<std::vector<Event>> ready;
    bool finished = false, stop = false;
    std::exception_ptr producerError;
    std::thread producer([&] {
        try {
            bool more = true;
            while (more) {
                std::vector<Event> batch;
                batch.reserve(kBatch);
                while (batch.size() < kBatch) {
                    Event e;
                    if (!next(e)) {
                        more = false;
                        break;
                    }
                    batch.push_back(std::move(e));
                }
                std::unique_lock lock(mutex);
                cv.wait(lock, [&] { return ready.size() < 8 || stop; });
                if (stop)
                    return;
                ready.push_back(std::move(batch));
                cv.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            producerError = std::current_exception();
        }
        std::lock_guard lock(mutex);
        finished = true;
        cv.notify_all();
    });
    auto stopProducer = qScopeGuard([&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
            cv.notify_all();
        }
        producer.join();
    });

    while (true) {
        std::vector<Event> batch;
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return !ready.empty() || finished; });
            if (ready.empty()) {
                if (producerError)
                    std::rethrow_exception(producerError);
                break;
            }
            batch = std::move(ready.front());
            ready.pop_front();
            cv.notify_all();
        }
        writeBatch(batch);
    }
    timings.rowsMs = timer.restart();
    for (const QByteArray& sql : rebuild)
        exec(sql.constData());
    timings.indexesMs = timer.restart();
    // One pass over the table builds the search index faster than a row at a time.
    exec("INSERT INTO events_fts(events_fts) VALUES ('rebuild')");
    tx.commit();
    timings.searchIndexMs = timer.elapsed();
    return timings;
}

void Store::loadTimeIndex(TimeIndex& index) const
{
    index.clear();
    const StoryCounts c = counts();
    index.reserve(std::size_t(c.events));
    // Rows come in id order, which for most stories is nearly date order; finish() sorts.
    auto& st = prepare("SELECT id, earliest, latest, nominal_start, nominal_end, "
                       "coalesce(category_id, 0), date_flags, status, importance FROM events");
    while (st.step()) {
        TimeIndex::Row r;
        r.id = st.i64(0);
        r.earliest = st.i64(1);
        r.latest = st.i64(2);
        r.nominalStart = st.i64(3);
        r.nominalEnd = st.i64(4);
        r.category = qint32(st.i64(5));
        r.flags = TimeIndex::packFlags(quint32(st.i64(6)), Verification(st.i32(7) & 3), st.i32(8));
        index.append(r);
    }
    st.reset();
    index.finish();
}

// ---------------------------------------------------------------------------------------------
// Actors

namespace {
Actor readActor(auto& st)
{
    Actor a;
    a.id = st.i64(0);
    a.name = st.text(1);
    a.kind = ActorKind(st.i32(2) & 3);
    a.role = st.text(3);
    a.description = st.text(4);
    a.color = colorOf(st.text(5));
    a.pinnedX = st.optF64(6);
    a.pinnedY = st.optF64(7);
    return a;
}
} // namespace

std::optional<Actor> Store::actor(Id id) const
{
    auto& st = prepare("SELECT id, name, kind, role, description, color, pinned_x, pinned_y "
                       "FROM actors WHERE id = ?1");
    st.bind(1, id);
    std::optional<Actor> a;
    if (st.step())
        a = readActor(st);
    st.reset();
    return a;
}

QList<Actor> Store::actors() const
{
    auto& st = prepare("SELECT id, name, kind, role, description, color, pinned_x, pinned_y "
                       "FROM actors ORDER BY id");
    QList<Actor> out;
    while (st.step())
        out << readActor(st);
    st.reset();
    return out;
}

Id Store::insertActor(const Actor& a)
{
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO actors(id, name, kind, role, description, color, pinned_x, "
                       "pinned_y) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(2, a.name)
        .bind(3, int(a.kind))
        .bind(4, a.role)
        .bind(5, a.description)
        .bind(6, colorText(a.color))
        .bind(7, a.pinnedX)
        .bind(8, a.pinnedY);
    const Id id = insertOrThrow(st, a.id);
    reindex(EntityKind::Actor, id, false);
    tx.commit();
    return id;
}

void Store::updateActor(const Actor& a)
{
    Transaction tx(*this);
    reindex(EntityKind::Actor, a.id, true);
    prepare("UPDATE actors SET name = ?2, kind = ?3, role = ?4, description = ?5, color = ?6, "
            "pinned_x = ?7, pinned_y = ?8 WHERE id = ?1")
        .bind(1, a.id)
        .bind(2, a.name)
        .bind(3, int(a.kind))
        .bind(4, a.role)
        .bind(5, a.description)
        .bind(6, colorText(a.color))
        .bind(7, a.pinnedX)
        .bind(8, a.pinnedY)
        .run();
    reindex(EntityKind::Actor, a.id, false);
    tx.commit();
}

void Store::deleteActor(Id id)
{
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE actor_id = ?1 OR "
            "relation_id IN (SELECT id FROM relations WHERE source_id = ?1 OR target_id = ?1)")
        .bind(1, id)
        .run();
    reindex(EntityKind::Actor, id, true);
    prepare("DELETE FROM actors WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Relations

namespace {
Relation readRelation(auto& st)
{
    Relation r;
    r.id = st.i64(0);
    r.sourceId = st.i64(1);
    r.targetId = st.i64(2);
    r.type = st.text(3);
    r.directed = st.i32(4) != 0;
    const QString date = st.text(5);
    if (!date.isEmpty())
        r.valid = PartialDate::fromEdtf(date);
    r.weight = st.f64(6);
    r.status = Verification(st.i32(7) & 3);
    r.description = st.text(8);
    return r;
}
} // namespace

std::optional<Relation> Store::relation(Id id) const
{
    auto& st = prepare("SELECT id, source_id, target_id, type, directed, date, weight, status, "
                       "description FROM relations WHERE id = ?1");
    st.bind(1, id);
    std::optional<Relation> r;
    if (st.step())
        r = readRelation(st);
    st.reset();
    return r;
}

QList<Relation> Store::relations() const
{
    auto& st = prepare("SELECT id, source_id, target_id, type, directed, date, weight, status, "
                       "description FROM relations ORDER BY id");
    QList<Relation> out;
    while (st.step())
        out << readRelation(st);
    st.reset();
    return out;
}

Id Store::insertRelation(const Relation& r)
{
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO relations(id, source_id, target_id, type, directed, date, "
                       "earliest, latest, weight, status, description) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    st.bind(2, r.sourceId).bind(3, r.targetId).bind(4, r.type).bind(5, r.directed ? 1 : 0);
    if (r.valid.isValid())
        st.bind(6, r.valid.edtf()).bind(7, r.valid.earliest()).bind(8, r.valid.latest());
    else
        st.bind(6, QString()).bindNull(7).bindNull(8);
    st.bind(9, r.weight).bind(10, int(r.status)).bind(11, r.description);
    const Id id = insertOrThrow(st, r.id);
    tx.commit();
    return id;
}

void Store::updateRelation(const Relation& r)
{
    Transaction tx(*this);
    auto& st = prepare("UPDATE relations SET source_id = ?2, target_id = ?3, type = ?4, "
                       "directed = ?5, date = ?6, earliest = ?7, latest = ?8, weight = ?9, "
                       "status = ?10, description = ?11 WHERE id = ?1");
    st.bind(1, r.id).bind(2, r.sourceId).bind(3, r.targetId).bind(4, r.type).bind(5, r.directed ? 1 : 0);
    if (r.valid.isValid())
        st.bind(6, r.valid.edtf()).bind(7, r.valid.earliest()).bind(8, r.valid.latest());
    else
        st.bind(6, QString()).bindNull(7).bindNull(8);
    st.bind(9, r.weight).bind(10, int(r.status)).bind(11, r.description).run();
    tx.commit();
}

void Store::deleteRelation(Id id)
{
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE relation_id = ?1")
        .bind(1, id)
        .run();
    prepare("DELETE FROM relations WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Sources and citations

namespace {
Source readSource(auto& st)
{
    Source s;
    s.id = st.i64(0);
    s.title = st.text(1);
    s.publisher = st.text(2);
    s.url = st.text(3);
    s.date = st.text(4);
    s.retrieved = st.text(5);
    s.text = st.text(6);
    return s;
}

Citation readCitation(auto& st)
{
    Citation c;
    c.id = st.i64(0);
    c.sourceId = st.i64(1);
    if (!st.isNull(2))
        c.target = {EntityKind::Event, st.i64(2)};
    else if (!st.isNull(3))
        c.target = {EntityKind::Actor, st.i64(3)};
    else
        c.target = {EntityKind::Relation, st.i64(4)};
    c.quote = st.text(5);
    c.locator = st.text(6);
    return c;
}
} // namespace

std::optional<Source> Store::source(Id id) const
{
    auto& st = prepare("SELECT id, title, publisher, url, date, retrieved, text FROM sources "
                       "WHERE id = ?1");
    st.bind(1, id);
    std::optional<Source> s;
    if (st.step())
        s = readSource(st);
    st.reset();
    return s;
}

QList<Source> Store::sources() const
{
    auto& st = prepare("SELECT id, title, publisher, url, date, retrieved, text FROM sources "
                       "ORDER BY id");
    QList<Source> out;
    while (st.step())
        out << readSource(st);
    st.reset();
    return out;
}

Id Store::insertSource(const Source& s)
{
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO sources(id, title, publisher, url, date, retrieved, text) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(2, s.title).bind(3, s.publisher).bind(4, s.url).bind(5, s.date).bind(6, s.retrieved).bind(7, s.text);
    const Id id = insertOrThrow(st, s.id);
    reindex(EntityKind::Source, id, false);
    tx.commit();
    return id;
}

void Store::updateSource(const Source& s)
{
    Transaction tx(*this);
    reindex(EntityKind::Source, s.id, true);
    prepare("UPDATE sources SET title = ?2, publisher = ?3, url = ?4, date = ?5, retrieved = ?6, "
            "text = ?7 WHERE id = ?1")
        .bind(1, s.id)
        .bind(2, s.title)
        .bind(3, s.publisher)
        .bind(4, s.url)
        .bind(5, s.date)
        .bind(6, s.retrieved)
        .bind(7, s.text)
        .run();
    reindex(EntityKind::Source, s.id, false);
    tx.commit();
}

void Store::deleteSource(Id id)
{
    Transaction tx(*this);
    reindex(EntityKind::Source, id, true);
    prepare("DELETE FROM sources WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

std::optional<Citation> Store::citation(Id id) const
{
    auto& st = prepare("SELECT id, source_id, event_id, actor_id, relation_id, quote, locator "
                       "FROM citations WHERE id = ?1");
    st.bind(1, id);
    std::optional<Citation> c;
    if (st.step())
        c = readCitation(st);
    st.reset();
    return c;
}

QList<Citation> Store::citations() const
{
    auto& st = prepare("SELECT id, source_id, event_id, actor_id, relation_id, quote, locator "
                       "FROM citations ORDER BY id");
    QList<Citation> out;
    while (st.step())
        out << readCitation(st);
    st.reset();
    return out;
}

QList<Citation> Store::citationsOf(EntityRef target) const
{
    Id e, a, r;
    targetColumns(target, e, a, r);
    auto& st = prepare("SELECT id, source_id, event_id, actor_id, relation_id, quote, locator "
                       "FROM citations WHERE event_id = ?1 OR actor_id = ?2 OR relation_id = ?3 "
                       "ORDER BY id");
    st.bindId(1, e).bindId(2, a).bindId(3, r);
    QList<Citation> out;
    while (st.step())
        out << readCitation(st);
    st.reset();
    return out;
}

Id Store::insertCitation(const Citation& c)
{
    Id e, a, r;
    targetColumns(c.target, e, a, r);
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO citations(id, source_id, event_id, actor_id, relation_id, "
                       "quote, locator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(2, c.sourceId).bindId(3, e).bindId(4, a).bindId(5, r).bind(6, c.quote).bind(7, c.locator);
    const Id id = insertOrThrow(st, c.id);
    tx.commit();
    return id;
}

void Store::updateCitation(const Citation& c)
{
    Id e, a, r;
    targetColumns(c.target, e, a, r);
    Transaction tx(*this);
    prepare("UPDATE citations SET source_id = ?2, event_id = ?3, actor_id = ?4, relation_id = ?5, "
            "quote = ?6, locator = ?7 WHERE id = ?1")
        .bind(1, c.id)
        .bind(2, c.sourceId)
        .bindId(3, e)
        .bindId(4, a)
        .bindId(5, r)
        .bind(6, c.quote)
        .bind(7, c.locator)
        .run();
    tx.commit();
}

void Store::deleteCitation(Id id)
{
    Transaction tx(*this);
    prepare("DELETE FROM citations WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Annotations

namespace {
Annotation readAnnotation(auto& st)
{
    Annotation a;
    a.id = st.i64(0);
    if (!st.isNull(1))
        a.target = {EntityKind::Event, st.i64(1)};
    else if (!st.isNull(2))
        a.target = {EntityKind::Actor, st.i64(2)};
    else
        a.target = {EntityKind::Relation, st.i64(3)};
    a.parentId = st.i64(4);
    a.author = st.text(5);
    a.body = st.text(6);
    a.created = st.text(7);
    a.resolved = st.i32(8) != 0;
    return a;
}
} // namespace

std::optional<Annotation> Store::annotation(Id id) const
{
    auto& st = prepare("SELECT id, event_id, actor_id, relation_id, parent_id, author, body, "
                       "created, resolved FROM annotations WHERE id = ?1");
    st.bind(1, id);
    std::optional<Annotation> a;
    if (st.step())
        a = readAnnotation(st);
    st.reset();
    return a;
}

QList<Annotation> Store::annotations() const
{
    auto& st = prepare("SELECT id, event_id, actor_id, relation_id, parent_id, author, body, "
                       "created, resolved FROM annotations ORDER BY id");
    QList<Annotation> out;
    while (st.step())
        out << readAnnotation(st);
    st.reset();
    return out;
}

QList<Annotation> Store::annotationsOf(EntityRef target) const
{
    Id e, a, r;
    targetColumns(target, e, a, r);
    auto& st = prepare("SELECT id, event_id, actor_id, relation_id, parent_id, author, body, "
                       "created, resolved FROM annotations WHERE event_id = ?1 OR actor_id = ?2 "
                       "OR relation_id = ?3 ORDER BY id");
    st.bindId(1, e).bindId(2, a).bindId(3, r);
    QList<Annotation> out;
    while (st.step())
        out << readAnnotation(st);
    st.reset();
    return out;
}

Id Store::insertAnnotation(const Annotation& an)
{
    Id e, a, r;
    targetColumns(an.target, e, a, r);
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO annotations(id, event_id, actor_id, relation_id, parent_id, "
                       "author, body, created, resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    st.bindId(2, e)
        .bindId(3, a)
        .bindId(4, r)
        .bindId(5, an.parentId)
        .bind(6, an.author)
        .bind(7, an.body)
        .bind(8, an.created.isEmpty() ? nowIso() : an.created)
        .bind(9, an.resolved ? 1 : 0);
    const Id id = insertOrThrow(st, an.id);
    reindex(EntityKind::Annotation, id, false);
    tx.commit();
    return id;
}

void Store::updateAnnotation(const Annotation& an)
{
    Id e, a, r;
    targetColumns(an.target, e, a, r);
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE id = ?1")
        .bind(1, an.id)
        .run();
    prepare("UPDATE annotations SET event_id = ?2, actor_id = ?3, relation_id = ?4, parent_id = ?5, "
            "author = ?6, body = ?7, created = ?8, resolved = ?9 WHERE id = ?1")
        .bind(1, an.id)
        .bindId(2, e)
        .bindId(3, a)
        .bindId(4, r)
        .bindId(5, an.parentId)
        .bind(6, an.author)
        .bind(7, an.body)
        .bind(8, an.created)
        .bind(9, an.resolved ? 1 : 0)
        .run();
    reindex(EntityKind::Annotation, an.id, false);
    tx.commit();
}

void Store::deleteAnnotation(Id id)
{
    Transaction tx(*this);
    reindex(EntityKind::Annotation, id, true);
    prepare("DELETE FROM annotations WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Categories, eras, scenes, audit log

QList<Category> Store::categories() const
{
    auto& st = prepare("SELECT id, name, color, position FROM categories ORDER BY position, id");
    QList<Category> out;
    while (st.step())
        out << Category{st.i64(0), st.text(1), colorOf(st.text(2)), st.i32(3)};
    st.reset();
    return out;
}

Id Store::insertCategory(const Category& c)
{
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO categories(id, name, color, position) VALUES (?1, ?2, ?3, ?4)");
    st.bind(2, c.name).bind(3, colorText(c.color)).bind(4, c.position);
    const Id id = insertOrThrow(st, c.id);
    tx.commit();
    return id;
}

void Store::updateCategory(const Category& c)
{
    Transaction tx(*this);
    prepare("UPDATE categories SET name = ?2, color = ?3, position = ?4 WHERE id = ?1")
        .bind(1, c.id)
        .bind(2, c.name)
        .bind(3, colorText(c.color))
        .bind(4, c.position)
        .run();
    tx.commit();
}

void Store::deleteCategory(Id id)
{
    Transaction tx(*this);
    prepare("DELETE FROM categories WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

QList<Era> Store::eras() const
{
    auto& st = prepare("SELECT id, title, date, color FROM eras ORDER BY earliest, id");
    QList<Era> out;
    while (st.step())
        out << Era{st.i64(0), st.text(1), PartialDate::fromEdtf(st.text(2)), colorOf(st.text(3))};
    st.reset();
    return out;
}

Id Store::insertEra(const Era& e)
{
    requireDate(m_path, e.date, QStringLiteral("the era \"%1\"").arg(e.title));
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO eras(id, title, date, earliest, latest, color) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(2, e.title)
        .bind(3, e.date.edtf())
        .bind(4, e.date.earliest())
        .bind(5, e.date.latest())
        .bind(6, colorText(e.color));
    const Id id = insertOrThrow(st, e.id);
    tx.commit();
    return id;
}

void Store::deleteEra(Id id)
{
    Transaction tx(*this);
    prepare("DELETE FROM eras WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

QList<Scene> Store::scenes() const
{
    auto& st = prepare("SELECT id, name, position, caption, state FROM scenes ORDER BY position, id");
    QList<Scene> out;
    while (st.step())
        out << Scene{st.i64(0), st.text(1), st.i32(2), st.text(3), st.text(4)};
    st.reset();
    return out;
}

Id Store::insertScene(const Scene& s)
{
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO scenes(id, name, position, caption, state) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)");
    st.bind(2, s.name).bind(3, s.position).bind(4, s.caption).bind(5, s.state);
    const Id id = insertOrThrow(st, s.id);
    tx.commit();
    return id;
}

void Store::updateScene(const Scene& s)
{
    Transaction tx(*this);
    prepare("UPDATE scenes SET name = ?2, position = ?3, caption = ?4, state = ?5 WHERE id = ?1")
        .bind(1, s.id)
        .bind(2, s.name)
        .bind(3, s.position)
        .bind(4, s.caption)
        .bind(5, s.state)
        .run();
    tx.commit();
}

void Store::deleteScene(Id id)
{
    Transaction tx(*this);
    prepare("DELETE FROM scenes WHERE id = ?1").bind(1, id).run();
    tx.commit();
}

Id Store::logChange(const ChangeRecord& c)
{
    Transaction tx(*this);
    auto& st = prepare("INSERT INTO changes(id, at, author, action, entity, entity_id, before, "
                       "after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(2, c.at.isEmpty() ? nowIso() : c.at)
        .bind(3, c.author)
        .bind(4, c.action)
        .bind(5, entityKindName(c.target.kind))
        .bind(6, c.target.id)
        .bind(7, c.before)
        .bind(8, c.after);
    const Id id = insertOrThrow(st, c.id);
    tx.commit();
    return id;
}

QList<ChangeRecord> Store::changes(std::optional<EntityRef> target) const
{
    auto& st = target ? prepare("SELECT id, at, author, action, entity, entity_id, before, after "
                                "FROM changes WHERE entity = ?1 AND entity_id = ?2 ORDER BY id")
                      : prepare("SELECT id, at, author, action, entity, entity_id, before, after "
                                "FROM changes ORDER BY id");
    if (target)
        st.bind(1, entityKindName(target->kind)).bind(2, target->id);
    QList<ChangeRecord> out;
    while (st.step()) {
        ChangeRecord c;
        c.id = st.i64(0);
        c.at = st.text(1);
        c.author = st.text(2);
        c.action = st.text(3);
        c.target = {entityKindFromName(st.text(4)).value_or(EntityKind::Event), st.i64(5)};
        c.before = st.text(6);
        c.after = st.text(7);
        out << c;
    }
    st.reset();
    return out;
}

qint64 Store::dataVersion() const
{
    auto& st = prepare("PRAGMA data_version");
    const qint64 v = st.step() ? st.i64(0) : 0;
    st.reset();
    return v;
}

// ---------------------------------------------------------------------------------------------
// Copies

void Store::saveCopy(const QString& targetPath) const
{
    if (QFileInfo::exists(targetPath))
        throw StoreError(QStringLiteral("%1: a file of that name already exists; choose another "
                                        "name")
                             .arg(targetPath));
    auto& st = prepare("VACUUM INTO ?1");
    st.bind(1, targetPath);
    try {
        st.run();
    } catch (const StoreError&) {
        QFile::remove(targetPath);
        throw StoreError(QStringLiteral("%1: could not write the copy: %2")
                             .arg(targetPath, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
}

} // namespace chronomap
