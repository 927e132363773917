// SqliteStore: typed custom attributes of actors, relations and events, and the origins of imported
// entries (story format 2, issue 14). All of their SQL is here, one table per entity.
#include "sqlitestatement.h"

#include <QSet>

namespace chronomap {

namespace {

// The SQL of one entity's attribute table.
struct AttributeSql
{
    const char* select;    // ?1 = entry id
    const char* selectAll; // every entry's, in order
    const char* remove;    // ?1 = entry id
    const char* insert;    // ?1 id, ?2 position, ?3 name, ?4 type, ?5 value
};

const AttributeSql* attributeSql(EntityKind kind)
{
    static const AttributeSql actor = {
        "SELECT name, type, value FROM actor_attributes WHERE actor_id = ?1 ORDER BY position",
        "SELECT actor_id, name, type, value FROM actor_attributes ORDER BY actor_id, position",
        "DELETE FROM actor_attributes WHERE actor_id = ?1",
        "INSERT INTO actor_attributes(actor_id, position, name, type, value) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"};
    static const AttributeSql relation = {
        "SELECT name, type, value FROM relation_attributes WHERE relation_id = ?1 "
        "ORDER BY position",
        "SELECT relation_id, name, type, value FROM relation_attributes "
        "ORDER BY relation_id, position",
        "DELETE FROM relation_attributes WHERE relation_id = ?1",
        "INSERT INTO relation_attributes(relation_id, position, name, type, value) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"};
    static const AttributeSql event = {
        "SELECT name, type, value FROM event_attributes WHERE event_id = ?1 ORDER BY position",
        "SELECT event_id, name, type, value FROM event_attributes ORDER BY event_id, position",
        "DELETE FROM event_attributes WHERE event_id = ?1",
        "INSERT INTO event_attributes(event_id, position, name, type, value) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"};
    switch (kind) {
    case EntityKind::Actor:
        return &actor;
    case EntityKind::Relation:
        return &relation;
    case EntityKind::Event:
        return &event;
    default:
        return nullptr;
    }
}

// A timed attribute's values (Attribute::spells) are a second row beside its own, named with
// this prefix and holding them as JSON ("[[start, end, value], ...]"): the story format and
// its tables stay as they are, and a program that does not know timed values still reads the
// attribute's own value. No name a file gives starts with a control character (XML has none).
const QString kSpellsPrefix = QStringLiteral("\x01spells:");

// Attaches the spell rows read back to their attributes.
void attachSpells(Attributes& list)
{
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        const Attribute& row = list.at(i);
        if (!row.name.startsWith(kSpellsPrefix))
            continue;
        const auto spells = spellsFromJson(row.value);
        const QString name = row.name.mid(kSpellsPrefix.size());
        Attribute* owner = nullptr;
        for (Attribute& a : list)
            if (a.name == name)
                owner = &a;
        if (!spells || !owner)
            continue; // not ours: kept as it is
        owner->spells = *spells;
        list.removeAt(i);
    }
}

} // namespace

bool SqliteStore::hasFormat2() const
{
    if (m_format2 < 0)
        m_format2 = schemaVersion() >= 2 ? 1 : 0;
    return m_format2 == 1;
}

Attributes SqliteStore::readAttributes(EntityKind kind, Id id) const
{
    Attributes out;
    const AttributeSql* sql = attributeSql(kind);
    if (!sql || !hasFormat2())
        return out;
    auto& st = prepare(sql->select);
    st.bind(1, id);
    while (st.step())
        out.append(Attribute{st.text(0), AttributeType(st.i32(1) % 6), st.text(2)});
    st.reset();
    attachSpells(out);
    return out;
}

QHash<Id, Attributes> SqliteStore::readAllAttributes(EntityKind kind) const
{
    QHash<Id, Attributes> out;
    const AttributeSql* sql = attributeSql(kind);
    if (!sql || !hasFormat2())
        return out;
    auto& st = prepare(sql->selectAll);
    bool timed = false;
    while (st.step()) {
        const QString name = st.text(1);
        timed = timed || name.startsWith(kSpellsPrefix);
        out[st.i64(0)].append(Attribute{name, AttributeType(st.i32(2) % 6), st.text(3)});
    }
    st.reset();
    if (timed)
        for (Attributes& list : out)
            attachSpells(list);
    return out;
}

