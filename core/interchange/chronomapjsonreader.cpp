#include "chronomapjson.h"

#include "chronomapjsonformat.h"
#include "importbatch.h"
#include "jsonguard.h"
#include "jsonpath.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>

namespace chronomap {

namespace {

// Ids travel as JSON numbers, which are doubles to most readers: keep them exact.
constexpr qint64 kMaxId = qint64(1) << 53;

// ---------------------------------------------------------------------------------------------
// Reading

// The whole file, checked and held in memory with the file's own ids, before anything is
// written: a story that fails a check changes nothing, and SQL never sees a bad reference.
struct FileStory
{
    QList<std::pair<QString, QString>> meta;
    QList<Category> categories;
    QList<Era> eras;
    QList<Actor> actors;
    QList<Source> sources;
    QList<Event> events;
    QList<Relation> relations;
    QList<Citation> citations;
    QList<Annotation> annotations;
    QList<Scene> scenes;
    QList<ChangeRecord> changes;
};

enum class Need : quint8
{
    Optional,
    Required
};

class Reader
{
public:
    Reader(const QByteArray& bytes, const QString& fileName) : m_bytes(bytes), m_fileName(fileName)
    {}

    FileStory read(const QJsonObject& root);

private:
    [[noreturn]] void fail(const Path& at, const QString& what) const
    {
        const qsizetype offset = RawLocator(m_bytes).locate(at);
        throw StoreError(
            located(m_fileName, m_bytes, offset, QStringLiteral("%1: %2").arg(pathText(at), what)));
    }
    [[noreturn]] void wrongType(const Path& at, const QString& expected, const QJsonValue& v) const
    {
        fail(at,
             QCoreApplication::translate("chronomap::ChronomapJsonReader", "expected %1, found %2")
                 .arg(expected, typeName(v)));
    }

