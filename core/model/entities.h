#pragma once

#include "attributes.h"
#include "partialdate.h"

#include <QColor>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace chronomap {

// The value types a story is made of. Plain data: Store reads and writes them, edit commands
// carry them, views show them. Ids are the story file's row ids; 0 means "not stored yet".
using Id = qint64;

// How far an entry has been checked. Stored as its number: keep the order.
enum class Verification : quint8
{
    Draft = 0,
    Confirmed = 1,
    Disputed = 2,
    Cleared = 3
};
QString verificationName(Verification v); // "draft", "confirmed", ...
// The same word in the user's language (the window's and the undo stack's; never stored).
QString verificationLabel(Verification v);
std::optional<Verification> verificationFromName(const QString& name);

enum class ActorKind : quint8
{
    Person = 0,
    Organization = 1,
    State = 2,
    Group = 3
};
QString actorKindName(ActorKind k); // "person", "organization", ...
std::optional<ActorKind> actorKindFromName(const QString& name);

// What a citation or an annotation is attached to, and what an audit line is about (scenes
// have audit lines but take no citations or notes).
enum class EntityKind : quint8
{
    Event = 0,
    Actor = 1,
    Relation = 2,
    Source = 3,
    Annotation = 4,
    Scene = 5
};
QString entityKindName(EntityKind k);
std::optional<EntityKind> entityKindFromName(const QString& name);

struct EntityRef
{
    EntityKind kind = EntityKind::Event;
    Id id = 0;
    friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

struct Category
{
    Id id = 0;
    QString name;
    QColor color;
    int position = 0;
    friend bool operator==(const Category&, const Category&) = default;
};

// A span drawn as a background band on the timeline ("second term", "Gaza ceasefire").
struct Era
{
    Id id = 0;
    QString title;
    PartialDate date;
    QColor color;
    friend bool operator==(const Era&, const Era&) = default;
};

struct Participation
{
    Id actorId = 0;
    QString role;
    friend bool operator==(const Participation&, const Participation&) = default;
};

struct Event
{
    Id id = 0;
    QString title;
    QString summary;
    PartialDate date;    // may be a range; the end is part of the EDTF interval
    QString displayDate; // the source's own words ("late October"), shown before the EDTF
    Id categoryId = 0;   // 0: none
    QStringList tags;
    int importance = 0; // 0 (minor) .. 5 (lead)
    QString location;
    Verification status = Verification::Draft;
    QString uid; // stable identifier for interchange (TimelineJS unique_id)
    QList<Participation> actors;
    Attributes attributes; // what a file brought that no field above holds
    friend bool operator==(const Event&, const Event&) = default;
};

struct Actor
{
    Id id = 0;
    QString name;
    ActorKind kind = ActorKind::Person;
    QString role;
    QString description;
    QColor color; // invalid: by kind or community
    // Set when the user pinned the actor on the map (an undoable edit). A position a file
    // gave is not a pin: see filePosition().
    std::optional<double> pinnedX;
    std::optional<double> pinnedY;
    // False when the actor came from a file that gave no kind: `kind` is then only the default
    // it is drawn with, and exports write no kind (nothing is invented).
    bool kindKnown = true;
    Attributes attributes; // what a file brought that no field above holds
    friend bool operator==(const Actor&, const Actor&) = default;
};

// Where a file placed the actor (Gephi's viz:position), kept as its attributes "viz:x" and
// "viz:y": the map starts from it and keeps it until the user asks for a new layout. Unlike a
// pin the user never set it, so it is neither marked nor held fixed. nullopt: none.
std::optional<QPointF> filePosition(const Actor& actor);
void setFilePosition(Actor& actor, const QPointF& at);

struct Relation
{
    Id id = 0;
    Id sourceId = 0; // actor
    Id targetId = 0; // actor
    QString type;    // "negotiates with", "leads", "sanctions", ...
    bool directed = true;
    PartialDate valid; // when it holds; invalid: always
    double weight = 1.0;
    Verification status = Verification::Draft;
    QString description;
    Attributes attributes; // what a file brought that no field above holds
    friend bool operator==(const Relation&, const Relation&) = default;
};

struct Source
{
    Id id = 0;
    QString title;
    QString publisher;
    QString url;
    QString date;      // publication date as EDTF text (may be empty)
    QString retrieved; // ISO date the newsroom retrieved it
    QString text;      // the source's text or an excerpt, for search
    friend bool operator==(const Source&, const Source&) = default;
};

struct Citation
{
    Id id = 0;
    Id sourceId = 0;
    EntityRef target;
    QString quote;   // the sentence the entry rests on
    QString locator; // page, paragraph, timestamp
    friend bool operator==(const Citation&, const Citation&) = default;
};

struct Annotation
{
    Id id = 0;
    EntityRef target;
    Id parentId = 0; // a reply in a thread; 0 for a thread's first note
    QString author;
    QString body;
    QString created; // ISO 8601 UTC
    bool resolved = false;
    friend bool operator==(const Annotation&, const Annotation&) = default;
};

// A saved view for presentations: the window, filters, selection and caption as JSON.
struct Scene
{
    Id id = 0;
    QString name;
    int position = 0;
    QString caption;
    QString state; // JSON object, written and read by the UI
    friend bool operator==(const Scene&, const Scene&) = default;
};

// One line of the audit log.
struct ChangeRecord
{
    Id id = 0;
    QString at; // ISO 8601 UTC
    QString author;
    QString action; // "insert", "update", "delete"
    EntityRef target;
    QString before; // JSON of the entry before (empty for insert)
    QString after;  // JSON after (empty for delete)
};

struct StoryCounts
{
    qint64 events = 0, actors = 0, relations = 0, sources = 0, citations = 0, annotations = 0,
           categories = 0, tags = 0, eras = 0, scenes = 0, changes = 0;
};

} // namespace chronomap

Q_DECLARE_METATYPE(chronomap::EntityRef)
