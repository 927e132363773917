// PgStore: events, their participations and tags, and the bulk load through COPY.
#include "pgattributes.h"
#include "pgstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>

namespace chronomap {

namespace {

void requireDate(const QString& path, const Event& e)
{
    if (!e.date.isValid())
        throw StoreError(QCoreApplication::translate("chronomap::Store", "%1: %2 has no valid date")
                             .arg(path, QCoreApplication::translate("chronomap::Store",
                                                                    "the event \"%1\"")
                                            .arg(e.title)));
}

// An event's search vector as the bulk load sends it, so that the server only reads it
// instead of parsing each event's text (a quarter of a million-event load's server time,
// while the client's core is idle). The lexemes are the words searchWords() makes of a query,
// letters, digits and marks, lower-cased as the server's text search lower-cases them
// (`foldAll`: every letter, or ASCII only in a database of C character type), so every word a
// search can ask for is found. Without positions, which only ranking reads.
QString searchVector(const Event& e, bool foldAll)
{
    // An event has a few dozen words: a linear look-up beats hashing each one.
    QVarLengthArray<QString, 32> seen;
    QString vector;
    vector.reserve(e.title.size() + e.summary.size() + e.location.size() +
                   e.displayDate.size() + 64);
    QString word;
    auto flush = [&] {
        // The server's limit for one lexeme is 2 KiB of UTF-8; no search asks for such a word.
        if (!word.isEmpty() && word.size() < 500 &&
            std::find(seen.cbegin(), seen.cend(), word) == seen.cend()) {
            seen.append(word);
            if (!vector.isEmpty())
                vector += QLatin1Char(' ');
            vector += QLatin1Char('\'');
            vector += word;
            vector += QLatin1Char('\'');
        }
        word.clear();
    };
    for (const QString* text : {&e.title, &e.summary, &e.location, &e.displayDate}) {
        for (QChar c : *text) {
            if (c.isLetterOrNumber() || c.isMark())
                word += foldAll || c.unicode() < 128 ? c.toLower() : c;
            else
                flush();
        }
        flush();
    }
    return vector;
}

} // namespace

void PgStore::fillEventLinks(Event& e) const
{
    const PgResult a = exec("SELECT actor_id, role FROM event_actors WHERE story_id = $1 AND "
                            "event_id = $2 ORDER BY position",
                            {story(), qint64(e.id)});
    for (int i = 0; i < a.rows(); ++i)
        e.actors << Participation{a.i64(i, 0), a.text(i, 1)};
    const PgResult t = exec("SELECT t.name FROM event_tags et JOIN tags t ON t.story_id = "
                            "et.story_id AND t.id = et.tag_id WHERE et.story_id = $1 AND "
                            "et.event_id = $2 ORDER BY et.position",
                            {story(), qint64(e.id)});
    for (int i = 0; i < t.rows(); ++i)
        e.tags << t.text(i, 0);
}

void PgStore::writeEventLinks(const Event& e, bool replace)
{
    if (replace) {
        exec("DELETE FROM event_actors WHERE story_id = $1 AND event_id = $2",
             {story(), qint64(e.id)});
        exec("DELETE FROM event_tags WHERE story_id = $1 AND event_id = $2",
             {story(), qint64(e.id)});
    }
    int pos = 0;
    for (const Participation& p : e.actors)
        exec("INSERT INTO event_actors(story_id, event_id, actor_id, role, position) "
             "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (story_id, event_id, actor_id) "
             "DO UPDATE SET role = excluded.role",
             {story(), qint64(e.id), qint64(p.actorId), p.role, qint64(pos++)});
    pos = 0;
    for (const QString& tag : e.tags) {
        PgResult t = exec("SELECT id FROM tags WHERE story_id = $1 AND name = $2", {story(), tag});
        if (!t.rows()) {
            const Id id = allocateId("tags", 0);
            exec("INSERT INTO tags(story_id, id, name) VALUES ($1, $2, $3) "
                 "ON CONFLICT (story_id, name) DO NOTHING",
                 {story(), qint64(id), tag});
        }
        exec("INSERT INTO event_tags(story_id, event_id, tag_id, position) "
             "SELECT $1, $2, id, $4 FROM tags WHERE story_id = $1 AND name = $3 "
             "ON CONFLICT DO NOTHING",
             {story(), qint64(e.id), tag, qint64(pos++)});
    }
}

std::optional<Event> PgStore::event(Id id) const
{
    std::optional<Event> e = rowById<Event>(id);
    if (e)
        fillEventLinks(*e);
    return e;
}

QList<Event> PgStore::events() const
{
    QList<Event> out = rowsWhere<Event>("true", {});
    // Participations and tags of all events in two scans, not two queries per event.
    QHash<Id, qsizetype> at;
    for (qsizetype i = 0; i < out.size(); ++i)
        at.insert(out[i].id, i);
    const PgResult a = exec("SELECT event_id, actor_id, role FROM event_actors WHERE story_id = "
                            "$1 ORDER BY event_id, position",
                            {story()});
    for (int i = 0; i < a.rows(); ++i)
        if (const auto it = at.constFind(a.i64(i, 0)); it != at.constEnd())
            out[*it].actors << Participation{a.i64(i, 1), a.text(i, 2)};
    const PgResult t = exec("SELECT et.event_id, t.name FROM event_tags et JOIN tags t ON "
                            "t.story_id = et.story_id AND t.id = et.tag_id WHERE et.story_id = $1 "
                            "ORDER BY et.event_id, et.position",
                            {story()});
    for (int i = 0; i < t.rows(); ++i)
        if (const auto it = at.constFind(t.i64(i, 0)); it != at.constEnd())
            out[*it].tags << t.text(i, 1);
    return out;
}

QList<Event> PgStore::eventsOfActor(Id actorId) const
{
    QList<Event> out = rowsWhere<Event>(
        "id IN (SELECT event_id FROM event_actors WHERE story_id = $1 AND actor_id = $2)",
        {qint64(actorId)});
    for (Event& e : out)
        fillEventLinks(e);
    return out;
}

QString PgStore::eventTitle(Id id) const
{
    const PgResult r =
        exec("SELECT title FROM events WHERE story_id = $1 AND id = $2", {story(), qint64(id)});
    return r.rows() ? r.text(0, 0) : QString();
}

std::vector<std::pair<Id, Id>> PgStore::participations() const
{
    const PgResult r =
        exec("SELECT event_id, actor_id FROM event_actors WHERE story_id = $1", {story()});
    std::vector<std::pair<Id, Id>> out;
    out.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.i64(i, 0), r.i64(i, 1));
    return out;
}

