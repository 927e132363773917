// SqliteStore: events, their participations and tags, the bulk load and the time index.
#include "sqlitestatement.h"

#include "query/timeindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace chronomap {

// ---------------------------------------------------------------------------------------------
// Events

Id SqliteStore::insertOrThrow(Statement& st, Id id)
{
    if (id)
        st.bind(1, qint64(id));
    else
        st.bindNull(1);
    st.run();
    return sqlite3_last_insert_rowid(m_db);
}

void SqliteStore::fillEventLinks(Event& e) const
{
    auto& a =
        prepare("SELECT actor_id, role FROM event_actors WHERE event_id = ?1 ORDER BY position");
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

std::optional<Event> SqliteStore::event(Id id) const
{
    std::optional<Event> e = rowById<Event>(id);
    if (e) {
        fillEventLinks(*e);
        QList<Event> one{*e};
        readExtras(one);
        e = one.first();
    }
    return e;
}

QList<Event> SqliteStore::events() const
{
    QList<Event> out = allRows<Event>();
    for (Event& e : out)
        fillEventLinks(e);
    readExtras(out);
    return out;
}

QList<Event> SqliteStore::eventsOfActor(Id actorId) const
{
    static const QByteArray sql = sqlitesql::select<Event>(
        "WHERE id IN (SELECT event_id FROM event_actors WHERE actor_id = ?1) "
        "ORDER BY earliest, latest, id");
    auto& st = prepare(sql.constData());
    st.bind(1, actorId);
    QList<Event> out;
    while (st.step())
        out << readRow(st, tables::table<Event>());
    st.reset();
    for (Event& e : out)
        fillEventLinks(e);
    return out;
}

std::vector<std::pair<Id, Id>> SqliteStore::participations() const
{
    auto& st = prepare("SELECT event_id, actor_id FROM event_actors");
    std::vector<std::pair<Id, Id>> out;
    while (st.step())
        out.emplace_back(st.i64(0), st.i64(1));
    st.reset();
    return out;
}

QList<Id> SqliteStore::eventIdsOfActor(Id actorId) const
{
    auto& st = prepare("SELECT event_id FROM event_actors WHERE actor_id = ?1");
    st.bind(1, actorId);
    QList<Id> out;
    while (st.step())
        out << st.i64(0);
    st.reset();
    return out;
}

QString SqliteStore::eventTitle(Id id) const
{
    auto& st = prepare("SELECT title FROM events WHERE id = ?1");
    st.bind(1, id);
    const QString t = st.step() ? st.text(0) : QString();
    st.reset();
    return t;
}

void SqliteStore::writeEventLinks(const Event& e, bool replace)
{
    if (replace) {
        prepare("DELETE FROM event_actors WHERE event_id = ?1").bind(1, e.id).run();
        prepare("DELETE FROM event_tags WHERE event_id = ?1").bind(1, e.id).run();
    }
    int pos = 0;
    for (const Participation& p : e.actors)
        prepare(
            "INSERT INTO event_actors(event_id, actor_id, role, position) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT DO UPDATE SET role = excluded.role")
            .bind(1, e.id)
            .bind(2, p.actorId)
            .bind(3, p.role)
            .bind(4, pos++)
            .run();
    writeEventTags(e.id, e.tags);
}

void SqliteStore::writeEventTags(Id eventId, const QStringList& tags)
{
    int pos = 0;
    for (const QString& tag : tags) {
        prepare("INSERT INTO tags(name) VALUES (?1) ON CONFLICT(name) DO NOTHING")
            .bind(1, tag)
            .run();
        prepare("INSERT INTO event_tags(event_id, tag_id, position) "
                "SELECT ?1, id, ?3 FROM tags WHERE name = ?2 ON CONFLICT DO NOTHING")
            .bind(1, eventId)
            .bind(2, tag)
            .bind(3, pos++)
            .run();
    }
}

Id SqliteStore::insertEvent(const Event& e)
{
    requireDate(path(), e.date,
                QCoreApplication::translate("chronomap::Store", "the event \"%1\"").arg(e.title));
    Transaction tx(*this);
    Event stored = e;
    stored.id = insertRow(e);
    writeEventLinks(stored, false);
    writeExtras(stored);
    reindex(EntityKind::Event, stored.id, false);
    tx.commit();
    return stored.id;
}

void SqliteStore::updateEvent(const Event& e)
{
    requireDate(path(), e.date,
                QCoreApplication::translate("chronomap::Store", "the event \"%1\"").arg(e.title));
    Transaction tx(*this);
    reindex(EntityKind::Event, e.id, true);
    updateRow(e);
    writeEventLinks(e, true);
    writeExtras(e);
    reindex(EntityKind::Event, e.id, false);
    tx.commit();
}

void SqliteStore::deleteEvent(Id id)
{
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE event_id = ?1")
        .bind(1, id)
        .run();
    reindex(EntityKind::Event, id, true);
    deleteRow("events", id);
    tx.commit();
}

void SqliteStore::deleteEvents(const QList<Id>& ids)
{
    // A few go one by one; many as sets through a temporary table of their ids. Each row's
    // removal from the search index costs more than the row itself: when they are a fair
    // share of the story, the index is rebuilt once from what is left instead.
    constexpr qsizetype kSetWise = 512;
    if (ids.size() < kSetWise) {
        Store::deleteEvents(ids);
        return;
    }
    Transaction tx(*this);
    exec("CREATE TEMP TABLE IF NOT EXISTS doomed_events(id INTEGER PRIMARY KEY)");
    exec("DELETE FROM temp.doomed_events");
    for (Id id : ids)
        prepare("INSERT OR IGNORE INTO temp.doomed_events(id) VALUES (?1)")
            .bind(1, qint64(id))
            .run();
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations "
            "WHERE event_id IN (SELECT id FROM temp.doomed_events)")
        .run();
    const bool rebuild = ids.size() * 4 >= counts().events;
    if (!rebuild)
        prepare("INSERT INTO events_fts(events_fts, rowid, title, summary, location, "
                "display_date) SELECT 'delete', id, title, summary, location, display_date "
                "FROM events WHERE id IN (SELECT id FROM temp.doomed_events)")
            .run();
    exec("DELETE FROM events WHERE id IN (SELECT id FROM temp.doomed_events)");
    if (rebuild)
        exec("INSERT INTO events_fts(events_fts) VALUES ('rebuild')");
    exec("DELETE FROM temp.doomed_events");
    tx.commit();
}

