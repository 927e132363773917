#include "chronomapjson.h"
#include "chronomapjsonformat.h"
#include "exportscreen.h"
#include "formatregistry.h"
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

namespace {

// Custom attributes with their types: "attributes": {"Modularity Class": {"type": "integer",
// "value": "3"}}; nothing when there are none (older readers see the file they know).
void writeAttributes(JsonWriter& w, const Attributes& list)
{
    if (list.isEmpty())
        return;
    w.key("attributes");
    QByteArray text = "{";
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Attribute& a = list.at(i);
        text += (i ? ", " : "") + JsonWriter::quoted(a.name) + ": {\"type\": " +
                JsonWriter::quoted(attributeTypeName(a.type)) +
                ", \"value\": " + JsonWriter::quoted(a.value);
        // Timed values: "spells": [[start, end, value], ...].
        if (a.isTimed()) {
            text += ", \"spells\": [";
            for (qsizetype k = 0; k < a.spells.size(); ++k) {
                const AttributeSpell& sp = a.spells.at(k);
                text += (k ? ", [" : "[") + JsonWriter::quoted(sp.start) + ", " +
                        JsonWriter::quoted(sp.end) + ", " + JsonWriter::quoted(sp.value) + ']';
            }
            text += ']';
        }
        text += '}';
    }
    w.raw(text + '}');
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
        if (a.kindKnown) // an actor no one gave a kind has none: nothing is invented
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
        writeAttributes(w, a.attributes);
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
        writeAttributes(w, e.attributes);
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
        writeAttributes(w, r.attributes);
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

namespace chronomap {

// The whole story, lossless: written straight into the story (readStoryJson), not as a batch.
FileFormat chronomapJsonFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("chronomap");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "Chronomap JSON");
    f.suffixes = {QStringLiteral("json")};
    f.aliases = {QStringLiteral("json")};
    f.sniff = [](const QByteArray& head) {
        QByteArray start = head.left(4096).trimmed();
        if (start.startsWith("\xEF\xBB\xBF"))
            start = start.mid(3).trimmed();
        return start.startsWith('{') && head.contains("\"format\"") &&
               head.contains("\"chronomap\"");
    };
    f.wholeStory = true;
    f.write = [](const Store& store) { return writeStoryJson(store); };
    return f;
}

} // namespace chronomap