    // Field readers: `key` is looked up in `o`, which lives at `at`.
    QJsonValue field(const QJsonObject& o, const Path& at, const QString& key, Need need) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && need == Need::Required)
            fail(at, QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                 "the field \"%1\" is missing")
                         .arg(key));
        return v;
    }
    QJsonArray arrayOf(const QJsonObject& o, const Path& at, const QString& key) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            wrongType(
                at / key,
                QCoreApplication::translate("chronomap::ChronomapJsonReader", "an array, [...]"),
                v);
        return v.toArray();
    }
    QJsonObject objectAt(const QJsonValue& v, const Path& at) const
    {
        if (!v.isObject())
            wrongType(
                at,
                QCoreApplication::translate("chronomap::ChronomapJsonReader", "an object, {...}"),
                v);
        return v.toObject();
    }
    QString text(const QJsonObject& o, const Path& at, const QString& key,
                 Need need = Need::Optional) const
    {
        const QJsonValue v = field(o, at, key, need);
        if (v.isUndefined())
            return QString();
        if (!v.isString())
            wrongType(at / key,
                      QCoreApplication::translate("chronomap::ChronomapJsonReader", "a string"), v);
        return v.toString();
    }
    qint64 integer(const QJsonObject& o, const Path& at, const QString& key, qint64 min, qint64 max,
                   qint64 byDefault, Need need = Need::Optional) const
    {
        const QJsonValue v = field(o, at, key, need);
        if (v.isUndefined())
            return byDefault;
        if (!v.isDouble())
            wrongType(
                at / key,
                QCoreApplication::translate("chronomap::ChronomapJsonReader", "a whole number"), v);
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d))
            fail(at / key, QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                       "expected a whole number, found %1")
                               .arg(d));
        if (d < double(min) || d > double(max))
            fail(at / key, QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                       "expected a number from %1 to %2, found %3")
                               .arg(min)
                               .arg(max)
                               .arg(d));
        return v.toInteger(qint64(d));
    }
    Id id(const QJsonObject& o, const Path& at, const QString& key, Need need) const
    {
        return integer(o, at, key, 1, kMaxId, 0, need);
    }
    double number(const QJsonObject& o, const Path& at, const QString& key, double byDefault) const
    {
        const QJsonValue v = field(o, at, key, Need::Optional);
        if (v.isUndefined())
            return byDefault;
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            wrongType(at / key,
                      QCoreApplication::translate("chronomap::ChronomapJsonReader", "a number"), v);
        return v.toDouble();
    }
    bool boolean(const QJsonObject& o, const Path& at, const QString& key, bool byDefault) const
    {
        const QJsonValue v = field(o, at, key, Need::Optional);
        if (v.isUndefined())
            return byDefault;
        if (!v.isBool())
            wrongType(
                at / key,
                QCoreApplication::translate("chronomap::ChronomapJsonReader", "true or false"), v);
        return v.toBool();
    }
    // Absent or empty: an invalid date, allowed only when the date is optional.
    PartialDate date(const QJsonObject& o, const Path& at, const QString& key, Need need) const
    {
        const QString t = text(o, at, key, need);
        if (t.isEmpty()) {
            if (need == Need::Required)
                fail(at / key,
                     QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                 "expected an EDTF date such as \"2025-10\", found "
                                                 "an empty string"));
            return PartialDate();
        }
        QString why;
        const PartialDate d = PartialDate::fromEdtf(t, &why);
        if (!d.isValid())
            fail(at / key,
                 QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                             "expected an EDTF date such as \"2025-10\" or "
                                             "\"2025?-10-21/2025?-10-31\": %1")
                     .arg(why));
        return d;
    }
    QColor color(const QJsonObject& o, const Path& at, const QString& key) const
    {
        const QString t = text(o, at, key);
        if (t.isEmpty())
            return QColor();
        const QColor c = QColor::fromString(t);
        if (!c.isValid())
            fail(at / key,
                 QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                             "expected a colour such as \"#0072b2\", found \"%1\"")
                     .arg(t));
        return c;
    }
    template <typename E>
    E named(const QJsonObject& o, const Path& at, const QString& key, E byDefault,
            std::optional<E> (*fromName)(const QString&), const QString& choices) const
    {
        const QJsonValue v = field(o, at, key, Need::Optional);
        if (v.isUndefined())
            return byDefault;
        if (!v.isString())
            wrongType(at / key,
                      QCoreApplication::translate("chronomap::ChronomapJsonReader", "one of %1")
                          .arg(choices),
                      v);
        const std::optional<E> e = fromName(v.toString());
        if (!e)
            fail(at / key, QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                       "expected one of %1, found \"%2\"")
                               .arg(choices, v.toString()));
        return *e;
    }
    // A new id for the table: positive, unique in the file.
    Id uniqueId(const QJsonObject& o, const Path& at, QSet<Id>& seen) const
    {
        const Id i = id(o, at, QStringLiteral("id"), Need::Required);
        if (seen.contains(i))
            fail(at / QStringLiteral("id"),
                 QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                             "the id %1 is used twice")
                     .arg(i));
        seen.insert(i);
        return i;
    }
    // A reference to an id the file defines.
    Id reference(const QJsonObject& o, const Path& at, const QString& key, const QSet<Id>& ids,
                 const QString& table, Need need) const
    {
        const Id i = id(o, at, key, need);
        if (i && !ids.contains(i))
            fail(at / key,
                 QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                             "expected the id of one of the file's %1, found %2, "
                                             "which is not among them")
                     .arg(table)
                     .arg(i));
        return i;
    }
    // Citations and annotations point at exactly one of an event, an actor or a relation.
    EntityRef target(const QJsonObject& o, const Path& at) const
    {
        const std::pair<const char*, EntityKind> kinds[] = {{"event", EntityKind::Event},
                                                            {"actor", EntityKind::Actor},
                                                            {"relation", EntityKind::Relation}};
        EntityRef ref;
        int found = 0;
        for (const auto& [key, kind] : kinds) {
            const QString k = QLatin1String(key);
            if (!o.contains(k))
                continue;
            ++found;
            const QSet<Id>& ids = kind == EntityKind::Event   ? m_eventIds
                                  : kind == EntityKind::Actor ? m_actorIds
                                                              : m_relationIds;
            ref = EntityRef{kind, reference(o, at, k, ids, k + u's', Need::Required)};
        }
        if (found != 1)
            fail(at, QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                 "expected exactly one of \"event\", \"actor\" or "
                                                 "\"relation\", found %1")
                         .arg(found));
        return ref;
    }

    void readMeta(const QJsonObject& root, FileStory& out) const;
    void readCategories(const QJsonObject& root, FileStory& out);
    void readEras(const QJsonObject& root, FileStory& out) const;
    void readActors(const QJsonObject& root, FileStory& out);
    void readSources(const QJsonObject& root, FileStory& out);
    void readEvents(const QJsonObject& root, FileStory& out);
    void readRelations(const QJsonObject& root, FileStory& out);
    void readCitations(const QJsonObject& root, FileStory& out) const;
    void readAnnotations(const QJsonObject& root, FileStory& out);
    void readScenes(const QJsonObject& root, FileStory& out) const;
    void readChanges(const QJsonObject& root, FileStory& out) const;

    const QByteArray& m_bytes;
    QString m_fileName;
    QSet<Id> m_categoryIds, m_actorIds, m_sourceIds, m_eventIds, m_relationIds, m_annotationIds;
};