void SqliteStore::writeAttributes(EntityKind kind, Id id, const Attributes& list)
{
    const AttributeSql* sql = attributeSql(kind);
    if (!sql || !hasFormat2())
        return;
    prepare(sql->remove).bind(1, id).run();
    int position = 0;
    for (const Attribute& a : list) {
        prepare(sql->insert)
            .bind(1, id)
            .bind(2, position)
            .bind(3, a.name)
            .bind(4, int(a.type))
            .bind(5, a.value)
            .run();
        if (a.isTimed())
            prepare(sql->insert)
                .bind(1, id)
                .bind(2, position)
                .bind(3, QString(kSpellsPrefix + a.name))
                .bind(4, int(AttributeType::String))
                .bind(5, spellsToJson(a.spells))
                .run();
        ++position;
    }
}

void SqliteStore::readExtras(QList<Actor>& list) const
{
    if (!hasFormat2() || list.isEmpty())
        return;
    QSet<Id> unknown;
    auto& st = prepare("SELECT id FROM actors WHERE kind_known = 0");
    while (st.step())
        unknown.insert(st.i64(0));
    st.reset();
    const QHash<Id, Attributes> attributes = list.size() == 1
                                                 ? QHash<Id, Attributes>{{list.first().id,
                                                                          readAttributes(EntityKind::Actor, list.first().id)}}
                                                 : readAllAttributes(EntityKind::Actor);
    for (Actor& a : list) {
        a.kindKnown = !unknown.contains(a.id);
        a.attributes = attributes.value(a.id);
    }
}

void SqliteStore::readExtras(QList<Relation>& list) const
{
    if (!hasFormat2() || list.isEmpty())
        return;
    if (list.size() == 1) {
        list.first().attributes = readAttributes(EntityKind::Relation, list.first().id);
        return;
    }
    const QHash<Id, Attributes> attributes = readAllAttributes(EntityKind::Relation);
    for (Relation& r : list)
        r.attributes = attributes.value(r.id);
}

void SqliteStore::readExtras(QList<Event>& list) const
{
    if (!hasFormat2() || list.isEmpty())
        return;
    if (list.size() == 1) {
        list.first().attributes = readAttributes(EntityKind::Event, list.first().id);
        return;
    }
    const QHash<Id, Attributes> attributes = readAllAttributes(EntityKind::Event);
    if (attributes.isEmpty())
        return;
    for (Event& e : list)
        e.attributes = attributes.value(e.id);
}

void SqliteStore::writeExtras(const Actor& a)
{
    if (!hasFormat2())
        return;
    prepare("UPDATE actors SET kind_known = ?2 WHERE id = ?1")
        .bind(1, a.id)
        .bind(2, a.kindKnown ? 1 : 0)
        .run();
    writeAttributes(EntityKind::Actor, a.id, a.attributes);
}

void SqliteStore::writeExtras(const Relation& r)
{
    writeAttributes(EntityKind::Relation, r.id, r.attributes);
}

void SqliteStore::writeExtras(const Event& e)
{
    writeAttributes(EntityKind::Event, e.id, e.attributes);
}

QHash<QString, Store::OriginRow> SqliteStore::origins(EntityKind kind, const QString& format) const
{
    QHash<QString, OriginRow> out;
    if (!hasFormat2())
        return out;
    auto& st = prepare("SELECT key, entity_id, file_state, story_state FROM origins "
                       "WHERE entity = ?1 AND format = ?2");
    st.bind(1, int(kind)).bind(2, format);
    while (st.step())
        out.insert(st.text(0), OriginRow{st.i64(1), st.text(2), st.text(3)});
    st.reset();
    return out;
}

void SqliteStore::setOrigin(EntityKind kind, const QString& format, const QString& key,
                      const OriginRow& row)
{
    if (!hasFormat2())
        return;
    prepare("INSERT OR REPLACE INTO origins(entity, format, key, entity_id, file_state, "
            "story_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, int(kind))
        .bind(2, format)
        .bind(3, key)
        .bind(4, row.id)
        .bind(5, row.fileState)
        .bind(6, row.storyState)
        .run();
}

QList<Store::OriginEntry> SqliteStore::allOrigins() const
{
    QList<OriginEntry> out;
    if (!hasFormat2())
        return out;
    auto& st = prepare("SELECT entity, format, key, entity_id, file_state, story_state "
                       "FROM origins ORDER BY entity, format, key");
    while (st.step())
        out.append(OriginEntry{EntityKind(st.i32(0)), st.text(1), st.text(2),
                               OriginRow{st.i64(3), st.text(4), st.text(5)}});
    st.reset();
    return out;
}

} // namespace chronomap
