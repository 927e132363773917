#include "tables.h"

namespace chronomap::tables {

// A field is one line: its column, what is written, how it is read back (or nothing for a
// derived column). `x` is the entity, `v` the value read.
#define CM_GET(T, expr) [](const T& x) -> Value { return expr; }
#define CM_SET(T, stmt) [](T& x, const Value& v) { stmt; }
#define CM_ID(T) {"id", CM_GET(T, qint64(x.id)), CM_SET(T, x.id = toInt(v))}

namespace {

// The entry a citation or annotation is about: exactly one of three nullable foreign keys.
Value targetOf(const EntityRef& ref, EntityKind kind)
{
    return ref.kind == kind ? idOrNull(ref.id) : Value();
}
void setTarget(EntityRef& ref, EntityKind kind, const Value& v)
{
    if (!isNull(v))
        ref = EntityRef{kind, toInt(v)};
}

const Column<Event> kEvent[] = {
    CM_ID(Event),
    {"title", CM_GET(Event, x.title), CM_SET(Event, x.title = toText(v))},
    {"summary", CM_GET(Event, x.summary), CM_SET(Event, x.summary = toText(v))},
    {"date", CM_GET(Event, x.date.edtf()), CM_SET(Event, x.date = PartialDate::fromEdtf(toText(v)))},
    {"display_date", CM_GET(Event, x.displayDate), CM_SET(Event, x.displayDate = toText(v))},
    {"earliest", CM_GET(Event, x.date.earliest()), nullptr},
    {"latest", CM_GET(Event, x.date.latest()), nullptr},
    {"nominal_start", CM_GET(Event, x.date.nominalStart()), nullptr},
    {"nominal_end", CM_GET(Event, x.date.nominalEnd()), nullptr},
    {"date_flags", CM_GET(Event, qint64(x.date.flags())), nullptr},
    {"category_id", CM_GET(Event, idOrNull(x.categoryId)), CM_SET(Event, x.categoryId = toInt(v))},
    {"importance", CM_GET(Event, qint64(x.importance)), CM_SET(Event, x.importance = int(toInt(v)))},
    {"location", CM_GET(Event, x.location), CM_SET(Event, x.location = toText(v))},
    {"status", CM_GET(Event, qint64(x.status)),
     CM_SET(Event, x.status = Verification(toInt(v) & 3))},
    {"uid", CM_GET(Event, x.uid), CM_SET(Event, x.uid = toText(v))},
};

const Column<Actor> kActor[] = {
    CM_ID(Actor),
    {"name", CM_GET(Actor, x.name), CM_SET(Actor, x.name = toText(v))},
    {"kind", CM_GET(Actor, qint64(x.kind)), CM_SET(Actor, x.kind = ActorKind(toInt(v) & 3))},
    {"role", CM_GET(Actor, x.role), CM_SET(Actor, x.role = toText(v))},
    {"description", CM_GET(Actor, x.description), CM_SET(Actor, x.description = toText(v))},
    {"color", CM_GET(Actor, colorText(x.color)), CM_SET(Actor, x.color = colorOf(toText(v)))},
    {"pinned_x", CM_GET(Actor, optionalReal(x.pinnedX)),
     CM_SET(Actor, x.pinnedX = isNull(v) ? std::nullopt : std::optional(toReal(v)))},
    {"pinned_y", CM_GET(Actor, optionalReal(x.pinnedY)),
     CM_SET(Actor, x.pinnedY = isNull(v) ? std::nullopt : std::optional(toReal(v)))},
};

const Column<Relation> kRelation[] = {
    CM_ID(Relation),
    {"source_id", CM_GET(Relation, qint64(x.sourceId)), CM_SET(Relation, x.sourceId = toInt(v))},
    {"target_id", CM_GET(Relation, qint64(x.targetId)), CM_SET(Relation, x.targetId = toInt(v))},
    {"type", CM_GET(Relation, x.type), CM_SET(Relation, x.type = toText(v))},
    {"directed", CM_GET(Relation, qint64(x.directed ? 1 : 0)),
     CM_SET(Relation, x.directed = toInt(v) != 0)},
    {"date", CM_GET(Relation, x.valid.isValid() ? x.valid.edtf() : QString()),
     CM_SET(Relation, x.valid = toText(v).isEmpty() ? PartialDate()
                                                     : PartialDate::fromEdtf(toText(v)))},
    {"earliest", CM_GET(Relation, x.valid.isValid() ? Value(x.valid.earliest()) : Value()),
     nullptr},
    {"latest", CM_GET(Relation, x.valid.isValid() ? Value(x.valid.latest()) : Value()), nullptr},
    {"weight", CM_GET(Relation, x.weight), CM_SET(Relation, x.weight = toReal(v))},
    {"status", CM_GET(Relation, qint64(x.status)),
     CM_SET(Relation, x.status = Verification(toInt(v) & 3))},
    {"description", CM_GET(Relation, x.description), CM_SET(Relation, x.description = toText(v))},
};

const Column<Source> kSource[] = {
    CM_ID(Source),
    {"title", CM_GET(Source, x.title), CM_SET(Source, x.title = toText(v))},
    {"publisher", CM_GET(Source, x.publisher), CM_SET(Source, x.publisher = toText(v))},
    {"url", CM_GET(Source, x.url), CM_SET(Source, x.url = toText(v))},
    {"date", CM_GET(Source, x.date), CM_SET(Source, x.date = toText(v))},
    {"retrieved", CM_GET(Source, x.retrieved), CM_SET(Source, x.retrieved = toText(v))},
    {"text", CM_GET(Source, x.text), CM_SET(Source, x.text = toText(v))},
};

const Column<Citation> kCitation[] = {
    CM_ID(Citation),
    {"source_id", CM_GET(Citation, qint64(x.sourceId)), CM_SET(Citation, x.sourceId = toInt(v))},
    {"event_id", CM_GET(Citation, targetOf(x.target, EntityKind::Event)),
     CM_SET(Citation, setTarget(x.target, EntityKind::Event, v))},
    {"actor_id", CM_GET(Citation, targetOf(x.target, EntityKind::Actor)),
     CM_SET(Citation, setTarget(x.target, EntityKind::Actor, v))},
    {"relation_id", CM_GET(Citation, targetOf(x.target, EntityKind::Relation)),
     CM_SET(Citation, setTarget(x.target, EntityKind::Relation, v))},
    {"quote", CM_GET(Citation, x.quote), CM_SET(Citation, x.quote = toText(v))},
    {"locator", CM_GET(Citation, x.locator), CM_SET(Citation, x.locator = toText(v))},
};

const Column<Annotation> kAnnotation[] = {
    CM_ID(Annotation),
    {"event_id", CM_GET(Annotation, targetOf(x.target, EntityKind::Event)),
     CM_SET(Annotation, setTarget(x.target, EntityKind::Event, v))},
    {"actor_id", CM_GET(Annotation, targetOf(x.target, EntityKind::Actor)),
     CM_SET(Annotation, setTarget(x.target, EntityKind::Actor, v))},
    {"relation_id", CM_GET(Annotation, targetOf(x.target, EntityKind::Relation)),
     CM_SET(Annotation, setTarget(x.target, EntityKind::Relation, v))},
    {"parent_id", CM_GET(Annotation, idOrNull(x.parentId)),
     CM_SET(Annotation, x.parentId = toInt(v))},
    {"author", CM_GET(Annotation, x.author), CM_SET(Annotation, x.author = toText(v))},
    {"body", CM_GET(Annotation, x.body), CM_SET(Annotation, x.body = toText(v))},
    {"created", CM_GET(Annotation, x.created), CM_SET(Annotation, x.created = toText(v))},
    {"resolved", CM_GET(Annotation, qint64(x.resolved ? 1 : 0)),
     CM_SET(Annotation, x.resolved = toInt(v) != 0)},
};

const Column<Category> kCategory[] = {
    CM_ID(Category),
    {"name", CM_GET(Category, x.name), CM_SET(Category, x.name = toText(v))},
    {"color", CM_GET(Category, colorText(x.color)),
     CM_SET(Category, x.color = colorOf(toText(v)))},
    {"position", CM_GET(Category, qint64(x.position)),
     CM_SET(Category, x.position = int(toInt(v)))},
};

const Column<Era> kEra[] = {
    CM_ID(Era),
    {"title", CM_GET(Era, x.title), CM_SET(Era, x.title = toText(v))},
    {"date", CM_GET(Era, x.date.edtf()), CM_SET(Era, x.date = PartialDate::fromEdtf(toText(v)))},
    {"earliest", CM_GET(Era, x.date.earliest()), nullptr},
    {"latest", CM_GET(Era, x.date.latest()), nullptr},
    {"color", CM_GET(Era, colorText(x.color)), CM_SET(Era, x.color = colorOf(toText(v)))},
};

const Column<Scene> kScene[] = {
    CM_ID(Scene),
    {"name", CM_GET(Scene, x.name), CM_SET(Scene, x.name = toText(v))},
    {"position", CM_GET(Scene, qint64(x.position)), CM_SET(Scene, x.position = int(toInt(v)))},
    {"caption", CM_GET(Scene, x.caption), CM_SET(Scene, x.caption = toText(v))},
    {"state", CM_GET(Scene, x.state), CM_SET(Scene, x.state = toText(v))},
};

const Column<ChangeRecord> kChange[] = {
    CM_ID(ChangeRecord),
    {"at", CM_GET(ChangeRecord, x.at), CM_SET(ChangeRecord, x.at = toText(v))},
    {"author", CM_GET(ChangeRecord, x.author), CM_SET(ChangeRecord, x.author = toText(v))},
    {"action", CM_GET(ChangeRecord, x.action), CM_SET(ChangeRecord, x.action = toText(v))},
    {"entity", CM_GET(ChangeRecord, entityKindName(x.target.kind)),
     CM_SET(ChangeRecord,
            x.target.kind = entityKindFromName(toText(v)).value_or(EntityKind::Event))},
    {"entity_id", CM_GET(ChangeRecord, qint64(x.target.id)),
     CM_SET(ChangeRecord, x.target.id = toInt(v))},
    {"before", CM_GET(ChangeRecord, x.before), CM_SET(ChangeRecord, x.before = toText(v))},
    {"after", CM_GET(ChangeRecord, x.after), CM_SET(ChangeRecord, x.after = toText(v))},
};

} // namespace

#undef CM_GET
#undef CM_SET
#undef CM_ID

// clang-format off
template <> const Table<Event>& table<Event>()
{ static const Table<Event> t{"events", kEvent, "earliest, latest, id"}; return t; }
template <> const Table<Actor>& table<Actor>()
{ static const Table<Actor> t{"actors", kActor, "id"}; return t; }
template <> const Table<Relation>& table<Relation>()
{ static const Table<Relation> t{"relations", kRelation, "id"}; return t; }
template <> const Table<Source>& table<Source>()
{ static const Table<Source> t{"sources", kSource, "id"}; return t; }
template <> const Table<Citation>& table<Citation>()
{ static const Table<Citation> t{"citations", kCitation, "id"}; return t; }
template <> const Table<Annotation>& table<Annotation>()
{ static const Table<Annotation> t{"annotations", kAnnotation, "id"}; return t; }
template <> const Table<Category>& table<Category>()
{ static const Table<Category> t{"categories", kCategory, "position, id"}; return t; }
template <> const Table<Era>& table<Era>()
{ static const Table<Era> t{"eras", kEra, "earliest, id"}; return t; }
template <> const Table<Scene>& table<Scene>()
{ static const Table<Scene> t{"scenes", kScene, "position, id"}; return t; }
template <> const Table<ChangeRecord>& table<ChangeRecord>()
{ static const Table<ChangeRecord> t{"changes", kChange, "id"}; return t; }
// clang-format on

} // namespace chronomap::tables