FileStory Reader::read(const QJsonObject& root)
{
    const Path top;
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != QLatin1String("chronomap"))
        fail(top / QStringLiteral("format"),
             format.isUndefined()
                 ? QCoreApplication::translate(
                       "chronomap::ChronomapJsonReader",
                       "the field \"format\" is missing: expected \"format\": "
                       "\"chronomap\" (is this a Chronomap JSON file?)")
                 : QCoreApplication::translate(
                       "chronomap::ChronomapJsonReader",
                       "expected \"chronomap\", found %1 (is this a Chronomap JSON "
                       "file?)")
                       .arg(format.isString() ? QString(u'"' + format.toString() + u'"')
                                              : typeName(format)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.isDouble() && version.toDouble() > kChronomapJsonVersion)
        fail(top / QStringLiteral("version"),
             QCoreApplication::translate(
                 "chronomap::ChronomapJsonReader",
                 "this file was written by a newer Chronomap (format version %1; "
                 "this program reads version %2); update Chronomap to import it")
                 .arg(version.toDouble())
                 .arg(kChronomapJsonVersion));
    integer(root, top, QStringLiteral("version"), 1, kChronomapJsonVersion, 0, Need::Required);

    FileStory out;
    readMeta(root, out);
    // Tables in the order their references need: a table only points at tables read before it.
    readCategories(root, out);
    readEras(root, out);
    readActors(root, out);
    readSources(root, out);
    readEvents(root, out);
    readRelations(root, out);
    readCitations(root, out);
    readAnnotations(root, out);
    readScenes(root, out);
    readChanges(root, out);
    return out;
}

void Reader::readMeta(const QJsonObject& root, FileStory& out) const
{
    const Path at = Path() / QStringLiteral("story");
    const QJsonValue v = root.value(QStringLiteral("story"));
    if (v.isUndefined())
        return;
    const QJsonObject story = objectAt(v, at);
    for (auto it = story.begin(); it != story.end(); ++it) {
        if (!it.value().isString())
            wrongType(at / it.key(),
                      QCoreApplication::translate("chronomap::ChronomapJsonReader", "a string"),
                      it.value());
        out.meta.append({it.key(), it.value().toString()});
    }
}

void Reader::readCategories(const QJsonObject& root, FileStory& out)
{
    const QString section = QStringLiteral("categories");
    const QJsonArray list = arrayOf(root, Path(), section);
    QSet<QString> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Category c;
        c.id = uniqueId(o, at, m_categoryIds);
        c.name = text(o, at, QStringLiteral("name"), Need::Required);
        // Names are unique in a story: the timeline's lanes are labelled by them.
        if (names.contains(c.name))
            fail(at / QStringLiteral("name"),
                 QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                             "the category \"%1\" is defined twice")
                     .arg(c.name));
        names.insert(c.name);
        c.color = color(o, at, QStringLiteral("color"));
        c.position = int(integer(o, at, QStringLiteral("position"), INT_MIN, INT_MAX, 0));
        out.categories.append(c);
    }
}

