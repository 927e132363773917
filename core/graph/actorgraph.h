#pragma once

#include "model/entities.h"

#include <QHash>
#include <QPointF>

#include <optional>
#include <vector>

namespace chronomap {

// True if a relation dated `valid` holds at some moment of the window [from, to]: an undated
// relation always holds; a dated one holds if its [earliest, latest] overlaps the window, an
// open end or start reaching as far as it may.
bool relationValidIn(const PartialDate& valid, qint64 from, qint64 to);

// The actors and relations of a story in the form layout and analysis take: nodes are the
// actors in id order and edges the relations in id order, so one story always gives the same
// graph and (seeded) the same picture. Plain data: it is copied to the worker thread.
struct ActorGraph
{
    struct Edge
    {
        int from = 0, to = 0; // node indices
        double weight = 1.0;
        bool directed = true;
    };

    std::vector<Id> nodeIds;                    // ascending
    std::vector<std::optional<QPointF>> pinned; // per node: where the user pinned it
    std::vector<std::optional<QPointF>> given;  // per node: where a file placed it (no pin)
    std::vector<Edge> edges;                    // per relation, in relation id order
    std::vector<Id> relationIds;                // per edge
    std::vector<PartialDate> validity;          // per edge
    QHash<Id, int> indexOf;                     // actor id -> node

    // `actors` and `relations` in any order; relations whose ends are missing are skipped.
    static ActorGraph build(QList<Actor> actors, QList<Relation> relations);

    int nodeCount() const { return int(nodeIds.size()); }
    int edgeCount() const { return int(edges.size()); }
    bool hasGivenPositions() const;
    // One flag per edge: 1 if the relation holds in [from, to]. from >= to: every edge.
    std::vector<char> edgesValidIn(qint64 from, qint64 to) const;
    // Nodes within `steps` relations of `centre` over the edges in `mask` (centre included).
    std::vector<char> neighbourhood(int centre, int steps, const std::vector<char>& mask) const;
};

} // namespace chronomap
