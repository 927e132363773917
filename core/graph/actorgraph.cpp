#include "actorgraph.h"

#include <algorithm>

namespace chronomap {

bool relationValidIn(const PartialDate& valid, qint64 from, qint64 to)
{
    if (!valid.isValid())
        return true;
    // An open end ("2025-01/..") is a relation that still holds; an open start one that held
    // since before anyone wrote it down.
    const bool openStart = valid.flags() & DateFlag::OpenStart;
    const bool openEnd = valid.flags() & DateFlag::OpenEnd;
    return (openStart || valid.earliest() <= to) && (openEnd || valid.latest() >= from);
}

ActorGraph ActorGraph::build(QList<Actor> actors, QList<Relation> relations)
{
    std::sort(actors.begin(), actors.end(),
              [](const Actor& a, const Actor& b) { return a.id < b.id; });
    std::sort(relations.begin(), relations.end(),
              [](const Relation& a, const Relation& b) { return a.id < b.id; });
    ActorGraph g;
    g.nodeIds.reserve(std::size_t(actors.size()));
    g.pinned.reserve(std::size_t(actors.size()));
    g.given.reserve(std::size_t(actors.size()));
    g.indexOf.reserve(actors.size());
    for (const Actor& a : std::as_const(actors)) {
        g.indexOf.insert(a.id, int(g.nodeIds.size()));
        g.nodeIds.push_back(a.id);
        if (a.pinnedX && a.pinnedY)
            g.pinned.emplace_back(QPointF(*a.pinnedX, *a.pinnedY));
        else
            g.pinned.emplace_back(std::nullopt);
        g.given.push_back(filePosition(a));
    }
    g.edges.reserve(std::size_t(relations.size()));
    for (const Relation& r : std::as_const(relations)) {
        const auto s = g.indexOf.constFind(r.sourceId);
        const auto t = g.indexOf.constFind(r.targetId);
        if (s == g.indexOf.constEnd() || t == g.indexOf.constEnd())
            continue;
        g.edges.push_back(Edge{*s, *t, r.weight > 0 ? r.weight : 1.0, r.directed});
        g.relationIds.push_back(r.id);
        g.validity.push_back(r.valid);
    }
    return g;
}

bool ActorGraph::hasGivenPositions() const
{
    return std::any_of(given.begin(), given.end(), [](const auto& p) { return p.has_value(); });
}

std::vector<char> ActorGraph::edgesValidIn(qint64 from, qint64 to) const
{
    std::vector<char> mask(edges.size(), 1);
    if (from >= to)
        return mask;
    for (std::size_t i = 0; i < edges.size(); ++i)
        mask[i] = relationValidIn(validity[i], from, to) ? 1 : 0;
    return mask;
}

std::vector<char> ActorGraph::neighbourhood(int centre, int steps,
                                            const std::vector<char>& mask) const
{
    std::vector<char> in(nodeIds.size(), 0);
    if (centre < 0 || centre >= nodeCount())
        return in;
    in[std::size_t(centre)] = 1;
    std::vector<int> frontier{centre};
    for (int step = 0; step < steps && !frontier.empty(); ++step) {
        std::vector<char> isFrontier(nodeIds.size(), 0);
        for (int n : frontier)
            isFrontier[std::size_t(n)] = 1;
        std::vector<int> next;
        for (std::size_t e = 0; e < edges.size(); ++e) {
            if (!mask.empty() && !mask[e])
                continue;
            const Edge& edge = edges[e];
            if (isFrontier[std::size_t(edge.from)] && !in[std::size_t(edge.to)]) {
                in[std::size_t(edge.to)] = 1;
                next.push_back(edge.to);
            }
            if (isFrontier[std::size_t(edge.to)] && !in[std::size_t(edge.from)]) {
                in[std::size_t(edge.from)] = 1;
                next.push_back(edge.from);
            }
        }
        frontier = std::move(next);
    }
    return in;
}

} // namespace chronomap