void Reader::readEras(const QJsonObject& root, FileStory& out) const
{
    const QString section = QStringLiteral("eras");
    const QJsonArray list = arrayOf(root, Path(), section);
    QSet<Id> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Era e;
        e.id = uniqueId(o, at, ids);
        e.title = text(o, at, QStringLiteral("title"), Need::Required);
        e.date = date(o, at, QStringLiteral("date"), Need::Required);
        e.color = color(o, at, QStringLiteral("color"));
        out.eras.append(e);
    }
}

void Reader::readActors(const QJsonObject& root, FileStory& out)
{
    const QString section = QStringLiteral("actors");
    const QJsonArray list = arrayOf(root, Path(), section);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Actor a;
        a.id = uniqueId(o, at, m_actorIds);
        a.name = text(o, at, QStringLiteral("name"), Need::Required);
        a.kind = named<ActorKind>(
            o, at, QStringLiteral("kind"), ActorKind::Person, actorKindFromName,
            QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                        "\"person\", \"organization\", \"state\" or "
                                        "\"group\""));
        a.role = text(o, at, QStringLiteral("role"));
        a.description = text(o, at, QStringLiteral("description"));
        a.color = color(o, at, QStringLiteral("color"));
        const QString pinnedKey = QStringLiteral("pinned");
        if (o.contains(pinnedKey)) {
            const QJsonArray xy = arrayOf(o, at, pinnedKey);
            if (xy.size() != 2 || !xy.at(0).isDouble() || !xy.at(1).isDouble() ||
                !std::isfinite(xy.at(0).toDouble()) || !std::isfinite(xy.at(1).toDouble()))
                fail(at / pinnedKey, QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                                 "expected two numbers, [x, y]"));
            a.pinnedX = xy.at(0).toDouble();
            a.pinnedY = xy.at(1).toDouble();
        }
        out.actors.append(a);
    }
}

void Reader::readSources(const QJsonObject& root, FileStory& out)
{
    const QString section = QStringLiteral("sources");
    const QJsonArray list = arrayOf(root, Path(), section);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Source s;
        s.id = uniqueId(o, at, m_sourceIds);
        s.title = text(o, at, QStringLiteral("title"), Need::Required);
        s.publisher = text(o, at, QStringLiteral("publisher"));
        s.url = text(o, at, QStringLiteral("url"));
        // Free text in the story (an editor may write "n.d."), so not held to EDTF here:
        // refusing it would make an exported story impossible to import again.
        s.date = text(o, at, QStringLiteral("date"));
        s.retrieved = text(o, at, QStringLiteral("retrieved"));
        s.text = text(o, at, QStringLiteral("text"));
        out.sources.append(s);
    }
}

void Reader::readEvents(const QJsonObject& root, FileStory& out)
{
    const QString section = QStringLiteral("events");
    const QJsonArray list = arrayOf(root, Path(), section);
    out.events.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Event e;
        e.id = uniqueId(o, at, m_eventIds);
        e.title = text(o, at, QStringLiteral("title"), Need::Required);
        e.summary = text(o, at, QStringLiteral("summary"));
        e.date = date(o, at, QStringLiteral("date"), Need::Required);
        e.displayDate = text(o, at, QStringLiteral("display_date"));
        e.categoryId = reference(o, at, QStringLiteral("category"), m_categoryIds,
                                 QStringLiteral("categories"), Need::Optional);
        const QString tagsKey = QStringLiteral("tags");
        const QJsonArray tags = arrayOf(o, at, tagsKey);
        QSet<QString> tagSeen; // a list's contains() would make many tags quadratic
        for (qsizetype t = 0; t < tags.size(); ++t) {
            if (!tags.at(t).isString())
                wrongType(at / tagsKey / t,
                          QCoreApplication::translate("chronomap::ChronomapJsonReader", "a string"),
                          tags.at(t));
            // A tag listed twice means the same as once; the story stores each tag once.
            const QString tag = tags.at(t).toString();
            if (!tagSeen.contains(tag)) {
                tagSeen.insert(tag);
                e.tags.append(tag);
            }
        }
        e.importance = int(integer(o, at, QStringLiteral("importance"), 0, 5, 0));
        e.location = text(o, at, QStringLiteral("location"));
        e.status = named<Verification>(
            o, at, QStringLiteral("status"), Verification::Draft, verificationFromName,
            QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                        "\"draft\", \"confirmed\", \"disputed\" "
                                        "or \"cleared\""));
        e.uid = text(o, at, QStringLiteral("uid"));
        const QString actorsKey = QStringLiteral("actors");
        const QJsonArray actors = arrayOf(o, at, actorsKey);
        QSet<Id> seen;
        for (qsizetype p = 0; p < actors.size(); ++p) {
            const Path pat = at / actorsKey / p;
            const QJsonObject po = objectAt(actors.at(p), pat);
            Participation part;
            part.actorId = reference(po, pat, QStringLiteral("actor"), m_actorIds,
                                     QStringLiteral("actors"), Need::Required);
            if (seen.contains(part.actorId))
                fail(pat / QStringLiteral("actor"),
                     QCoreApplication::translate(
                         "chronomap::ChronomapJsonReader",
                         "the actor %1 is listed twice in this event; give one entry "
                         "with both roles")
                         .arg(part.actorId));
            seen.insert(part.actorId);
            part.role = text(po, pat, QStringLiteral("role"));
            e.actors.append(part);
        }
        out.events.append(e);
    }
}

