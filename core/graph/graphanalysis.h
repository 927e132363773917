#pragma once

#include "graph/actorgraph.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QPointF>

#include <atomic>
#include <functional>
#include <vector>

namespace chronomap {

// Thrown when layout or analysis fails; the message is written for the user.
class GraphError : public StoreError
{
public:
    using StoreError::StoreError;
};

// Thrown when the user cancelled a layout or analysis: nothing was computed.
class GraphCancelled : public GraphError
{
public:
    GraphCancelled()
        : GraphError(
              QCoreApplication::translate("chronomap::ActorGraph", "actor map: layout cancelled"))
    {}
};

// Shared between the thread that asks for a computation and the one that runs it: a cancel
// flag checked by igraph between iterations, and progress reports (called on the worker).
class GraphControl
{
public:
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }
    void setProgressCallback(std::function<void(double)> callback)
    {
        m_progress = std::move(callback);
    }
    void report(double fraction) const
    {
        if (m_progress)
            m_progress(fraction);
    }

private:
    std::atomic_bool m_cancelled{false};
    std::function<void(double)> m_progress;
};

struct LayoutOptions
{
    quint64 seed = 0x43686d70;   // the same seed gives the same picture, bit for bit
    int iterations = 0;          // 0: chosen by the graph's size
    double startTemperature = 0; // 0: igraph's default, sqrt(nodes) / 10
    std::vector<QPointF> start;  // starting positions; empty: computed from the seed and ids
    // The start (and the pins) are at a scale of their own, a file's: the layout runs at its
    // own scale from the start's shape, and the result comes back at the start's scale.
    bool fitStart = false;
};

// Fruchterman-Reingold (grid variant above 1000 nodes) over the edges whose flag in `mask` is
// set (an empty mask: every edge). Pinned nodes stay exactly where pinned. Deterministic:
// the start is computed from the actor ids and igraph's generator is seeded. A layout from
// scratch packs separate components beside the largest one. One layout runs
// at a time in the process (igraph's handlers are global). Throws GraphError/GraphCancelled.
std::vector<QPointF> layoutGraph(const ActorGraph& graph, const std::vector<char>& mask,
                                 const LayoutOptions& options, GraphControl* control = nullptr);

// Moves the components of the graph over the edges in `mask` beside the largest one, in
// columns whose height is chosen so the whole picture is drawn largest on a canvas `aspect`
// times as wide as high. Components with a pinned actor, or one a file placed, stay.
// Deterministic.
void packComponents(std::vector<QPointF>& pos, const ActorGraph& graph,
                    const std::vector<char>& mask, double aspect);

// Node importance over the edges in `mask`. Betweenness is estimated from a fixed sample of
// sources above 5000 nodes (exact below), so large stories stay within the time target.
struct Centrality
{
    std::vector<double> degree, betweenness, pageRank;
    bool betweennessEstimated = false;
};
Centrality computeCentrality(const ActorGraph& graph, const std::vector<char>& mask,
                             GraphControl* control = nullptr);

// Louvain (multilevel) communities, numbered by size (0 is the largest); nodes without any
// relation in `mask` are -1.
struct Communities
{
    std::vector<int> membership;
    int count = 0;
};
Communities detectCommunities(const ActorGraph& graph, const std::vector<char>& mask,
                              quint64 seed = 0x43686d70, GraphControl* control = nullptr);

// Everything the actor map shows for one window. `base` is the layout of the whole story (all
// relations), computed once per story revision: a window only changes which relations show
// and how large each actor is, never where an actor stands, so zooming or brushing the
// timeline keeps the map's picture and never starts a layout.
struct MapAnalysis
{
    std::vector<QPointF> base;      // whole-story layout
    std::vector<QPointF> positions; // where the window draws the actors (the base's)
    Centrality centrality;
    Communities communities;
    int layoutsRun = 0; // force-directed layouts this analysis ran (0 with a cached base)
    double layoutMs = 0, centralityMs = 0, communityMs = 0;
};
// Computes `base` unless `cachedBase` has one position per node. Nodes whose cached position
// is NaN (new since the base was made) are placed next to their positioned neighbours, or
// beside the picture if they have none, without a new layout. Where a file placed actors
// (ActorGraph::given) that is the base, kept rather than recomputed, until `freshLayout`
// (the user asked for a new layout): then the layout starts from it.
MapAnalysis analyseMap(const ActorGraph& graph, const std::vector<char>& mask,
                       const std::vector<QPointF>& cachedBase, GraphControl* control = nullptr,
                       bool freshLayout = false);

} // namespace chronomap