void SqliteStore::beginBulkLoad()
{
    if (!m_created || transactionDepth() != 0)
        return;
    // A rollback journal instead of the WAL: the load's pages are written once, into the
    // file, rather than into the WAL with a checksum each and copied again at close. The
    // journal holds only the few pages the new story had (pages past its end need none), and
    // a writer killed midway still leaves the empty story, rolled back. (journal_mode = OFF,
    // meant here before, is refused by SQLITE_DBCONFIG_DEFENSIVE, silently: the load ran in
    // WAL mode.)
    exec("PRAGMA journal_mode = DELETE");
    exec("PRAGMA synchronous = OFF");
    // The writer of a bulk load (generate, import) checks references itself; SQLite checking
    // each of a million rows again doubles the time.
    exec("PRAGMA foreign_keys = OFF");
    exec("PRAGMA cache_size = -524288"); // 512 MB at most, freed at endBulkLoad
    // Not MEMORY: with temporary storage in memory, SQLite's sorter never writes sorted runs
    // and builds each index as one list sorted in memory, three times slower (see
    // bulkInsertEvents). Temporary files hold only those runs.
    exec("PRAGMA temp_store = FILE");
    exec("PRAGMA threads = 2"); // the sorter that builds indexes may use the second core
}

void SqliteStore::endBulkLoad()
{
    if (!m_created || transactionDepth() != 0)
        return;
    exec("PRAGMA cache_size = -8192");
    exec("PRAGMA foreign_keys = ON");
    // Back to WAL before FULL, as the load's end was before (its COMMIT wrote the WAL without
    // a sync and the close copied it over unsynced): the switch then does not sync the whole
    // new file either, which costs 0.15-0.3 s for a million events on this kind of machine.
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
}