void Reader::readRelations(const QJsonObject& root, FileStory& out)
{
    const QString section = QStringLiteral("relations");
    const QJsonArray list = arrayOf(root, Path(), section);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Relation r;
        r.id = uniqueId(o, at, m_relationIds);
        r.sourceId = reference(o, at, QStringLiteral("source"), m_actorIds,
                               QStringLiteral("actors"), Need::Required);
        r.targetId = reference(o, at, QStringLiteral("target"), m_actorIds,
                               QStringLiteral("actors"), Need::Required);
        r.type = text(o, at, QStringLiteral("type"));
        r.directed = boolean(o, at, QStringLiteral("directed"), true);
        r.valid = date(o, at, QStringLiteral("date"), Need::Optional);
        r.weight = number(o, at, QStringLiteral("weight"), 1.0);
        r.status = named<Verification>(
            o, at, QStringLiteral("status"), Verification::Draft, verificationFromName,
            QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                        "\"draft\", \"confirmed\", \"disputed\" "
                                        "or \"cleared\""));
        r.description = text(o, at, QStringLiteral("description"));
        out.relations.append(r);
    }
}

void Reader::readCitations(const QJsonObject& root, FileStory& out) const
{
    const QString section = QStringLiteral("citations");
    const QJsonArray list = arrayOf(root, Path(), section);
    QSet<Id> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Citation c;
        c.id = uniqueId(o, at, ids);
        c.sourceId = reference(o, at, QStringLiteral("source"), m_sourceIds,
                               QStringLiteral("sources"), Need::Required);
        c.target = target(o, at);
        c.quote = text(o, at, QStringLiteral("quote"));
        c.locator = text(o, at, QStringLiteral("locator"));
        out.citations.append(c);
    }
}

void Reader::readAnnotations(const QJsonObject& root, FileStory& out)
{
    const QString section = QStringLiteral("annotations");
    const QJsonArray list = arrayOf(root, Path(), section);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Annotation a;
        a.id = uniqueId(o, at, m_annotationIds);
        a.target = target(o, at);
        a.parentId = id(o, at, QStringLiteral("parent"), Need::Optional);
        a.author = text(o, at, QStringLiteral("author"));
        a.body = text(o, at, QStringLiteral("body"), Need::Required);
        a.created = text(o, at, QStringLiteral("created"));
        a.resolved = boolean(o, at, QStringLiteral("resolved"), false);
        out.annotations.append(a);
    }
    // Replies point at notes of the file; a thread must lead back to its first note.
    QHash<Id, Id> parentOf;
    for (const Annotation& a : std::as_const(out.annotations))
        parentOf.insert(a.id, a.parentId);
    QSet<Id> leadsToFirst, onPath;
    for (qsizetype i = 0; i < out.annotations.size(); ++i) {
        const Annotation& a = out.annotations.at(i);
        const Path at = Path() / section / i / QStringLiteral("parent");
        if (a.parentId && !m_annotationIds.contains(a.parentId))
            fail(at, QCoreApplication::translate(
                         "chronomap::ChronomapJsonReader",
                         "expected the id of one of the file's annotations, found "
                         "%1, which is not among them")
                         .arg(a.parentId));
        // Up the thread to a note known to lead to a first note (each note is walked once, so
        // this is linear however deep the threads are).
        QList<Id> path;
        for (Id p = a.id; p && !leadsToFirst.contains(p); p = parentOf.value(p)) {
            if (onPath.contains(p))
                fail(at, QCoreApplication::translate(
                             "chronomap::ChronomapJsonReader",
                             "the replies form a loop; a thread must start with a "
                             "note that has no parent"));
            onPath.insert(p);
            path.append(p);
        }
        for (Id p : std::as_const(path)) {
            onPath.remove(p);
            leadsToFirst.insert(p);
        }
    }
}

