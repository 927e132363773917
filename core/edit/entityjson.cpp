#include "entityjson.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace chronomap {

namespace {

QJsonObject refJson(EntityRef r)
{
    return {{QStringLiteral("kind"), entityKindName(r.kind)}, {QStringLiteral("id"), r.id}};
}

template <class... F> struct Overload : F...
{
    using F::operator()...;
};
template <class... F> Overload(F...) -> Overload<F...>;

} // namespace

EntryKey keyOf(const Entity& e)
{
    return {e.index(), idOf(e)};
}

Id idOf(const Entity& e)
{
    return std::visit([](const auto& x) { return x.id; }, e);
}

void setId(Entity& e, Id id)
{
    std::visit([id](auto& x) { x.id = id; }, e);
}

EntityRef auditRefOf(const Entity& e)
{
    return std::visit(Overload{
                          [](const Event& x) {
                              return EntityRef{EntityKind::Event, x.id};
                          },
                          [](const Actor& x) {
                              return EntityRef{EntityKind::Actor, x.id};
                          },
                          [](const Relation& x) {
                              return EntityRef{EntityKind::Relation, x.id};
                          },
                          [](const Source& x) {
                              return EntityRef{EntityKind::Source, x.id};
                          },
                          [](const Citation& x) { return x.target; },
                          [](const Annotation& x) { return x.target; },
                          [](const Scene& x) {
                              return EntityRef{EntityKind::Scene, x.id};
                          },
                      },
                      e);
}

std::optional<Entity> readEntity(const Store& store, EntryKey key)
{
    auto wrap = [](auto opt) -> std::optional<Entity> {
        if (opt)
            return Entity(*opt);
        return std::nullopt;
    };
    switch (key.type) {
    case 0:
        return wrap(store.event(key.id));
    case 1:
        return wrap(store.actor(key.id));
    case 2:
        return wrap(store.relation(key.id));
    case 3:
        return wrap(store.source(key.id));
    case 4:
        return wrap(store.citation(key.id));
    case 5:
        return wrap(store.annotation(key.id));
    case 6:
        // A story has a handful of scenes: reading them all is cheaper than another query.
        for (const Scene& s : store.scenes())
            if (s.id == key.id)
                return Entity(s);
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<Entity> readEntity(const Store& store, EntityRef ref)
{
    switch (ref.kind) {
    case EntityKind::Event:
        return readEntity(store, EntryKey{0, ref.id});
    case EntityKind::Actor:
        return readEntity(store, EntryKey{1, ref.id});
    case EntityKind::Relation:
        return readEntity(store, EntryKey{2, ref.id});
    case EntityKind::Source:
        return readEntity(store, EntryKey{3, ref.id});
    case EntityKind::Annotation:
        return readEntity(store, EntryKey{5, ref.id});
    case EntityKind::Scene:
        return readEntity(store, EntryKey{6, ref.id});
    }
    return std::nullopt;
}

Id insertEntity(Store& store, const Entity& e)
{
    return std::visit(Overload{
                          [&](const Event& x) { return store.insertEvent(x); },
                          [&](const Actor& x) { return store.insertActor(x); },
                          [&](const Relation& x) { return store.insertRelation(x); },
                          [&](const Source& x) { return store.insertSource(x); },
                          [&](const Citation& x) { return store.insertCitation(x); },
                          [&](const Annotation& x) { return store.insertAnnotation(x); },
                          [&](const Scene& x) { return store.insertScene(x); },
                      },
                      e);
}

void updateEntity(Store& store, const Entity& e)
{
    std::visit(Overload{
                   [&](const Event& x) { store.updateEvent(x); },
                   [&](const Actor& x) { store.updateActor(x); },
                   [&](const Relation& x) { store.updateRelation(x); },
                   [&](const Source& x) { store.updateSource(x); },
                   [&](const Citation& x) { store.updateCitation(x); },
                   [&](const Annotation& x) { store.updateAnnotation(x); },
                   [&](const Scene& x) { store.updateScene(x); },
               },
               e);
}

void deleteEntity(Store& store, EntryKey key)
{
    switch (key.type) {
    case 0:
        store.deleteEvent(key.id);
        return;
    case 1:
        store.deleteActor(key.id);
        return;
    case 2:
        store.deleteRelation(key.id);
        return;
    case 3:
        store.deleteSource(key.id);
        return;
    case 4:
        store.deleteCitation(key.id);
        return;
    case 5:
        store.deleteAnnotation(key.id);
        return;
    case 6:
        store.deleteScene(key.id);
        return;
    default:
        return;
    }
}

QJsonObject toJson(const Event& e)
{
    QJsonArray actors;
    for (const Participation& p : e.actors)
        actors.append(
            QJsonObject{{QStringLiteral("actor"), p.actorId}, {QStringLiteral("role"), p.role}});
    QJsonObject o{{QStringLiteral("id"), e.id},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("summary"), e.summary},
            {QStringLiteral("date"), e.date.edtf()},
            {QStringLiteral("display_date"), e.displayDate},
            {QStringLiteral("category"), e.categoryId},
            {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
            {QStringLiteral("importance"), e.importance},
            {QStringLiteral("location"), e.location},
            {QStringLiteral("status"), verificationName(e.status)},
            {QStringLiteral("uid"), e.uid},
            {QStringLiteral("actors"), actors}};
    if (!e.attributes.isEmpty())
        o.insert(QStringLiteral("attributes"), attributesToJson(e.attributes));
    return o;
}

QJsonObject toJson(const Actor& a)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("name"), a.name},
                  {QStringLiteral("kind"), a.kindKnown ? actorKindName(a.kind) : QString()},
                  {QStringLiteral("role"), a.role},
                  {QStringLiteral("description"), a.description},
                  {QStringLiteral("color"), a.color.isValid() ? a.color.name() : QString()}};
    if (a.pinnedX && a.pinnedY) {
        o.insert(QStringLiteral("x"), *a.pinnedX);
        o.insert(QStringLiteral("y"), *a.pinnedY);
    }
    if (!a.attributes.isEmpty())
        o.insert(QStringLiteral("attributes"), attributesToJson(a.attributes));
    return o;
}