QList<Id> PgStore::eventIdsOfActor(Id actorId) const
{
    const PgResult r = exec("SELECT event_id FROM event_actors WHERE story_id = $1 AND "
                            "actor_id = $2",
                            {story(), qint64(actorId)});
    QList<Id> out;
    for (int i = 0; i < r.rows(); ++i)
        out << r.i64(i, 0);
    return out;
}

Id PgStore::insertEvent(const Event& e)
{
    requireDate(path(), e);
    Transaction tx(*this);
    Event stored = e;
    stored.id = insertRow(e);
    writeEventLinks(stored, false);
    tx.commit();
    return stored.id;
}

void PgStore::updateEvent(const Event& e)
{
    requireDate(path(), e);
    Transaction tx(*this);
    updateRow(e);
    writeEventLinks(e, true);
    tx.commit();
}

void PgStore::deleteEvent(Id id)
{
    Transaction tx(*this);
    deleteRow("events", id);
    tx.commit();
}

void PgStore::deleteEvents(const QList<Id>& ids)
{
    // A few, as an edit deletes them; many (the undo of a large import) in one statement, so
    // the cascade to participations and tags and the index upkeep run once, not per event.
    if (ids.size() < 64) {
        Store::deleteEvents(ids);
        return;
    }
    Transaction tx(*this);
    QStringList idList;
    QStringList versions;
    idList.reserve(ids.size());
    versions.reserve(ids.size());
    for (Id id : ids) {
        idList << QString::number(id);
        const std::optional<qint64> seen = seenVersion("events", id);
        versions << (seen ? QString::number(*seen) : QStringLiteral("NULL"));
    }
    const QString idArray = u'{' + idList.join(u',') + u'}';
    exec("DELETE FROM events e USING unnest($2::bigint[], $3::bigint[]) AS d(id, version) "
         "WHERE e.story_id = $1 AND e.id = d.id AND (d.version IS NULL OR e.version = d.version)",
         {story(), idArray, u'{' + versions.join(u',') + u'}'});
    // What is left was changed by someone else since this window read it: refused as a single
    // delete is, and the transaction rolls back with it.
    const PgResult left =
        exec("SELECT id FROM events WHERE story_id = $1 AND id = ANY($2::bigint[]) LIMIT 1",
             {story(), idArray});
    if (left.rows()) {
        const Id id = left.i64(0, 0);
        refuseChange("events", id, seenVersion("events", id).value_or(-1));
    }
    for (Id id : ids)
        notify("event", id, "delete");
    tx.commit();
}