void Reader::readScenes(const QJsonObject& root, FileStory& out) const
{
    const QString section = QStringLiteral("scenes");
    const QJsonArray list = arrayOf(root, Path(), section);
    QSet<Id> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        Scene s;
        s.id = uniqueId(o, at, ids);
        s.name = text(o, at, QStringLiteral("name"), Need::Required);
        s.position = int(integer(o, at, QStringLiteral("position"), INT_MIN, INT_MAX, 0));
        s.caption = text(o, at, QStringLiteral("caption"));
        const QJsonValue state = o.value(QStringLiteral("state"));
        if (state.isUndefined())
            s.state = QStringLiteral("{}");
        else if (state.isObject())
            s.state =
                QString::fromUtf8(QJsonDocument(state.toObject()).toJson(QJsonDocument::Compact));
        else if (state.isString()) // a state that was not a JSON object, kept as it was
            s.state = state.toString();
        else
            wrongType(
                at / QStringLiteral("state"),
                QCoreApplication::translate("chronomap::ChronomapJsonReader", "an object, {...}"),
                state);
        out.scenes.append(s);
    }
}

void Reader::readChanges(const QJsonObject& root, FileStory& out) const
{
    const QString section = QStringLiteral("changes");
    const QJsonArray list = arrayOf(root, Path(), section);
    QSet<Id> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = Path() / section / i;
        const QJsonObject o = objectAt(list.at(i), at);
        ChangeRecord c;
        c.id = uniqueId(o, at, ids);
        c.at = text(o, at, QStringLiteral("at"));
        c.author = text(o, at, QStringLiteral("author"));
        c.action = text(o, at, QStringLiteral("action"), Need::Required);
        c.target.kind = named<EntityKind>(
            o, at, QStringLiteral("entity"), EntityKind::Event, entityKindFromName,
            QCoreApplication::translate(
                "chronomap::ChronomapJsonReader",
                "\"event\", \"actor\", \"relation\", \"source\" or \"annotation\""));
        // The audit log outlives its entries: a deleted entry's id is history, not a link.
        c.target.id = integer(o, at, QStringLiteral("entity_id"), 0, kMaxId, 0);
        c.before = text(o, at, QStringLiteral("before"));
        c.after = text(o, at, QStringLiteral("after"));
        out.changes.append(c);
    }
}

// Annotations in an order where every parent comes before its replies (the foreign key is
// checked at once), keeping the file's order otherwise.
QList<Annotation> parentsFirst(const QList<Annotation>& list)
{
    QHash<Id, QList<qsizetype>> replies;
    QList<qsizetype> queue;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).parentId)
            replies[list.at(i).parentId].append(i);
        else
            queue.append(i);
    }
    QList<Annotation> out;
    out.reserve(list.size());
    for (qsizetype q = 0; q < queue.size(); ++q) {
        const Annotation& a = list.at(queue.at(q));
        out.append(a);
        queue.append(replies.value(a.id));
    }
    return out;
}

// An empty story takes the file's ids, so export → import → export gives the same bytes;
// a story with content gets new ids for everything and the references follow.
bool takesFileIds(const Store& store)
{
    const StoryCounts c = store.counts();
    return c.events == 0 && c.actors == 0 && c.relations == 0 && c.sources == 0 &&
           c.citations == 0 && c.annotations == 0 && c.categories == 0 && c.tags == 0 &&
           c.eras == 0 && c.scenes == 0 && c.changes == 0;
}