QJsonObject toJson(const Relation& r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
            {QStringLiteral("source"), r.sourceId},
            {QStringLiteral("target"), r.targetId},
            {QStringLiteral("type"), r.type},
            {QStringLiteral("directed"), r.directed},
            {QStringLiteral("valid"), r.valid.edtf()},
            {QStringLiteral("weight"), r.weight},
            {QStringLiteral("status"), verificationName(r.status)},
            {QStringLiteral("description"), r.description}};
    if (!r.attributes.isEmpty())
        o.insert(QStringLiteral("attributes"), attributesToJson(r.attributes));
    return o;
}

QJsonObject toJson(const Source& s)
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("title"), s.title},
            {QStringLiteral("publisher"), s.publisher},
            {QStringLiteral("url"), s.url},
            {QStringLiteral("date"), s.date},
            {QStringLiteral("retrieved"), s.retrieved}};
}

QJsonObject toJson(const Citation& c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("source"), c.sourceId},
            {QStringLiteral("target"), refJson(c.target)},
            {QStringLiteral("quote"), c.quote},
            {QStringLiteral("locator"), c.locator}};
}

QJsonObject toJson(const Annotation& a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("target"), refJson(a.target)},
            {QStringLiteral("parent"), a.parentId},
            {QStringLiteral("author"), a.author},
            {QStringLiteral("body"), a.body},
            {QStringLiteral("created"), a.created},
            {QStringLiteral("resolved"), a.resolved}};
}

QJsonObject toJson(const Scene& s)
{
    // The state is kept as the text it is: the audit line must show exactly what was stored,
    // even a state that is not valid JSON.
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("position"), s.position},
            {QStringLiteral("caption"), s.caption},
            {QStringLiteral("state"), s.state}};
}

QJsonObject toJson(const Entity& e)
{
    return std::visit([](const auto& x) { return toJson(x); }, e);
}

QString toJsonText(const std::optional<Entity>& e)
{
    if (!e)
        return {};
    return QString::fromUtf8(QJsonDocument(toJson(*e)).toJson(QJsonDocument::Compact));
}

QString describeEntity(const Entity& e)
{
    return std::visit(
        Overload{
            [](const Event& x) {
                return QCoreApplication::translate("chronomap::Edits", "event “%1”").arg(x.title);
            },
            [](const Actor& x) {
                return QCoreApplication::translate("chronomap::Edits", "actor “%1”").arg(x.name);
            },
            [](const Relation& x) {
                return QCoreApplication::translate("chronomap::Edits", "relation “%1”").arg(x.type);
            },
            [](const Source& x) {
                return QCoreApplication::translate("chronomap::Edits", "source “%1”").arg(x.title);
            },
            [](const Citation& x) {
                return QCoreApplication::translate("chronomap::Edits", "citation %1").arg(x.id);
            },
            [](const Annotation& x) {
                return QCoreApplication::translate("chronomap::Edits", "note by %1").arg(x.author);
            },
            [](const Scene& x) {
                return QCoreApplication::translate("chronomap::Edits", "scene “%1”").arg(x.name);
            },
        },
        e);
}

} // namespace chronomap
