// PgStore: every entity through its table description (store/tables.cpp), row versions and
// the refusal of a stale write.
#include "pgattributes.h"
#include "pgstore.h"

#include <QCoreApplication>
#include <QDateTime>

namespace chronomap {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chronomap::PgStore", text);
}

QByteArray seenKey(const char* table, Id id)
{
    return QByteArray(table) + ' ' + QByteArray::number(id);
}

// The word for an entry of a table, for messages.
QString entryWord(const char* table)
{
    const QByteArray t(table);
    if (t == "events")
        return tr("event");
    if (t == "actors")
        return tr("actor");
    if (t == "relations")
        return tr("relation");
    if (t == "sources")
        return tr("source");
    if (t == "citations")
        return tr("citation");
    if (t == "annotations")
        return tr("note");
    return tr("entry");
}

// The notification's kind word for a table ("events" -> "event").
const char* kindOf(const char* table)
{
    const QByteArray t(table);
    if (t == "events")
        return "event";
    if (t == "actors")
        return "actor";
    if (t == "relations")
        return "relation";
    if (t == "sources")
        return "source";
    if (t == "citations")
        return "citation";
    if (t == "annotations")
        return "annotation";
    if (t == "categories")
        return "category";
    if (t == "eras")
        return "era";
    if (t == "scenes")
        return "scene";
    return "other";
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

void requireDate(const QString& path, const PartialDate& d, const QString& what)
{
    if (!d.isValid())
        throw StoreError(QCoreApplication::translate("chronomap::Store", "%1: %2 has no valid date")
                             .arg(path, what));
}

// Story format 2 (issue 14): the columns read after a row's version and written after its row,
// for the three entities that carry typed attributes (and an actor's kind_known).
template <class T>
const char* extraColumns(const T*)
{
    return "";
}
const char* extraColumns(const Actor*)
{
    return ", kind_known, attributes";
}
const char* extraColumns(const Relation*)
{
    return ", attributes";
}
const char* extraColumns(const Event*)
{
    return ", attributes";
}

template <class T>
void readExtras(T&, const PgResult&, int, int)
{
}
void readExtras(Actor& a, const PgResult& r, int row, int col)
{
    a.kindKnown = r.i64(row, col) != 0;
    a.attributes = pgattributes::decode(r.text(row, col + 1));
}
void readExtras(Relation& x, const PgResult& r, int row, int col)
{
    x.attributes = pgattributes::decode(r.text(row, col));
}
void readExtras(Event& x, const PgResult& r, int row, int col)
{
    x.attributes = pgattributes::decode(r.text(row, col));
}

template <class T>
const char* extraUpdate(const T*)
{
    return nullptr;
}
const char* extraUpdate(const Actor*)
{
    return "UPDATE actors SET kind_known = $3, attributes = $4 WHERE story_id = $1 AND id = $2";
}
const char* extraUpdate(const Relation*)
{
    return "UPDATE relations SET attributes = $3 WHERE story_id = $1 AND id = $2";
}
const char* extraUpdate(const Event*)
{
    return "UPDATE events SET attributes = $3 WHERE story_id = $1 AND id = $2";
}

template <class T>
void extraValues(const T&, std::vector<tables::Value>&)
{
}
void extraValues(const Actor& a, std::vector<tables::Value>& out)
{
    out.push_back(qint64(a.kindKnown ? 1 : 0));
    out.push_back(pgattributes::encode(a.attributes));
}
void extraValues(const Relation& x, std::vector<tables::Value>& out)
{
    out.push_back(pgattributes::encode(x.attributes));
}
void extraValues(const Event& x, std::vector<tables::Value>& out)
{
    out.push_back(pgattributes::encode(x.attributes));
}

} // namespace

template <class T>
void PgStore::writeRowExtras(const T& x, Id id)
{
    const char* sql = extraUpdate(static_cast<const T*>(nullptr));
    if (!sql)
        return;
    std::vector<tables::Value> params{story(), qint64(id)};
    extraValues(x, params);
    exec(sql, std::span<const tables::Value>(params));
}