Store::BulkTimings SqliteStore::bulkInsertEvents(const std::function<bool(Event&)>& next)
{
    BulkTimings timings;
    QElapsedTimer timer;
    timer.start();
    Transaction tx(*this);
    // Into a story with events, every index takes rows at random places: a page cache large
    // enough for the transaction's pages keeps SQLite from spilling and re-reading them.
    qint64 cacheSize = 0;
    {
        auto& st = prepare("PRAGMA cache_size");
        if (st.step())
            cacheSize = st.i64(0);
        st.reset();
    }
    constexpr qint64 kBulkCacheKiB = 256 * 1024; // freed again below
    const bool growCache = cacheSize > -kBulkCacheKiB && cacheSize < 32768;
    if (growCache)
        exec(QStringLiteral("PRAGMA cache_size = %1").arg(-kBulkCacheKiB).toUtf8().constData());
    auto restoreCache = qScopeGuard([&] {
        if (growCache)
            sqlite3_exec(
                m_db, QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize).toUtf8().constData(),
                nullptr, nullptr, nullptr);
    });
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
    const tables::Table<Event>& eventTable = tables::table<Event>();
    const int kEventCols = int(eventTable.columns.size());
    constexpr int kEventRows = 16, kLinkCols = 4, kLinkRows = 32;
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
        "INSERT INTO events(" + tables::columnList(tables::table<Event>()) + ')';
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
    // The batches' texts are bound without a copy: no statement keeps them past the load.
    auto unbind = qScopeGuard([&] {
        for (Statement* st : {&eventMany, &eventOne, &linkMany, &linkOne})
            st->reset();
    });
    Id nextId = 1;
    {
        auto& maxId = prepare("SELECT coalesce(max(id), 0) + 1 FROM events");
        if (maxId.step())
            nextId = maxId.i64(0);
        maxId.reset();
    }
    timings.firstId = nextId;

    // A batch of events as SQLite binds them, made on the producer's thread: each row's
    // column values, their texts already UTF-8 in one buffer, and the participations. This
    // thread, which SQLite's work keeps busy, then only binds and steps; the events
    // themselves are freed over there too. Events with tags or attributes come whole.
    struct Cell
    {
        quint8 kind = 0; // as tables::Value's index: null, integer, real, text
        qint64 integer = 0;
        double real = 0;
        qsizetype at = 0, size = 0; // of the text in Batch::text
    };
    struct Link
    {
        Id event;
        Id actor;
        Cell role;
        int position;
    };
    struct Batch
    {
        std::vector<Id> ids;
        std::vector<Cell> cells; // kEventCols per event
        std::vector<Link> links;
        QByteArray text;
        std::vector<std::pair<Id, Event>> extras;
    };
    auto textCell = [](Batch& b, const QString& s) {
        Cell c;
        c.kind = 3;
        c.at = b.text.size();
        b.text += s.toUtf8();
        c.size = b.text.size() - c.at;
        return c;
    };
    auto prepareEvent = [&](Batch& b, Event& e) {
        if (!e.date.isValid())
            requireDate(
                path(), e.date,
                QCoreApplication::translate("chronomap::Store", "the event \"%1\"").arg(e.title));
        const Id id = e.id ? e.id : nextId++;
        if (e.id >= nextId)
            nextId = e.id + 1;
        b.ids.push_back(id);
        for (const tables::Column<Event>& column : eventTable.columns) {
            const tables::Value v = column.get(e);
            if (const auto* text = std::get_if<QString>(&v)) {
                b.cells.push_back(textCell(b, *text));
                continue;
            }
            Cell c;
            c.kind = quint8(v.index());
            c.integer = tables::toInt(v);
            c.real = tables::toReal(v);
            b.cells.push_back(c);
        }
        Cell& idCell = b.cells[b.cells.size() - std::size_t(kEventCols)];
        idCell = Cell{1, qint64(id), 0, 0, 0};
        int position = 0;
        for (const Participation& p : e.actors)
            b.links.push_back({id, p.actorId, textCell(b, p.role), position++});
        if (!e.tags.isEmpty() || !e.attributes.isEmpty())
            b.extras.emplace_back(id, std::move(e));
    };
    auto bindCell = [](Statement& st, int i, const Batch& b, const Cell& c) {
        switch (c.kind) {
        case 1:
            st.bind(i, c.integer);
            break;
        case 2:
            st.bind(i, c.real);
            break;
        case 3:
            st.bindUnowned(i, QByteArrayView(b.text.constData() + c.at, c.size));
            break;
        default:
            st.bindNull(i);
        }
    };
    auto writeBatch = [&](const Batch& b) {
        const std::size_t rows = b.ids.size();
        auto bindEvent = [&](Statement& st, int base, std::size_t row) {
            const Cell* cells = b.cells.data() + row * std::size_t(kEventCols);
            for (int c = 0; c < kEventCols; ++c)
                bindCell(st, base + c + 1, b, cells[c]);
        };
        std::size_t i = 0;
        for (; i + kEventRows <= rows; i += kEventRows) {
            eventMany.rewind();
            for (int r = 0; r < kEventRows; ++r)
                bindEvent(eventMany, r * kEventCols, i + std::size_t(r));
            eventMany.run();
        }
        for (; i < rows; ++i) {
            eventOne.rewind();
            bindEvent(eventOne, 0, i);
            eventOne.run();
        }
        // Story format 2: typed attributes (a copied or imported story's), beside the rows.
        for (const auto& [id, e] : b.extras)
            if (!e.attributes.isEmpty())
                writeAttributes(EntityKind::Event, id, e.attributes);
        auto bindLink = [&](Statement& st, int base, const Link& l) {
            st.bind(base + 1, qint64(l.event)).bind(base + 2, qint64(l.actor));
            bindCell(st, base + 3, b, l.role);
            st.bind(base + 4, l.position);
        };
        std::size_t j = 0;
        for (; j + kLinkRows <= b.links.size(); j += kLinkRows) {
            linkMany.rewind();
            for (int r = 0; r < kLinkRows; ++r)
                bindLink(linkMany, r * kLinkCols, b.links[j + std::size_t(r)]);
            linkMany.run();
        }
        for (; j < b.links.size(); ++j) {
            linkOne.rewind();
            bindLink(linkOne, 0, b.links[j]);
            linkOne.run();
        }
        for (const auto& [id, e] : b.extras)
            if (!e.tags.isEmpty())
                writeEventTags(id, e.tags);
    };

    // The producer (generating or parsing events) runs on a second thread, handing over
    // batches, so that it overlaps with SQLite's work on this one.
    constexpr std::size_t kBatch = 2048;
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<Batch> ready;
    bool finished = false, stop = false;
    std::exception_ptr producerError;
    std::thread producer([&] {
        try {
            bool more = true;
            while (more) {
                Batch batch;
                batch.ids.reserve(kBatch);
                batch.cells.reserve(kBatch * std::size_t(kEventCols));
                batch.links.reserve(kBatch * 2);
                batch.text.reserve(qsizetype(kBatch) * 64);
                while (batch.ids.size() < kBatch) {
                    Event e;
                    if (!next(e)) {
                        more = false;
                        break;
                    }
                    prepareEvent(batch, e);
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
        Batch batch;
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
    if (!rebuild.isEmpty()) {
        // SQLite's sorter sorts runs as large as the page cache, then merges them. One run of
        // a million entries (a 512 MB cache holds them all) is a linked-list merge sort that
        // misses the CPU cache at every step: 1.5 s for event_actors_by_actor. Runs of 2 MB
        // (its smallest) sort within the CPU cache and the merge streams: 0.4 s. While the
        // cache is that small, SQLite writes the transaction's older pages out early, which
        // the commit would have done anyway.
        const QByteArray cacheBack = QStringLiteral("PRAGMA cache_size = %1")
                                         .arg(growCache ? -kBulkCacheKiB : cacheSize)
                                         .toUtf8();
        auto growBack = qScopeGuard(
            [&] { sqlite3_exec(m_db, cacheBack.constData(), nullptr, nullptr, nullptr); });
        exec("PRAGMA cache_size = -2048");
        for (const QByteArray& sql : rebuild)
            exec(sql.constData());
    }
    timings.indexesMs = timer.restart();
    // One pass over the table builds the search index faster than a row at a time. FTS5
    // writes its pending terms out as a new segment whenever they reach its 'hashsize' (1 MB
    // by default) and merges segments as they pile up: a million titles make dozens of
    // segments and merges, a fifth of the rebuild. With 32 MB they make one or two; the
    // default comes back for the edits that follow (the setting is stored in the story).
    exec("INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', 33554432)");
    exec("INSERT INTO events_fts(events_fts) VALUES ('rebuild')");
    exec("INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', 1048576)");
    tx.commit();
    timings.searchIndexMs = timer.elapsed();
    return timings;
}

void SqliteStore::loadTimeIndex(TimeIndex& index) const
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

} // namespace chronomap
