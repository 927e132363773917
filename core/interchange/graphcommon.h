#pragma once

#include "importbatch.h"

#include <QHash>
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

// The ISO day a relation's validity starts and ends ("" for open or no date): for spells.
QString spellStart(const PartialDate& d);
QString spellEnd(const PartialDate& d);
// A relation's date from spell bounds (ISO dates or date-times; either may be empty);
// empty `why` and an invalid date when both are empty.
PartialDate dateFromSpell(const QString& start, const QString& end, QString& why);

// Collects nodes and edges into a batch: node ids unique, edges only between known nodes.
class GraphBuilder
{
public:
    // Returns false when the id is already used.
    bool addNode(const QString& fileId, Actor actor);
    bool hasNode(const QString& fileId) const { return m_nodes.contains(fileId); }
    // The batch id of a node; 0 if unknown.
    Id node(const QString& fileId) const { return m_nodes.value(fileId, 0); }
    Actor& actor(const QString& fileId) { return m_batch.actors[m_nodes.value(fileId) - 1]; }
    void addRelation(const Relation& r) { m_batch.relations.append(r); }
    ImportBatch& batch() { return m_batch; }

private:
    ImportBatch m_batch;
    QHash<QString, Id> m_nodes;
};

// Attributes Chronomap has no field for, kept at the end of the description ("title: value").
void appendExtra(QString& description, const QString& title, const QString& value);

} // namespace chronomap
