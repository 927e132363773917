#pragma once

#include "importbatch.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

namespace chronomap {

// Helpers shared by the GEXF and GraphML readers and writers (internal to interchange).

// The ids a graph file uses for our actors and relations: "a12", "r7".
inline QString nodeIdOf(Id actor)
{
    return QStringLiteral("a%1").arg(actor);
}
inline QString edgeIdOf(Id relation)
{
    return QStringLiteral("r%1").arg(relation);
}

// An edge as a message names it: its id, else its ends ("a → b"), as the id is optional.
inline QString edgeName(const QString& id, const QString& source, const QString& target)
{
    return !id.isEmpty() ? id : source + QStringLiteral(" \u2192 ") + target;
}

// Where the map puts an actor, as graph files write it: the user's pin, else the place the
// file it came from gave (filePosition).
inline std::optional<QPointF> mapPlace(const Actor& a)
{
    return a.pinnedX && a.pinnedY ? std::optional(QPointF(*a.pinnedX, *a.pinnedY))
                                  : filePosition(a);
}

// The ISO day a relation's validity starts and ends ("" for open or no date): for spells.
QString spellStart(const PartialDate& d);
QString spellEnd(const PartialDate& d);
// A relation's date from spell bounds (ISO dates or date-times; either may be empty);
// empty `why` and an invalid date when both are empty.
PartialDate dateFromSpell(const QString& start, const QString& end, QString& why);

// A Gephi interval: "[2016-02-03, 2016-02-04]", "<[a, b]>" or "[a, Infinity]" (an infinite
// bound is empty); the first of a timeset, the rest in `rest`. False when it is none.
bool parseGephiInterval(const QString& text, QString& start, QString& end, QString& rest);

// Collects nodes and edges into a batch: node ids unique, edges only between known nodes.
// The file's ids become the batch's keys (ImportBatch::actorKeys, relationKeys): a node is
// known by its id, never by its label.
class GraphBuilder
{
public:
    explicit GraphBuilder(const QString& origin = {}) { m_batch.origin = origin; }
    // Returns false when the id is already used.
    bool addNode(const QString& fileId, Actor actor);
    bool hasNode(const QString& fileId) const { return m_nodes.contains(fileId); }
    // The batch id of a node; 0 if unknown.
    Id node(const QString& fileId) const { return m_nodes.value(fileId, 0); }
    Actor& actor(const QString& fileId) { return m_batch.actors[m_nodes.value(fileId) - 1]; }
    // An edge with the file's id (empty: none; the import keys it by its ends).
    void addRelation(const Relation& r, const QString& fileId = {});
    ImportBatch& batch() { return m_batch; }

private:
    ImportBatch m_batch;
    QHash<QString, Id> m_nodes;
    QSet<QString> m_edgeIds;
};

// Attributes Chronomap has no field for, kept at the end of the description ("title: value").
void appendExtra(QString& description, const QString& title, const QString& value);

// The names of the custom attributes of a list of entries, in order of first appearance, and
// the type each has (the first entry's that has it).
template <typename T>
QList<std::pair<QString, AttributeType>> attributeColumns(const QList<T>& entries)
{
    QList<std::pair<QString, AttributeType>> out;
    QSet<QString> seen;
    for (const T& e : entries)
        for (const Attribute& a : e.attributes)
            if (!seen.contains(a.name)) {
                seen.insert(a.name);
                out.append({a.name, a.type});
            }
    return out;
}
template <typename T>
QStringList attributeNames(const QList<T>& entries)
{
    QStringList out;
    for (const auto& [name, type] : attributeColumns(entries))
        out << name;
    return out;
}

// The names of the attributes that are timed in any of the entries: GEXF declares them apart,
// in <attributes mode="dynamic">; GraphML gives them a companion key (graphml.cpp).
template <typename T>
QSet<QString> timedNames(const QList<T>& entries)
{
    QSet<QString> out;
    for (const T& e : entries)
        for (const Attribute& a : e.attributes)
            if (a.isTimed())
                out.insert(a.name);
    return out;
}

// The id a spreadsheet names an actor by: its name where no other actor has it, else "a12".
// Node tables and edge tables use the same ids, so a pair of them reads back as one graph.
QHash<Id, QString> csvNodeIds(const QList<Actor>& actors);

// A spreadsheet column of a typed attribute: "Modularity Class:integer" (strings as the bare
// name), and back: the name and the type name ("" when the header names none).
QString typedHeaderText(const QString& name, AttributeType type);
std::pair<QString, QString> typedHeader(const QString& header);

// The type names GEXF and GraphML declare for our attribute types.
QString gexfTypeName(AttributeType t);
QString graphMlTypeName(AttributeType t);

} // namespace chronomap
