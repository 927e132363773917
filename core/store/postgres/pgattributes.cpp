// PgStore: the typed attributes' text column and the origins of imported entries (story
// format 2, issue 14).
#include "pgattributes.h"
#include "pgstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace chronomap {

namespace pgattributes {

QString encode(const Attributes& list)
{
    if (list.isEmpty())
        return {};
    QJsonArray out;
    for (const Attribute& a : list) {
        QJsonArray item{a.name, int(a.type), a.value};
        // A timed attribute's values: a fourth item, [[start, end, value], ...].
        if (a.isTimed())
            item.append(QJsonDocument::fromJson(spellsToJson(a.spells).toUtf8()).array());
        out.append(item);
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

Attributes decode(const QString& text)
{
    Attributes out;
    if (text.isEmpty())
        return out;
    const QJsonArray all = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& v : all) {
        const QJsonArray a = v.toArray();
        if (a.size() != 3 && a.size() != 4)
            continue;
        Attribute attribute{a.at(0).toString(), AttributeType(a.at(1).toInt() % 6),
                            a.at(2).toString()};
        if (a.size() == 4)
            if (const auto spells = spellsFromJson(QString::fromUtf8(
                    QJsonDocument(a.at(3).toArray()).toJson(QJsonDocument::Compact))))
                attribute.spells = *spells;
        out.append(attribute);
    }
    return out;
}

} // namespace pgattributes

QHash<QString, Store::OriginRow> PgStore::origins(EntityKind kind, const QString& format) const
{
    QHash<QString, OriginRow> out;
    const PgResult r = exec("SELECT key, entity_id, file_state, story_state FROM origins "
                            "WHERE story_id = $1 AND entity = $2 AND format = $3",
                            {story(), qint64(kind), format});
    for (int i = 0; i < r.rows(); ++i)
        out.insert(r.text(i, 0), OriginRow{r.i64(i, 1), r.text(i, 2), r.text(i, 3)});
    return out;
}

void PgStore::setOrigin(EntityKind kind, const QString& format, const QString& key,
                        const OriginRow& row)
{
    exec("INSERT INTO origins(story_id, entity, format, key, entity_id, file_state, story_state) "
         "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (story_id, entity, format, key) DO "
         "UPDATE SET entity_id = excluded.entity_id, file_state = excluded.file_state, "
         "story_state = excluded.story_state",
         {story(), qint64(kind), format, key, qint64(row.id), row.fileState, row.storyState});
}

QList<Store::OriginEntry> PgStore::allOrigins() const
{
    QList<OriginEntry> out;
    const PgResult r =
        exec("SELECT entity, format, key, entity_id, file_state, story_state FROM origins "
             "WHERE story_id = $1 ORDER BY entity, format, key",
             {story()});
    for (int i = 0; i < r.rows(); ++i)
        out.append(OriginEntry{EntityKind(r.i64(i, 0)), r.text(i, 1), r.text(i, 2),
                               OriginRow{r.i64(i, 3), r.text(i, 4), r.text(i, 5)}});
    return out;
}

} // namespace chronomap
