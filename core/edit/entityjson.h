#pragma once

#include "model/entities.h"

#include <QJsonObject>

#include <optional>
#include <variant>

namespace chronomap {

class Store;

// Any entry an edit command can create, change or delete, carried whole so undo can write it
// back exactly (with its id, participations and tags).
// Alternatives are only ever appended: EntryKey::type is the index.
using Entity = std::variant<Event, Actor, Relation, Source, Citation, Annotation, Scene>;

// Which entry: the alternative of Entity (citations have no EntityKind) and the row id.
struct EntryKey
{
    std::size_t type = 0; // Entity::index()
    Id id = 0;
    friend bool operator==(const EntryKey&, const EntryKey&) = default;
};
EntryKey keyOf(const Entity& e);
Id idOf(const Entity& e);
void setId(Entity& e, Id id);
// Where the audit log files a change: the entry itself, or for citations and notes the
// entry they are attached to (so an event's history shows its sources and notes).
EntityRef auditRefOf(const Entity& e);
// The entry as stored now, or nullopt if it is not (or no longer) in the file.
std::optional<Entity> readEntity(const Store& store, EntryKey key);
std::optional<Entity> readEntity(const Store& store, EntityRef ref);
// Writes through the Store's insert/update/delete calls; insert keeps a non-zero id.
Id insertEntity(Store& store, const Entity& e);
void updateEntity(Store& store, const Entity& e);
void deleteEntity(Store& store, EntryKey key);

// The audit log's before/after: small, stable JSON of one entry.
QJsonObject toJson(const Event& e);
QJsonObject toJson(const Actor& a);
QJsonObject toJson(const Relation& r);
QJsonObject toJson(const Source& s);
QJsonObject toJson(const Citation& c);
QJsonObject toJson(const Annotation& a);
QJsonObject toJson(const Scene& s);
QJsonObject toJson(const Entity& e);
// Compact JSON text, or an empty string for "absent".
QString toJsonText(const std::optional<Entity>& e);

// A short human name of an entry for menus and messages ("event “Miami talks”").
QString describeEntity(const Entity& e);

} // namespace chronomap