Store::BulkTimings PgStore::bulkInsertEvents(const std::function<bool(Event&)>& next)
{
    BulkTimings timings;
    QElapsedTimer timer;
    timer.start();
    Transaction tx(*this);
    // The events' ids continue after the largest, under the story_ids lock.
    exec("INSERT INTO story_ids(story_id, tbl, next_id) VALUES ($1, 'events', 1) "
         "ON CONFLICT DO NOTHING",
         {story()});
    Id nextId = exec("SELECT greatest((SELECT next_id FROM story_ids WHERE story_id = $1 AND "
                     "tbl = 'events' FOR UPDATE), (SELECT coalesce(max(id), 0) + 1 FROM events "
                     "WHERE story_id = $1))",
                     {story()})
                    .i64(0, 0);
    timings.firstId = nextId;

    const tables::Table<Event>& t = tables::table<Event>();
    struct Link
    {
        Id event;
        Id actor;
        QString role;
        int position;
    };
    std::vector<Link> links;
    std::vector<std::pair<Id, QString>> tagged; // (event, tag), in order
    // Whether the server's text search lower-cases letters beyond ASCII (not in a database of
    // C character type): the search vectors sent must fold case as its queries do.
    const bool foldAll = exec("SELECT to_tsvector('simple', chr(196))::text = "
                              "to_tsvector('simple', chr(228))::text",
                              {})
                             .text(0, 0) == QLatin1String("t");
    m_conn->copyBegin("COPY events(story_id, " + tables::columnList(t) +
                      ", attributes, search) FROM STDIN");
    std::vector<tables::Value> row;
    row.reserve(t.columns.size() + 1);
    try {
        Event e;
        while (true) {
            e = Event();
            if (!next(e))
                break;
            requireDate(path(), e);
            const Id id = e.id ? e.id : nextId++;
            if (e.id >= nextId)
                nextId = e.id + 1;
            row.clear();
            row.push_back(story());
            for (const tables::Column<Event>& c : t.columns)
                row.push_back(c.get(e));
            row[1] = qint64(id);
            row.push_back(pgattributes::encode(e.attributes));
            row.push_back(searchVector(e, foldAll));
            m_conn->copyRow(row);
            QSet<Id> seenActors;
            int pos = 0;
            for (const Participation& p : e.actors)
                if (!seenActors.contains(p.actorId)) {
                    seenActors.insert(p.actorId);
                    links.push_back({id, p.actorId, p.role, pos++});
                }
            for (const QString& tag : e.tags)
                tagged.emplace_back(id, tag);
        }
        m_conn->copyEnd();
    } catch (...) {
        try {
            m_conn->copyEnd();
        } catch (...) {
        }
        throw;
    }
    if (!links.empty()) {
        m_conn->copyBegin(
            "COPY event_actors(story_id, event_id, actor_id, role, position) FROM STDIN");
        for (const Link& l : links) {
            const tables::Value v[] = {story(), qint64(l.event), qint64(l.actor), l.role,
                                       qint64(l.position)};
            m_conn->copyRow(v);
        }
        m_conn->copyEnd();
    }
    if (!tagged.empty()) {
        QHash<QString, Id> tagIds;
        const PgResult known = exec("SELECT name, id FROM tags WHERE story_id = $1", {story()});
        for (int i = 0; i < known.rows(); ++i)
            tagIds.insert(known.text(i, 0), known.i64(i, 1));
        QStringList fresh;
        for (const auto& [event, tag] : tagged)
            if (!tagIds.contains(tag)) {
                tagIds.insert(tag, 0);
                fresh << tag;
            }
        for (const QString& tag : std::as_const(fresh)) {
            const Id id = allocateId("tags", 0);
            exec("INSERT INTO tags(story_id, id, name) VALUES ($1, $2, $3)",
                 {story(), qint64(id), tag});
            tagIds.insert(tag, id);
        }
        m_conn->copyBegin("COPY event_tags(story_id, event_id, tag_id, position) FROM STDIN");
        QSet<std::pair<Id, Id>> done;
        Id last = 0;
        int pos = 0;
        for (const auto& [event, tag] : tagged) {
            if (event != last) {
                last = event;
                pos = 0;
            }
            const Id tagId = tagIds.value(tag);
            if (done.contains({event, tagId}))
                continue;
            done.insert({event, tagId});
            const tables::Value v[] = {story(), qint64(event), qint64(tagId), qint64(pos++)};
            m_conn->copyRow(v);
        }
        m_conn->copyEnd();
    }
    exec("UPDATE story_ids SET next_id = greatest(next_id, $2) WHERE story_id = $1 AND "
         "tbl = 'events'",
         {story(), qint64(nextId)});
    notify("*", 0, "reload");
    timings.rowsMs = timer.restart();
    tx.commit();
    timings.searchIndexMs = timer.elapsed(); // the index is kept as rows arrive; this is commit
    return timings;
}

} // namespace chronomap
