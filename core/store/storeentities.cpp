// Store: actors, relations, sources, citations, annotations, categories, eras, scenes and
// the audit log.
#include "statement.h"

#include <QCoreApplication>

namespace chronomap {

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
    if (a) {
        QList<Actor> one{*a};
        readExtras(one);
        a = one.first();
    }
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
    readExtras(out);
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
    Actor stored = a;
    stored.id = id;
    writeExtras(stored);
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
    writeExtras(a);
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
    if (r) {
        QList<Relation> one{*r};
        readExtras(one);
        r = one.first();
    }
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
    readExtras(out);
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
    Relation stored = r;
    stored.id = id;
    writeExtras(stored);
    tx.commit();
    return id;
}

void Store::updateRelation(const Relation& r)
{
    Transaction tx(*this);
    auto& st = prepare("UPDATE relations SET source_id = ?2, target_id = ?3, type = ?4, "
                       "directed = ?5, date = ?6, earliest = ?7, latest = ?8, weight = ?9, "
                       "status = ?10, description = ?11 WHERE id = ?1");
    st.bind(1, r.id)
        .bind(2, r.sourceId)
        .bind(3, r.targetId)
        .bind(4, r.type)
        .bind(5, r.directed ? 1 : 0);
    if (r.valid.isValid())
        st.bind(6, r.valid.edtf()).bind(7, r.valid.earliest()).bind(8, r.valid.latest());
    else
        st.bind(6, QString()).bindNull(7).bindNull(8);
    st.bind(9, r.weight).bind(10, int(r.status)).bind(11, r.description).run();
    writeExtras(r);
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
    st.bind(2, s.title)
        .bind(3, s.publisher)
        .bind(4, s.url)
        .bind(5, s.date)
        .bind(6, s.retrieved)
        .bind(7, s.text);
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
    st.bind(2, c.sourceId)
        .bindId(3, e)
        .bindId(4, a)
        .bindId(5, r)
        .bind(6, c.quote)
        .bind(7, c.locator);
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
    auto& st =
        prepare("INSERT INTO annotations(id, event_id, actor_id, relation_id, parent_id, "
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
    prepare(
        "UPDATE annotations SET event_id = ?2, actor_id = ?3, relation_id = ?4, parent_id = ?5, "
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
    requireDate(m_path, e.date,
                QCoreApplication::translate("chronomap::Store", "the era \"%1\"").arg(e.title));
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
    auto& st =
        prepare("SELECT id, name, position, caption, state FROM scenes ORDER BY position, id");
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

} // namespace chronomap
