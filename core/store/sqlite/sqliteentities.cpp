// SqliteStore: actors, relations, sources, citations, annotations, categories, eras, scenes
// and the audit log, each through its table description (store/tables.cpp). What is left here
// per entity is what differs: the search index and the checks.
#include "sqlitestatement.h"

#include <QCoreApplication>

namespace chronomap {

void SqliteStore::deleteRow(const char* table, Id id)
{
    // Table names come from the descriptions, never from data.
    static QHash<QByteArray, QByteArray> sqls;
    QByteArray& sql = sqls[QByteArray(table)];
    if (sql.isEmpty())
        sql = QByteArray("DELETE FROM ") + table + " WHERE id = ?1";
    prepare(sql.constData()).bind(1, qint64(id)).run();
}

// ---------------------------------------------------------------------------------------------
// Actors

std::optional<Actor> SqliteStore::actor(Id id) const
{
    return rowById<Actor>(id);
}

QList<Actor> SqliteStore::actors() const
{
    return allRows<Actor>();
}

Id SqliteStore::insertActor(const Actor& a)
{
    Transaction tx(*this);
    const Id id = insertRow(a);
    reindex(EntityKind::Actor, id, false);
    tx.commit();
    return id;
}

void SqliteStore::updateActor(const Actor& a)
{
    Transaction tx(*this);
    reindex(EntityKind::Actor, a.id, true);
    updateRow(a);
    reindex(EntityKind::Actor, a.id, false);
    tx.commit();
}

void SqliteStore::deleteActor(Id id)
{
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE actor_id = ?1 OR "
            "relation_id IN (SELECT id FROM relations WHERE source_id = ?1 OR target_id = ?1)")
        .bind(1, id)
        .run();
    reindex(EntityKind::Actor, id, true);
    deleteRow("actors", id);
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Relations

std::optional<Relation> SqliteStore::relation(Id id) const
{
    return rowById<Relation>(id);
}

QList<Relation> SqliteStore::relations() const
{
    return allRows<Relation>();
}

Id SqliteStore::insertRelation(const Relation& r)
{
    Transaction tx(*this);
    const Id id = insertRow(r);
    tx.commit();
    return id;
}

void SqliteStore::updateRelation(const Relation& r)
{
    Transaction tx(*this);
    updateRow(r);
    tx.commit();
}

void SqliteStore::deleteRelation(Id id)
{
    Transaction tx(*this);
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE relation_id = ?1")
        .bind(1, id)
        .run();
    deleteRow("relations", id);
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Sources and citations

std::optional<Source> SqliteStore::source(Id id) const
{
    return rowById<Source>(id);
}

QList<Source> SqliteStore::sources() const
{
    return allRows<Source>();
}

Id SqliteStore::insertSource(const Source& s)
{
    Transaction tx(*this);
    const Id id = insertRow(s);
    reindex(EntityKind::Source, id, false);
    tx.commit();
    return id;
}

void SqliteStore::updateSource(const Source& s)
{
    Transaction tx(*this);
    reindex(EntityKind::Source, s.id, true);
    updateRow(s);
    reindex(EntityKind::Source, s.id, false);
    tx.commit();
}

void SqliteStore::deleteSource(Id id)
{
    Transaction tx(*this);
    reindex(EntityKind::Source, id, true);
    deleteRow("sources", id);
    tx.commit();
}

std::optional<Citation> SqliteStore::citation(Id id) const
{
    return rowById<Citation>(id);
}

QList<Citation> SqliteStore::citations() const
{
    return allRows<Citation>();
}

QList<Citation> SqliteStore::citationsOf(EntityRef target) const
{
    return rowsAbout<Citation>(target);
}

Id SqliteStore::insertCitation(const Citation& c)
{
    Transaction tx(*this);
    const Id id = insertRow(c);
    tx.commit();
    return id;
}

void SqliteStore::updateCitation(const Citation& c)
{
    Transaction tx(*this);
    updateRow(c);
    tx.commit();
}

void SqliteStore::deleteCitation(Id id)
{
    Transaction tx(*this);
    deleteRow("citations", id);
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Annotations

std::optional<Annotation> SqliteStore::annotation(Id id) const
{
    return rowById<Annotation>(id);
}

QList<Annotation> SqliteStore::annotations() const
{
    return allRows<Annotation>();
}

QList<Annotation> SqliteStore::annotationsOf(EntityRef target) const
{
    return rowsAbout<Annotation>(target);
}

Id SqliteStore::insertAnnotation(const Annotation& an)
{
    Annotation stored = an;
    if (stored.created.isEmpty())
        stored.created = nowIso();
    Transaction tx(*this);
    const Id id = insertRow(stored);
    reindex(EntityKind::Annotation, id, false);
    tx.commit();
    return id;
}

void SqliteStore::updateAnnotation(const Annotation& an)
{
    Transaction tx(*this);
    // Only this note leaves the index (reindex(remove) takes the replies too).
    prepare("INSERT INTO annotations_fts(annotations_fts, rowid, author, body) "
            "SELECT 'delete', id, author, body FROM annotations WHERE id = ?1")
        .bind(1, an.id)
        .run();
    updateRow(an);
    reindex(EntityKind::Annotation, an.id, false);
    tx.commit();
}

void SqliteStore::deleteAnnotation(Id id)
{
    Transaction tx(*this);
    reindex(EntityKind::Annotation, id, true);
    deleteRow("annotations", id);
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Categories, eras, scenes, audit log

QList<Category> SqliteStore::categories() const
{
    return allRows<Category>();
}

Id SqliteStore::insertCategory(const Category& c)
{
    Transaction tx(*this);
    const Id id = insertRow(c);
    tx.commit();
    return id;
}

void SqliteStore::updateCategory(const Category& c)
{
    Transaction tx(*this);
    updateRow(c);
    tx.commit();
}

void SqliteStore::deleteCategory(Id id)
{
    Transaction tx(*this);
    deleteRow("categories", id);
    tx.commit();
}

QList<Era> SqliteStore::eras() const
{
    return allRows<Era>();
}

Id SqliteStore::insertEra(const Era& e)
{
    requireDate(path(), e.date,
                QCoreApplication::translate("chronomap::Store", "the era \"%1\"").arg(e.title));
    Transaction tx(*this);
    const Id id = insertRow(e);
    tx.commit();
    return id;
}

void SqliteStore::deleteEra(Id id)
{
    Transaction tx(*this);
    deleteRow("eras", id);
    tx.commit();
}

QList<Scene> SqliteStore::scenes() const
{
    return allRows<Scene>();
}

Id SqliteStore::insertScene(const Scene& s)
{
    Transaction tx(*this);
    const Id id = insertRow(s);
    tx.commit();
    return id;
}

void SqliteStore::updateScene(const Scene& s)
{
    Transaction tx(*this);
    updateRow(s);
    tx.commit();
}

void SqliteStore::deleteScene(Id id)
{
    Transaction tx(*this);
    deleteRow("scenes", id);
    tx.commit();
}

Id SqliteStore::logChange(const ChangeRecord& c)
{
    ChangeRecord stored = c;
    if (stored.at.isEmpty())
        stored.at = nowIso();
    Transaction tx(*this);
    const Id id = insertRow(stored);
    tx.commit();
    return id;
}

QList<ChangeRecord> SqliteStore::changes(std::optional<EntityRef> target) const
{
    if (!target)
        return allRows<ChangeRecord>();
    static const QByteArray sql =
        sqlitesql::select<ChangeRecord>("WHERE entity = ?1 AND entity_id = ?2 ORDER BY id");
    auto& st = prepare(sql.constData());
    st.bind(1, entityKindName(target->kind)).bind(2, qint64(target->id));
    QList<ChangeRecord> out;
    while (st.step())
        out << readRow(st, tables::table<ChangeRecord>());
    st.reset();
    return out;
}

qint64 SqliteStore::dataVersion() const
{
    auto& st = prepare("PRAGMA data_version");
    const qint64 v = st.step() ? st.i64(0) : 0;
    st.reset();
    return v;
}

} // namespace chronomap