FileStory readFile(const QByteArray& input, const QString& fileName)
{
    QByteArray json;
    const QJsonDocument doc = parseJsonGuarded(input, fileName, &json);
    if (!doc.isObject())
        throw StoreError(
            located(fileName, json, 0,
                    QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                                "expected an object, {\"format\": \"chronomap\", "
                                                "...}, at the top of the file")));
    return Reader(json, fileName).read(doc.object());
}

qint64 writeStory(Store& store, const FileStory& file, const QString& fileName,
                  const ImportProgress& progress)
{
    qint64 matched = 0;
    const bool keepIds = takesFileIds(store);
    // Progress over the rows that take time; a cancel throws and the transaction rolls back.
    const qsizetype total = file.events.size() + file.relations.size() + file.citations.size() +
                            file.annotations.size() + file.changes.size();
    qsizetype done = 0;
    auto step = [&] {
        if (progress && (done++ & 255) == 0 && !progress(total ? double(done) / double(total) : 1))
            throw StoreError(
                QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                            "%1: the import was cancelled; nothing was changed")
                    .arg(fileName));
    };
    QHash<Id, Id> categories, actors, sources, events, relations, annotations;
    auto mapped = [keepIds](const QHash<Id, Id>& map, Id id) {
        return keepIds || id == 0 ? id : map.value(id);
    };
    auto fileId = [keepIds](Id id) { return keepIds ? id : Id(0); };
    // Kept ids need no table from old to new: a million events would fill one for nothing.
    auto remember = [keepIds](QHash<Id, Id>& map, Id from, Id to) {
        if (!keepIds)
            map.insert(from, to);
    };

    // An empty story (a fresh file) takes the file's title and credits; a story we merge
    // into keeps its own and gains only what it lacks.
    for (const auto& [key, value] : file.meta)
        if (keepIds || store.meta(key).isEmpty())
            store.setMeta(key, value);

    QHash<QString, Id> categoryByName;
    if (!keepIds)
        for (const Category& existing : store.categories())
            categoryByName.insert(existing.name, existing.id);
    for (Category x : file.categories) {
        const Id from = x.id;
        // Category names are unique: merging a story with the same lanes reuses them.
        if (const auto it = categoryByName.constFind(x.name); it != categoryByName.constEnd()) {
            remember(categories, from, *it);
            continue;
        }
        x.id = fileId(from);
        remember(categories, from, store.insertCategory(x));
    }
    for (Era x : file.eras) {
        x.id = fileId(x.id);
        store.insertEra(x);
    }
    // Actors by name, as every importer matches them: merging a story that also has "Steve
    // Witkoff" gives one Witkoff, who gains what he lacked. The file's own actors are not
    // matched with each other: the file is taken as it is.
    QHash<QString, Actor> actorByName;
    if (!keepIds)
        for (const Actor& existing : store.actors())
            actorByName.insert(actorNameKey(existing.name), existing);
    for (Actor x : file.actors) {
        const Id from = x.id;
        if (const auto it = actorByName.constFind(actorNameKey(x.name));
            it != actorByName.constEnd()) {
            const Actor merged = mergedActor(*it, x);
            if (!(merged == *it))
                store.updateActor(merged);
            remember(actors, from, merged.id);
            ++matched;
            continue;
        }
        x.id = fileId(from);
        remember(actors, from, store.insertActor(x));
    }
    for (Source x : file.sources) {
        const Id from = x.id;
        x.id = fileId(from);
        remember(sources, from, store.insertSource(x));
    }
    for (Event x : file.events) {
        step();
        const Id from = x.id;
        x.id = fileId(from);
        x.categoryId = mapped(categories, x.categoryId);
        for (Participation& p : x.actors)
            p.actorId = mapped(actors, p.actorId);
        remember(events, from, store.insertEvent(x));
    }
    for (Relation x : file.relations) {
        step();
        const Id from = x.id;
        x.id = fileId(from);
        x.sourceId = mapped(actors, x.sourceId);
        x.targetId = mapped(actors, x.targetId);
        remember(relations, from, store.insertRelation(x));
    }
    auto mapTarget = [&](EntityRef ref) {
        switch (ref.kind) {
        case EntityKind::Event:
            return EntityRef{ref.kind, mapped(events, ref.id)};
        case EntityKind::Actor:
            return EntityRef{ref.kind, mapped(actors, ref.id)};
        case EntityKind::Relation:
            return EntityRef{ref.kind, mapped(relations, ref.id)};
        case EntityKind::Source:
            return EntityRef{ref.kind, mapped(sources, ref.id)};
        case EntityKind::Annotation:
            return EntityRef{ref.kind, mapped(annotations, ref.id)};
        case EntityKind::Scene:
            break;
        }
        return ref;
    };
    for (Citation x : file.citations) {
        step();
        x.id = fileId(x.id);
        x.sourceId = mapped(sources, x.sourceId);
        x.target = mapTarget(x.target);
        store.insertCitation(x);
    }
    for (Annotation x : parentsFirst(file.annotations)) {
        step();
        const Id from = x.id;
        x.id = fileId(from);
        x.target = mapTarget(x.target);
        x.parentId = mapped(annotations, x.parentId);
        remember(annotations, from, store.insertAnnotation(x));
    }
    for (Scene x : file.scenes) {
        x.id = fileId(x.id);
        store.insertScene(x);
    }
    for (ChangeRecord x : file.changes) {
        step();
        x.id = fileId(x.id);
        // Lines about entries of the file follow them to their new ids; lines about entries
        // deleted before the export would name an unrelated entry here, so they name none.
        x.target = mapTarget(x.target);
        store.logChange(x);
    }
    return matched;
}

} // namespace