// ---------------------------------------------------------------------------------------------
// Versions seen

void PgStore::remember(const char* table, Id id, qint64 version) const
{
    if (transactionDepth() > 0)
        m_seenInTransaction.insert(seenKey(table, id), version);
    else
        m_seen.insert(seenKey(table, id), version);
}

std::optional<qint64> PgStore::seenVersion(const char* table, Id id) const
{
    const QByteArray key = seenKey(table, id);
    auto it = m_seenInTransaction.constFind(key);
    if (it != m_seenInTransaction.constEnd())
        return *it;
    it = m_seen.constFind(key);
    if (it != m_seen.constEnd())
        return *it;
    return std::nullopt;
}

void PgStore::refuseChange(const char* table, Id id, qint64 seen) const
{
    const QByteArray sql = QByteArray("SELECT version, changed_by, to_char(changed_at AT TIME "
                                      "ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM ") +
                           table + " WHERE story_id = $1 AND id = $2";
    const PgResult r = exec(sql.constData(), {story(), qint64(id)});
    if (!r.rows())
        throw StoreError(tr("%1: this %2 was deleted by someone else; nothing was saved")
                             .arg(path(), entryWord(table)));
    // Never read (seen -1): no version of ours to be stale, so the server's rules refused.
    if (seen >= 0 && r.i64(0, 0) != seen)
        throw StoreError(tr("%1: this %2 was changed by %3 at %4 UTC since you read it; your "
                            "change was not saved. Reload it to see theirs")
                             .arg(path(), entryWord(table), r.text(0, 1), r.text(0, 2)));
    throw StoreError(tr("%1: your role on this story does not allow changing this %2 as it "
                        "stands (its status)")
                         .arg(path(), entryWord(table)));
}

// ---------------------------------------------------------------------------------------------
// Generic rows

Id PgStore::allocateId(const char* table, Id wanted)
{
    // Per story and table, under the story_ids row's lock until the transaction ends.
    if (wanted) {
        const QByteArray sql =
            QByteArray("INSERT INTO story_ids AS s (story_id, tbl, next_id) VALUES ($1, $2, "
                       "greatest($3::bigint + 1, (SELECT coalesce(max(id), 0) + 1 FROM ") +
            table +
            " WHERE story_id = $1))) ON CONFLICT (story_id, tbl) DO UPDATE SET next_id = "
            "greatest(s.next_id, excluded.next_id)";
        exec(sql.constData(), {story(), QString::fromLatin1(table), qint64(wanted)});
        return wanted;
    }
    const QByteArray sql =
        QByteArray("INSERT INTO story_ids AS s (story_id, tbl, next_id) VALUES ($1, $2, "
                   "(SELECT coalesce(max(id), 0) + 2 FROM ") +
        table +
        " WHERE story_id = $1)) ON CONFLICT (story_id, tbl) DO UPDATE SET next_id = s.next_id + "
        "1 RETURNING next_id - 1";
    return exec(sql.constData(), {story(), QString::fromLatin1(table)}).i64(0, 0);
}

template <class T>
T PgStore::readRow(const PgResult& r, int row) const
{
    const tables::Table<T>& t = tables::table<T>();
    T x{};
    int col = 0;
    for (const tables::Column<T>& c : t.columns) {
        if (c.set)
            c.set(x, r.value(row, col));
        ++col;
    }
    remember(t.name, x.id, r.i64(row, col));
    readExtras(x, r, row, col + 1);
    return x;
}

template <class T>
std::optional<T> PgStore::rowById(Id id) const
{
    const tables::Table<T>& t = tables::table<T>();
    static const QByteArray sql = "SELECT " + tables::columnList(t) + ", version" +
                                  extraColumns(static_cast<const T*>(nullptr)) + " FROM " +
                                  t.name + " WHERE story_id = $1 AND id = $2";
    const PgResult r = exec(sql.constData(), {story(), qint64(id)});
    if (!r.rows())
        return std::nullopt;
    return readRow<T>(r, 0);
}

