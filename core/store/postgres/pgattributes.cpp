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
    for (const Attribute& a : list)
        out.append(QJsonArray{a.name, int(a.type), a.value});
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
        if (a.size() != 3)
            continue;
        out.append(Attribute{a.at(0).toString(), AttributeType(a.at(1).toInt() % 6),
                             a.at(2).toString()});
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

} // namespace chronomap