qint64 readStoryJson(Store& store, const QByteArray& input, const QString& fileName,
                     const ImportProgress& progress)
{
    const FileStory file = readFile(input, fileName);
    Store::Transaction tx(store);
    const qint64 matched = writeStory(store, file, fileName, progress);
    if (progress && !progress(1.0))
        throw StoreError(
            QCoreApplication::translate("chronomap::ChronomapJsonReader",
                                        "%1: the import was cancelled; nothing was changed")
                .arg(fileName));
    tx.commit();
    return matched;
}

ImportBatch storyJsonAsBatch(const QByteArray& input, const QString& fileName)
{
    const FileStory file = readFile(input, fileName);
    ImportBatch b;
    for (const auto& [key, value] : file.meta) {
        if (key == QLatin1String("title"))
            b.title = value;
        else if (key == QLatin1String("description"))
            b.description = value;
    }
    QHash<Id, Id> categories, actors;
    for (const Category& c : file.categories) {
        b.categories.append(c.name);
        categories.insert(c.id, b.categories.size());
    }
    b.eras = file.eras;
    for (const Actor& a : file.actors) {
        b.actors.append(a);
        actors.insert(a.id, b.actors.size());
    }
    for (Event e : file.events) {
        e.categoryId = categories.value(e.categoryId, 0);
        for (Participation& p : e.actors)
            p.actorId = actors.value(p.actorId, 0);
        b.events.append(e);
    }
    for (Relation r : file.relations) {
        r.sourceId = actors.value(r.sourceId, 0);
        r.targetId = actors.value(r.targetId, 0);
        b.relations.append(r);
    }
    return b;
}

ImportSummary previewStoryJson(const Store& store, const ImportBatch& file)
{
    // What writeStory does: an empty story takes everything as it is; a story with content
    // reuses categories of the same name and matches actors by name.
    ImportSummary s;
    const bool keepIds = takesFileIds(store);
    QSet<QString> categories, actors;
    if (!keepIds) {
        for (const Category& c : store.categories())
            categories.insert(c.name);
        for (const Actor& a : store.actors())
            actors.insert(actorNameKey(a.name));
    }
    for (const QString& c : file.categories)
        if (!categories.contains(c))
            ++s.newCategories;
    for (const Actor& a : file.actors)
        ++(actors.contains(actorNameKey(a.name)) ? s.matchedActors : s.newActors);
    s.newEvents = file.events.size();
    s.newRelations = file.relations.size();
    s.newEras = file.eras.size();
    s.titleSet =
        !file.title.isEmpty() && (keepIds || store.meta(QStringLiteral("title")).isEmpty());
    return s;
}

} // namespace chronomap