template <class T>
QList<T> PgStore::rowsWhere(const char* where, std::initializer_list<tables::Value> params) const
{
    const tables::Table<T>& t = tables::table<T>();
    const QByteArray sql = "SELECT " + tables::columnList(t) + ", version" +
                           extraColumns(static_cast<const T*>(nullptr)) + " FROM " + t.name +
                           " WHERE story_id = $1 AND (" + where + ") ORDER BY " + t.orderBy;
    std::vector<tables::Value> all{story()};
    all.insert(all.end(), params.begin(), params.end());
    const PgResult r = exec(sql.constData(), std::span<const tables::Value>(all));
    QList<T> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        out << readRow<T>(r, i);
    return out;
}

template <class T>
Id PgStore::insertRow(const T& x)
{
    const tables::Table<T>& t = tables::table<T>();
    static const QByteArray sql = [&t]() -> QByteArray {
        QByteArray s = QByteArray("INSERT INTO ") + t.name + "(story_id, " +
                       tables::columnList(t) + ") VALUES ($1";
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            s += ", $" + QByteArray::number(qsizetype(i) + 2);
        return s + ')';
    }();
    const Id id = allocateId(t.name, x.id);
    std::vector<tables::Value> params{story()};
    for (const tables::Column<T>& c : t.columns)
        params.push_back(c.get(x));
    params[1] = qint64(id);
    exec(sql.constData(), std::span<const tables::Value>(params));
    writeRowExtras(x, id);
    remember(t.name, id, 1);
    notify(kindOf(t.name), id, "insert");
    return id;
}

template <class T>
void PgStore::updateRow(const T& x)
{
    const tables::Table<T>& t = tables::table<T>();
    const int n = int(t.columns.size());
    static const QByteArray sql = [&t, n]() -> QByteArray {
        QByteArray s = QByteArray("UPDATE ") + t.name + " SET ";
        for (int i = 1; i < n; ++i)
            s += QByteArray(t.columns[std::size_t(i)].name) + " = $" + QByteArray::number(i + 2) +
                 ", ";
        return s + "version = version + 1, changed_by = current_user, changed_at = now() "
                   "WHERE story_id = $1 AND id = $2 AND ($" +
               QByteArray::number(n + 2) + "::bigint IS NULL OR version = $" +
               QByteArray::number(n + 2) + ") RETURNING version";
    }();
    const std::optional<qint64> seen = seenVersion(t.name, x.id);
    std::vector<tables::Value> params{story()};
    for (const tables::Column<T>& c : t.columns)
        params.push_back(c.get(x));
    params.push_back(seen ? tables::Value(*seen) : tables::Value());
    const PgResult r = exec(sql.constData(), std::span<const tables::Value>(params));
    if (!r.rows())
        refuseChange(t.name, x.id, seen.value_or(-1));
    writeRowExtras(x, x.id);
    remember(t.name, x.id, r.i64(0, 0));
    notify(kindOf(t.name), x.id, "update");
}

void PgStore::deleteRow(const char* table, Id id)
{
    const QByteArray sql = QByteArray("DELETE FROM ") + table +
                           " WHERE story_id = $1 AND id = $2 AND ($3::bigint IS NULL OR "
                           "version = $3)";
    const std::optional<qint64> seen = seenVersion(table, id);
    const PgResult r = exec(sql.constData(), {story(), qint64(id),
                                              seen ? tables::Value(*seen) : tables::Value()});
    if (r.affected() == 0) {
        const QByteArray exists =
            QByteArray("SELECT 1 FROM ") + table + " WHERE story_id = $1 AND id = $2";
        if (exec(exists.constData(), {story(), qint64(id)}).rows())
            refuseChange(table, id, seen.value_or(-1));
    }
    notify(kindOf(table), id, "delete");
}

// ---------------------------------------------------------------------------------------------
// Actors, relations, sources, citations, annotations

std::optional<Actor> PgStore::actor(Id id) const
{
    return rowById<Actor>(id);
}

