#include "pgstore.h"

#include "files/filesafety.h"

#include "pgschema.h"
#include "store/storecopy.h"

#include "query/timeindex.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

namespace chronomap {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chronomap::PgStore", text);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Opening

std::unique_ptr<PgStore> PgStore::openUrl(const QString& url, Mode mode)
{
    const PgLocator where = PgLocator::parse(url);
    std::unique_ptr<PgConnection> conn = PgConnection::connect(where);
    std::unique_ptr<PgStore> store(
        new PgStore(where, std::move(conn), mode == Mode::ReadOnly));
    store->prepareSchema(mode);
    store->openStory(mode);
    return store;
}

PgStore::PgStore(const PgLocator& where, std::unique_ptr<PgConnection> conn, bool readOnly)
    : Store(where.display, readOnly), m_where(where), m_conn(std::move(conn))
{}

PgStore::~PgStore() = default;

void PgStore::prepareSchema(Mode mode)
{
    // Only our schema and the catalog are searched: a table planted in public is never ours.
    exec("SELECT set_config('search_path', 'chronomap, pg_catalog', false)", {});
    exec("SET client_min_messages = warning", {});
    // This client notifies the story's channel itself, collapsing an import into one
    // "reload"; the schema's triggers notify for every other client (psql) instead.
    exec("SELECT set_config('chronomap.quiet', 'on', false)", {});
    const bool exists =
        exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'chronomap'", {}).i64(0, 0) > 0;
    int version = 0;
    if (exists) {
        const PgResult r = exec("SELECT version FROM chronomap.schema_version", {});
        version = r.rows() ? int(r.i64(0, 0)) : 0;
    } else if (mode != Mode::Create) {
        throw StoreError(tr("%1: this database holds no Chronomap stories; create one with "
                            "\"chronomap new\" first")
                             .arg(path()));
    }
    if (version > pgschema::latestVersion())
        throw StoreError(tr("%1: the stories in this database were written by a newer "
                            "Chronomap (schema %2, this program reads up to %3); update "
                            "Chronomap to open them")
                             .arg(path())
                             .arg(version)
                             .arg(pgschema::latestVersion()));
    if (version < pgschema::latestVersion()) {
        if (isReadOnly())
            throw StoreError(tr("%1: the stories in this database are in an older format and "
                                "cannot be opened read-only; open one for editing once to "
                                "update them")
                                 .arg(path()));
        for (const pgschema::Migration& m : pgschema::migrations()) {
            if (m.to <= version)
                continue;
            Transaction tx(*this);
            // One migrator at a time, across every client of this database.
            exec("SELECT pg_advisory_xact_lock(43686970)", {});
            const bool now = exec("SELECT count(*) FROM pg_namespace WHERE nspname = "
                                  "'chronomap'",
                                  {})
                                 .i64(0, 0) > 0;
            const int current =
                now ? int(exec("SELECT version FROM chronomap.schema_version", {}).i64(0, 0))
                    : 0;
            if (current < m.to) {
                exec(m.sql, {});
                exec("UPDATE chronomap.schema_version SET version = $1", {qint64(m.to)});
            }
            tx.commit();
            version = m.to;
        }
        exec("SELECT set_config('search_path', 'chronomap, pg_catalog', false)", {});
    }
    m_schemaVersion = version;
    if (isReadOnly())
        exec("SET default_transaction_read_only = on", {});
}

void PgStore::openStory(Mode mode)
{
    const PgResult r = exec("SELECT id FROM stories WHERE name = $1", {m_where.story});
    if (mode == Mode::Create) {
        if (r.rows())
            throw StoreError(tr("%1: a story of that name already exists in this database; "
                                "choose another name")
                                 .arg(path()));
        Transaction tx(*this);
        m_story = exec("INSERT INTO stories(name) VALUES ($1) RETURNING id", {m_where.story})
                      .i64(0, 0);
        setMeta(QStringLiteral("created"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        tx.commit();
    } else {
        if (!r.rows())
            throw StoreError(tr("%1: no story of that name in this database").arg(path()));
        m_story = r.i64(0, 0);
    }
    exec(QByteArray("LISTEN " + channel().toUtf8()).constData(), {});
    // A connection's first search loads the text search configuration and the catalog entries
    // of four tables and their indexes, tens of milliseconds; paid here, while the story opens,
    // the user's first search is as fast as the next. Only a warm-up: should it fail, the
    // story still opens, and a real search says what went wrong.
    if (mode != Mode::Create) {
        try {
            search(QStringLiteral("chronomap"), 1);
        } catch (const StoreError&) {
        }
    }
}

QString PgStore::channel() const
{
    return QStringLiteral("chronomap_story_%1").arg(m_story);
}

int PgStore::socket() const
{
    return m_conn->socket();
}

void PgStore::dropStory(const QString& url)
{
    auto store = openUrl(url, Mode::ReadWrite);
    Transaction tx(*store);
    store->exec("DELETE FROM stories WHERE id = $1", {store->story()});
    tx.commit();
}

QString PgStore::databaseUser() const
{
    return exec("SELECT current_user", {}).text(0, 0);
}

int PgStore::schemaVersion() const
{
    return m_schemaVersion;
}

void PgStore::execForTest(const char* sql)
{
    exec(sql, {});
}

void PgStore::grantRole(const QString& user, const QString& role)
{
    QString wanted;
    for (const char* r : pgschema::kRoles)
        if (QLatin1String(r) == QLatin1String("chronomap_") + role)
            wanted = QLatin1String(r);
    if (wanted.isEmpty())
        throw StoreError(tr("%1: unknown role \"%2\"; the roles are viewer, reporter, editor "
                            "and standards")
                             .arg(path(), role));
    // Role and user names are identifiers: quoted by the server, never spliced as text.
    const QString quotedUser = exec("SELECT quote_ident($1)", {user}).text(0, 0);
    if (!exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {user}).rows())
        throw StoreError(tr("%1: there is no database user \"%2\"; create it first (createuser "
                            "%2)")
                             .arg(path(), user));
    Transaction tx(*this);
    // Revoking a role the user does not hold only warns: not worth saying to the admin.
    exec("SET LOCAL client_min_messages = error", {});
    for (const char* r : pgschema::kRoles)
        exec(QStringLiteral("REVOKE %1 FROM %2").arg(QLatin1String(r), quotedUser).toUtf8().constData(),
             {});
    exec(QStringLiteral("GRANT %1 TO %2").arg(wanted, quotedUser).toUtf8().constData(), {});
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Transactions and notifications

void PgStore::beginWrite()
{
    exec("BEGIN", {});
    m_seenInTransaction.clear();
    m_pendingNotes.clear();
}

void PgStore::commitWrite()
{
    if (!m_pendingNotes.isEmpty()) {
        m_pendingNotes.removeDuplicates();
        // One notification per entry; too many (an import) become one "reload everything".
        if (m_pendingNotes.size() > 200)
            m_pendingNotes = {QStringLiteral("* 0")};
        exec("SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n",
             {channel(), u'{' + m_pendingNotes.join(u',') + u'}'});
    }
    exec("COMMIT", {});
    for (auto it = m_seenInTransaction.cbegin(); it != m_seenInTransaction.cend(); ++it)
        m_seen.insert(it.key(), it.value());
    m_seenInTransaction.clear();
    m_pendingNotes.clear();
    ++m_dataVersion;
}

void PgStore::rollbackWrite() noexcept
{
    try {
        exec("ROLLBACK", {});
    } catch (...) { // the connection is gone: the server rolled back
    }
    m_seenInTransaction.clear();
    m_pendingNotes.clear();
}

void PgStore::notify(const char* kind, Id id, const char* action)
{
    m_pendingNotes << QStringLiteral("%1 %2 %3")
                          .arg(QLatin1String(kind))
                          .arg(id)
                          .arg(QLatin1String(action));
}

QList<std::pair<QString, Id>> PgStore::takeOutsideChanges()
{
    for (const QByteArray& note : m_conn->takeNotifications()) {
        const QList<QByteArray> parts = note.split(' ');
        if (parts.size() >= 2)
            m_outside.append({QString::fromLatin1(parts[0]), parts[1].toLongLong()});
    }
    // The versions we read stay as they were: a write over a row someone else changed is
    // refused until the window reads it again.
    QList<std::pair<QString, Id>> out;
    out.swap(m_outside);
    if (!out.isEmpty())
        ++m_dataVersion;
    return out;
}

qint64 PgStore::dataVersion() const
{
    // Peeks at notifications without taking them: the window asks takeOutsideChanges().
    auto* self = const_cast<PgStore*>(this);
    for (const QByteArray& note : self->m_conn->takeNotifications()) {
        const QList<QByteArray> parts = note.split(' ');
        if (parts.size() >= 2)
            self->m_outside.append({QString::fromLatin1(parts[0]), parts[1].toLongLong()});
    }
    return m_dataVersion + m_outside.size();
}

// ---------------------------------------------------------------------------------------------
// Meta, counts, time index, search

QString PgStore::meta(const QString& key) const
{
    const PgResult r =
        exec("SELECT value FROM meta WHERE story_id = $1 AND key = $2", {story(), key});
    return r.rows() ? r.text(0, 0) : QString();
}

void PgStore::setMeta(const QString& key, const QString& value)
{
    Transaction tx(*this);
    exec("INSERT INTO meta(story_id, key, value) VALUES ($1, $2, $3) "
         "ON CONFLICT (story_id, key) DO UPDATE SET value = excluded.value",
         {story(), key, value});
    notify("meta", 0, "update");
    tx.commit();
}

QList<std::pair<QString, QString>> PgStore::metaEntries() const
{
    // Sorted as the file sorts them: by the bytes of the key.
    const PgResult r = exec(
        "SELECT key, value FROM meta WHERE story_id = $1 ORDER BY key COLLATE \"C\"", {story()});
    QList<std::pair<QString, QString>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({r.text(i, 0), r.text(i, 1)});
    return out;
}

StoryCounts PgStore::counts() const
{
    const PgResult r = exec(
        "SELECT (SELECT count(*) FROM events WHERE story_id = $1), "
        "(SELECT count(*) FROM actors WHERE story_id = $1), "
        "(SELECT count(*) FROM relations WHERE story_id = $1), "
        "(SELECT count(*) FROM sources WHERE story_id = $1), "
        "(SELECT count(*) FROM citations WHERE story_id = $1), "
        "(SELECT count(*) FROM annotations WHERE story_id = $1), "
        "(SELECT count(*) FROM categories WHERE story_id = $1), "
        "(SELECT count(*) FROM tags WHERE story_id = $1), "
        "(SELECT count(*) FROM eras WHERE story_id = $1), "
        "(SELECT count(*) FROM scenes WHERE story_id = $1), "
        "(SELECT count(*) FROM changes WHERE story_id = $1)",
        {story()});
    StoryCounts c;
    c.events = r.i64(0, 0);
    c.actors = r.i64(0, 1);
    c.relations = r.i64(0, 2);
    c.sources = r.i64(0, 3);
    c.citations = r.i64(0, 4);
    c.annotations = r.i64(0, 5);
    c.categories = r.i64(0, 6);
    c.tags = r.i64(0, 7);
    c.eras = r.i64(0, 8);
    c.scenes = r.i64(0, 9);
    c.changes = r.i64(0, 10);
    return c;
}

std::optional<std::pair<qint64, qint64>> PgStore::dateRange() const
{
    const PgResult r =
        exec("SELECT min(earliest), max(latest) FROM events WHERE story_id = $1", {story()});
    if (!r.rows() || r.isNull(0, 0))
        return std::nullopt;
    return std::pair{r.i64(0, 0), r.i64(0, 1)};
}

void PgStore::loadTimeIndex(TimeIndex& index) const
{
    index.clear();
    const PgResult r = exec("SELECT id, earliest, latest, nominal_start, nominal_end, "
                            "coalesce(category_id, 0), date_flags, status, importance "
                            "FROM events WHERE story_id = $1",
                            {story()});
    index.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        TimeIndex::Row row;
        row.id = r.i64(i, 0);
        row.earliest = r.i64(i, 1);
        row.latest = r.i64(i, 2);
        row.nominalStart = r.i64(i, 3);
        row.nominalEnd = r.i64(i, 4);
        row.category = qint32(r.i64(i, 5));
        row.flags = TimeIndex::packFlags(quint32(r.i64(i, 6)), Verification(r.i64(i, 7) & 3),
                                         int(r.i64(i, 8)));
        index.append(row);
    }
    index.finish();
}

namespace {
// The user's words as a tsquery: words hold only letters, digits and marks, so none of them is
// tsquery syntax; the last also matches as a prefix, as in the file. Empty when there is no
// word to look for.
QString tsQuery(const QString& userText)
{
    QStringList words = searchWords(userText);
    if (words.isEmpty())
        return {};
    words.last() += QStringLiteral(":*");
    return words.join(QStringLiteral(" & "));
}
} // namespace

qint64 PgStore::searchCount(const QString& userText) const
{
    const QString query = tsQuery(userText);
    if (query.isEmpty())
        return 0;
    const PgResult r = exec(
        "SELECT (SELECT count(*) FROM events WHERE story_id = $1 AND search @@ q) "
        "+ (SELECT count(*) FROM actors WHERE story_id = $1 AND search @@ q) "
        "+ (SELECT count(*) FROM sources WHERE story_id = $1 AND search @@ q) "
        "+ (SELECT count(*) FROM annotations WHERE story_id = $1 AND search @@ q) "
        "FROM to_tsquery('simple', $2) q",
        {story(), query});
    return r.rows() > 0 ? r.i64(0, 0) : 0;
}

QList<SearchHit> PgStore::search(const QString& userText, int limit) const
{
    const QString query = tsQuery(userText);
    if (query.isEmpty())
        return {};
    QList<SearchHit> hits;
    auto run = [&](const char* sql, EntityKind kind) {
        const PgResult r = exec(sql, {story(), query, qint64(limit)});
        for (int i = 0; i < r.rows(); ++i)
            hits << SearchHit{{kind, r.i64(i, 0)}, r.text(i, 1), r.text(i, 2), -r.f64(i, 3)};
    };
    run("SELECT id, title, ts_headline('simple', title || ' ' || summary || ' ' || location || ' "
        "' || display_date, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=3'), "
        "ts_rank(search, q) FROM events, to_tsquery('simple', $2) q "
        "WHERE story_id = $1 AND search @@ q LIMIT $3",
        EntityKind::Event);
    run("SELECT id, name, ts_headline('simple', name || ' ' || role || ' ' || description, q, "
        "'StartSel=[, StopSel=], MaxWords=12, MinWords=3'), ts_rank(search, q) "
        "FROM actors, to_tsquery('simple', $2) q WHERE story_id = $1 AND search @@ q LIMIT $3",
        EntityKind::Actor);
    run("SELECT id, title, ts_headline('simple', title || ' ' || publisher || ' ' || text, q, "
        "'StartSel=[, StopSel=], MaxWords=12, MinWords=3'), ts_rank(search, q) "
        "FROM sources, to_tsquery('simple', $2) q WHERE story_id = $1 AND search @@ q LIMIT $3",
        EntityKind::Source);
    run("SELECT id, author, ts_headline('simple', author || ' ' || body, q, "
        "'StartSel=[, StopSel=], MaxWords=12, MinWords=3'), ts_rank(search, q) "
        "FROM annotations, to_tsquery('simple', $2) q WHERE story_id = $1 AND search @@ q "
        "LIMIT $3",
        EntityKind::Annotation);
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

void PgStore::saveCopy(const QString& targetPath, bool replace) const
{
    if (!replace && QFileInfo::exists(targetPath))
        throw StoreError(QCoreApplication::translate(
                             "chronomap::Store",
                             "%1: a file of that name already exists; choose another name")
                             .arg(targetPath));
    if (replace) {
        // Only a closed story of ours is replaced, and only once the copy is whole.
        checkWriteTarget(targetPath, QString(), FileKind::Story);
        const QString temporary = temporaryBeside(targetPath);
        try {
            copyStoryTo(*this, temporary);
            renameInto(temporary, targetPath, true);
        } catch (...) {
            removeCreatedStory(temporary);
            throw;
        }
        return;
    }
    copyStoryTo(*this, targetPath);
}

void PgStore::scanEventDates(const EventDateRow& row) const
{
    const PgResult r =
        exec("SELECT id, date, earliest, latest FROM events WHERE story_id = $1 ORDER BY id",
             {story()});
    for (int i = 0; i < r.rows(); ++i) {
        const auto key = [&](int col) -> std::optional<qint64> {
            if (r.isNull(i, col))
                return std::nullopt;
            return r.i64(i, col);
        };
        row(r.i64(i, 0), r.text(i, 1), key(2), key(3));
    }
}

} // namespace chronomap
