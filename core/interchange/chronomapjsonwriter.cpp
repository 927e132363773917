#include "chronomapjson.h"
#include "chronomapjsonformat.h"
#include "exportscreen.h"
#include "jsonwriter.h"

#include "store/store.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace chronomap {

namespace {

QString colorText(const QColor& c)
{
    return c.isValid() ? c.name(c.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb) : QString();
}

const char* targetKey(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Event:
        return "event";
    case EntityKind::Actor:
        return "actor";
    case EntityKind::Relation:
        return "relation";
    case EntityKind::Source:
    case EntityKind::Annotation:
    case EntityKind::Scene:
        break;
    }
    return "event"; // the schema allows only the three above
}

template <typename T> QList<T> byId(QList<T> list)
{
    std::sort(list.begin(), list.end(), [](const T& a, const T& b) { return a.id < b.id; });
    return list;
}

} // namespace

QByteArray writeStoryJson(const Store& store)
{
    return writeStoryJson(store, ExportScreen(store));
}

QByteArray writeStoryJson(const Store& store, const ExportScreen& kept)
{
    JsonWriter w;
    w.beginObject();
    w.field("format", "chronomap");
    w.field("version", kChronomapJsonVersion);

    w.key("story");
    w.beginObject();
    for (const auto& [key, value] : store.metaEntries()) {
        w.key(key);
        w.value(value);
    }
    w.endObject();

    // One array of objects per table, each row in id order.
    auto table = [&w](const char* name, const auto& rows, const auto& writeRow) {
        w.key(name);
        w.beginArray();
        for (const auto& row : byId(rows)) {
            w.element();
            w.beginObject();
            writeRow(row);
            w.endObject();
        }
        w.endArray();
    };

    table("categories", kept.categories, [&w](const Category& c) {
        w.field("id", c.id);
        w.field("name", c.name);
        w.field("color", colorText(c.color));
        w.field("position", c.position);
    });
    table("eras", kept.eras, [&w](const Era& e) {
        w.field("id", e.id);
        w.field("title", e.title);
        w.field("date", e.date.edtf());
        w.field("color", colorText(e.color));
    });
    table("actors", kept.actors, [&w](const Actor& a) {
        w.field("id", a.id);
        w.field("name", a.name);
        w.field("kind", actorKindName(a.kind));
        w.field("role", a.role);
        w.field("description", a.description);
        w.field("color", colorText(a.color));
        if (a.pinnedX && a.pinnedY) {
            w.key("pinned");
            w.raw("[");
            w.value(*a.pinnedX);
            w.raw(", ");
            w.value(*a.pinnedY);
            w.raw("]");
        }
    });
    table("sources", kept.sources, [&w](const Source& s) {
        w.field("id", s.id);
        w.field("title", s.title);
        w.field("publisher", s.publisher);
        w.field("url", s.url);
        w.field("date", s.date);
        w.field("retrieved", s.retrieved);
        w.field("text", s.text);
    });
    table("events", kept.events, [&w](const Event& e) {
        w.field("id", e.id);
        w.field("title", e.title);
        w.field("summary", e.summary);
        w.field("date", e.date.edtf());
        w.field("display_date", e.displayDate);
        if (e.categoryId)
            w.field("category", e.categoryId);
        // Short lists stay on one line: a reader scans an event as one block.
        w.key("tags");
        QByteArray tags = "[";
        for (qsizetype i = 0; i < e.tags.size(); ++i)
            tags += (i ? ", " : "") + JsonWriter::quoted(e.tags.at(i));
        w.raw(tags + ']');
        w.field("importance", e.importance);
        w.field("location", e.location);
        w.field("status", verificationName(e.status));
        w.field("uid", e.uid);
        w.key("actors");
        w.beginArray();
        for (const Participation& p : e.actors) {
            w.element();
            w.raw("{\"actor\": " + QByteArray::number(p.actorId) +
                  ", \"role\": " + JsonWriter::quoted(p.role) + '}');
        }
        w.endArray();
    });
    table("relations", kept.relations, [&w](const Relation& r) {
        w.field("id", r.id);
        w.field("source", r.sourceId);
        w.field("target", r.targetId);
        w.field("type", r.type);
        w.field("directed", r.directed);
        if (r.valid.isValid())
            w.field("date", r.valid.edtf());
        w.field("weight", r.weight);
        w.field("status", verificationName(r.status));
        w.field("description", r.description);
    });
    table("citations", kept.citations, [&w](const Citation& c) {
        w.field("id", c.id);
        w.field("source", c.sourceId);
        w.field(targetKey(c.target.kind), c.target.id);
        w.field("quote", c.quote);
        w.field("locator", c.locator);
    });
    table("annotations", kept.annotations, [&w](const Annotation& a) {
        w.field("id", a.id);
        w.field(targetKey(a.target.kind), a.target.id);
        if (a.parentId)
            w.field("parent", a.parentId);
        w.field("author", a.author);
        w.field("body", a.body);
        w.field("created", a.created);
        w.field("resolved", a.resolved);
    });
    table("scenes", store.scenes(), [&w](const Scene& s) {
        w.field("id", s.id);
        w.field("name", s.name);
        w.field("position", s.position);
        w.field("caption", s.caption);
        QJsonParseError error;
        const QJsonDocument state = QJsonDocument::fromJson(s.state.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && state.isObject())
            w.field("state", QJsonValue(state.object()));
        else // not an object: kept as text, so nothing is lost
            w.field("state", s.state);
    });
    table("changes", store.changes(), [&w](const ChangeRecord& c) {
        w.field("id", c.id);
        w.field("at", c.at);
        w.field("author", c.author);
        w.field("action", c.action);
        w.field("entity", entityKindName(c.target.kind));
        w.field("entity_id", c.target.id);
        w.field("before", c.before);
        w.field("after", c.after);
    });

    w.endObject();
    w.raw("\n");
    return w.take();
}

} // namespace chronomap