QList<Actor> PgStore::actors() const
{
    return rowsWhere<Actor>("true", {});
}

Id PgStore::insertActor(const Actor& a)
{
    Transaction tx(*this);
    const Id id = insertRow(a);
    tx.commit();
    return id;
}

void PgStore::updateActor(const Actor& a)
{
    Transaction tx(*this);
    updateRow(a);
    tx.commit();
}

void PgStore::deleteActor(Id id)
{
    Transaction tx(*this);
    deleteRow("actors", id);
    tx.commit();
}

std::optional<Relation> PgStore::relation(Id id) const
{
    return rowById<Relation>(id);
}

QList<Relation> PgStore::relations() const
{
    return rowsWhere<Relation>("true", {});
}

Id PgStore::insertRelation(const Relation& r)
{
    Transaction tx(*this);
    const Id id = insertRow(r);
    tx.commit();
    return id;
}

void PgStore::updateRelation(const Relation& r)
{
    Transaction tx(*this);
    updateRow(r);
    tx.commit();
}

void PgStore::deleteRelation(Id id)
{
    Transaction tx(*this);
    deleteRow("relations", id);
    tx.commit();
}

std::optional<Source> PgStore::source(Id id) const
{
    return rowById<Source>(id);
}

QList<Source> PgStore::sources() const
{
    return rowsWhere<Source>("true", {});
}

Id PgStore::insertSource(const Source& s)
{
    Transaction tx(*this);
    const Id id = insertRow(s);
    tx.commit();
    return id;
}

void PgStore::updateSource(const Source& s)
{
    Transaction tx(*this);
    updateRow(s);
    tx.commit();
}

void PgStore::deleteSource(Id id)
{
    Transaction tx(*this);
    deleteRow("sources", id);
    tx.commit();
}

std::optional<Citation> PgStore::citation(Id id) const
{
    return rowById<Citation>(id);
}

QList<Citation> PgStore::citations() const
{
    return rowsWhere<Citation>("true", {});
}

QList<Citation> PgStore::citationsOf(EntityRef target) const
{
    const char* column = target.kind == EntityKind::Event   ? "event_id = $2"
                         : target.kind == EntityKind::Actor ? "actor_id = $2"
                         : target.kind == EntityKind::Relation ? "relation_id = $2"
                                                                : "false AND $2::bigint = 0";
    return rowsWhere<Citation>(column, {qint64(target.id)});
}

Id PgStore::insertCitation(const Citation& c)
{
    Transaction tx(*this);
    const Id id = insertRow(c);
    tx.commit();
    return id;
}

void PgStore::updateCitation(const Citation& c)
{
    Transaction tx(*this);
    updateRow(c);
    tx.commit();
}

void PgStore::deleteCitation(Id id)
{
    Transaction tx(*this);
    deleteRow("citations", id);
    tx.commit();
}

std::optional<Annotation> PgStore::annotation(Id id) const
{
    return rowById<Annotation>(id);
}

QList<Annotation> PgStore::annotations() const
{
    return rowsWhere<Annotation>("true", {});
}

QList<Annotation> PgStore::annotationsOf(EntityRef target) const
{
    const char* column = target.kind == EntityKind::Event   ? "event_id = $2"
                         : target.kind == EntityKind::Actor ? "actor_id = $2"
                         : target.kind == EntityKind::Relation ? "relation_id = $2"
                                                                : "false AND $2::bigint = 0";
    return rowsWhere<Annotation>(column, {qint64(target.id)});
}

Id PgStore::insertAnnotation(const Annotation& a)
{
    Annotation stored = a;
    if (stored.created.isEmpty())
        stored.created = nowIso();
    Transaction tx(*this);
    const Id id = insertRow(stored);
    tx.commit();
    return id;
}

void PgStore::updateAnnotation(const Annotation& a)
{
    Transaction tx(*this);
    updateRow(a);
    tx.commit();
}

void PgStore::deleteAnnotation(Id id)
{
    Transaction tx(*this);
    deleteRow("annotations", id);
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Categories, eras, scenes, audit log

QList<Category> PgStore::categories() const
{
    return rowsWhere<Category>("true", {});
}

Id PgStore::insertCategory(const Category& c)
{
    Transaction tx(*this);
    const Id id = insertRow(c);
    tx.commit();
    return id;
}

void PgStore::updateCategory(const Category& c)
{
    Transaction tx(*this);
    updateRow(c);
    tx.commit();
}

void PgStore::deleteCategory(Id id)
{
    Transaction tx(*this);
    deleteRow("categories", id);
    tx.commit();
}

QList<Era> PgStore::eras() const
{
    return rowsWhere<Era>("true", {});
}

Id PgStore::insertEra(const Era& e)
{
    requireDate(path(), e.date,
                QCoreApplication::translate("chronomap::Store", "the era \"%1\"").arg(e.title));
    Transaction tx(*this);
    const Id id = insertRow(e);
    tx.commit();
    return id;
}

void PgStore::deleteEra(Id id)
{
    Transaction tx(*this);
    deleteRow("eras", id);
    tx.commit();
}

QList<Scene> PgStore::scenes() const
{
    return rowsWhere<Scene>("true", {});
}

Id PgStore::insertScene(const Scene& s)
{
    Transaction tx(*this);
    const Id id = insertRow(s);
    tx.commit();
    return id;
}

void PgStore::updateScene(const Scene& s)
{
    Transaction tx(*this);
    updateRow(s);
    tx.commit();
}

void PgStore::deleteScene(Id id)
{
    Transaction tx(*this);
    deleteRow("scenes", id);
    tx.commit();
}

Id PgStore::logChange(const ChangeRecord& c)
{
    // The changes table has no version column: written once, never updated.
    ChangeRecord stored = c;
    if (stored.at.isEmpty())
        stored.at = nowIso();
    const tables::Table<ChangeRecord>& t = tables::table<ChangeRecord>();
    static const QByteArray sql = [&t]() -> QByteArray {
        QByteArray s = "INSERT INTO changes(story_id, " + tables::columnList(t) + ") VALUES ($1";
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            s += ", $" + QByteArray::number(qsizetype(i) + 2);
        return s + ')';
    }();
    Transaction tx(*this);
    const Id id = allocateId("changes", stored.id);
    std::vector<tables::Value> params{story()};
    for (const tables::Column<ChangeRecord>& col : t.columns)
        params.push_back(col.get(stored));
    params[1] = qint64(id);
    exec(sql.constData(), std::span<const tables::Value>(params));
    tx.commit();
    return id;
}

QList<ChangeRecord> PgStore::changes(std::optional<EntityRef> target) const
{
    const tables::Table<ChangeRecord>& t = tables::table<ChangeRecord>();
    QByteArray sql = "SELECT " + tables::columnList(t) + " FROM changes WHERE story_id = $1";
    std::vector<tables::Value> params{story()};
    if (target) {
        sql += " AND entity = $2 AND entity_id = $3";
        params.push_back(entityKindName(target->kind));
        params.push_back(qint64(target->id));
    }
    sql += " ORDER BY id";
    const PgResult r = exec(sql.constData(), std::span<const tables::Value>(params));
    QList<ChangeRecord> out;
    for (int i = 0; i < r.rows(); ++i) {
        ChangeRecord c;
        int col = 0;
        for (const tables::Column<ChangeRecord>& column : t.columns) {
            if (column.set)
                column.set(c, r.value(i, col));
            ++col;
        }
        out << c;
    }
    return out;
}

// Events use the same generic rows (pgevents.cpp).
template std::optional<Event> PgStore::rowById<Event>(Id) const;
template QList<Event> PgStore::rowsWhere<Event>(const char*,
                                                std::initializer_list<tables::Value>) const;
template Id PgStore::insertRow<Event>(const Event&);
template void PgStore::updateRow<Event>(const Event&);

} // namespace chronomap
