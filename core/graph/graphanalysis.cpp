#include "graphanalysis.h"

#include "igraphsession.h"

#include <QElapsedTimer>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace chronomap {

namespace {

quint64 splitmix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool used(const std::vector<char>& mask, std::size_t e)
{
    return mask.empty() || mask[e];
}

// The edges in `mask` as an igraph graph; undirected relations both ways if `bothWays`.
void makeGraph(IgraphSession& session, IgGraph& out, IgVector* weights, const ActorGraph& graph,
               const std::vector<char>& mask, bool directed, bool bothWays = false)
{
    IgIntVector ends;
    std::vector<double> w;
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        if (!used(mask, e))
            continue;
        const ActorGraph::Edge& edge = graph.edges[e];
        session.check(igraph_vector_int_push_back(&ends.v, edge.from), "building the graph");
        session.check(igraph_vector_int_push_back(&ends.v, edge.to), "building the graph");
        w.push_back(edge.weight);
        if (bothWays && !edge.directed) {
            session.check(igraph_vector_int_push_back(&ends.v, edge.to), "building the graph");
            session.check(igraph_vector_int_push_back(&ends.v, edge.from), "building the graph");
            w.push_back(edge.weight);
        }
    }
    session.check(igraph_create(&out.g, &ends.v, graph.nodeCount(), directed),
                  "building the graph");
    out.made = true;
    if (weights) {
        session.check(igraph_vector_resize(&weights->v, igraph_integer_t(w.size())),
                      "building the graph");
        for (std::size_t i = 0; i < w.size(); ++i)
            (*weights)[igraph_integer_t(i)] = w[i];
    }
}

// Force layouts push separate components and lone actors apart until they sit at the edges of
// the picture. Keep the largest component where it is and stack the others in columns to its
// right, largest first, a little apart, no column taller than the largest component (lone
// actors closer together: they only need room for a label), so the picture is compact.
// Components with a pinned actor stay where they are.
} // namespace

void packComponents(std::vector<QPointF>& pos, const ActorGraph& graph,
                    const std::vector<char>& mask, double aspect)
{
    // A tall canvas: the same packing turned on its side (columns become rows below).
    if (aspect < 1.0) {
        auto transpose = [&pos] {
            for (QPointF& p : pos)
                p = QPointF(p.y(), p.x());
        };
        transpose();
        packComponents(pos, graph, mask, 1.0 / aspect);
        transpose();
        return;
    }
    const int n = graph.nodeCount();
    std::vector<int> parent(static_cast<std::size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[std::size_t(x)] != x)
            x = parent[std::size_t(x)] = parent[std::size_t(parent[std::size_t(x)])];
        return x;
    };
    std::vector<double> lengths;
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        if (!used(mask, e))
            continue;
        const auto& edge = graph.edges[e];
        parent[std::size_t(find(edge.from))] = find(edge.to);
        const QPointF d = pos[std::size_t(edge.from)] - pos[std::size_t(edge.to)];
        lengths.push_back(std::hypot(d.x(), d.y()));
    }
    std::sort(lengths.begin(), lengths.end());
    const double gap = lengths.empty() ? 1.0 : std::max(0.3, 1.2 * lengths[lengths.size() / 2]);

    struct Component
    {
        std::vector<int> nodes;
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool pinned = false;
    };
    QHash<int, int> index;
    std::vector<Component> comps;
    for (int i = 0; i < n; ++i) {
        const int root = find(i);
        auto it = index.find(root);
        if (it == index.end())
            it = index.insert(root, int(comps.size())), comps.emplace_back();
        Component& c = comps[std::size_t(*it)];
        c.nodes.push_back(i);
        const QPointF p = pos[std::size_t(i)];
        if (c.nodes.size() == 1) {
            c.x0 = c.x1 = p.x();
            c.y0 = c.y1 = p.y();
        }
        c.x0 = std::min(c.x0, p.x());
        c.x1 = std::max(c.x1, p.x());
        c.y0 = std::min(c.y0, p.y());
        c.y1 = std::max(c.y1, p.y());
        c.pinned = c.pinned || graph.pinned[std::size_t(i)].has_value() ||
                   (i < int(graph.given.size()) && graph.given[std::size_t(i)].has_value());
    }
    if (comps.size() < 2)
        return;
    std::vector<int> order(comps.size());
    std::iota(order.begin(), order.end(), 0);
    // Ties by first node: the order, and so the picture, depends only on the story.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return comps[std::size_t(a)].nodes.size() > comps[std::size_t(b)].nodes.size();
    });
    const Component& biggest = comps[std::size_t(order[0])];
    const double top = biggest.y0;
    // Stacks the other components in columns no taller than `height`; moves them if `apply`,
    // and returns the whole picture's bounds.
    auto stack = [&](double height, bool apply) {
        // Corners kept by hand: QRectF's union skips the empty boxes of lone actors.
        double bx0 = biggest.x0, by0 = biggest.y0, bx1 = biggest.x1, by1 = biggest.y1;
        double x = biggest.x1 + 2 * gap, y = top, columnWidth = 0;
        for (std::size_t k = 1; k < order.size(); ++k) {
            const Component& c = comps[std::size_t(order[k])];
            if (c.pinned)
                continue;
            if (y > top && y + (c.y1 - c.y0) > top + height) {
                x += columnWidth + gap;
                y = top;
                columnWidth = 0;
            }
            bx1 = std::max(bx1, x + c.x1 - c.x0);
            by0 = std::min(by0, y);
            by1 = std::max(by1, y + c.y1 - c.y0);
            if (apply) {
                const QPointF shift(x - c.x0, y - c.y0);
                for (int i : c.nodes)
                    pos[std::size_t(i)] += shift;
            }
            y += (c.y1 - c.y0) + (c.nodes.size() == 1 ? 0.6 * gap : gap);
            columnWidth = std::max(columnWidth, c.x1 - c.x0);
        }
        return QSizeF(bx1 - bx0, by1 - by0);
    };
    // The column height that lets the picture be drawn largest on the canvas.
    const double base = std::max(biggest.y1 - biggest.y0, gap);
    double bestHeight = base, bestScale = -1;
    for (double f : {1.0, 1.25, 1.5, 2.0, 3.0, 4.0}) {
        const QSizeF b = stack(base * f, false);
        const double scale =
            std::min(aspect / std::max(b.width(), 1e-9), 1.0 / std::max(b.height(), 1e-9));
        if (scale > bestScale * (1 + 1e-9)) {
            bestScale = scale;
            bestHeight = base * f;
        }
    }
    stack(bestHeight, true);
}

std::vector<QPointF> layoutGraph(const ActorGraph& graph, const std::vector<char>& mask,
                                 const LayoutOptions& options, GraphControl* control)
{
    const int n = graph.nodeCount();
    if (n == 0)
        return {};
    IgraphSession session(control);
    session.checkCancelled();
    igraph_rng_seed(igraph_rng_default(), igraph_uint_t(options.seed));

    IgGraph g;
    IgVector weights;
    makeGraph(session, g, &weights, graph, mask, IGRAPH_UNDIRECTED);

    // The start: the caller's positions, or a disc filled from hashes of the ids (not from a
    // generator, so adding an actor does not move every other actor's start).
    igraph_matrix_t pos;
    session.check(igraph_matrix_init(&pos, n, 2), "allocating the layout");
    struct MatrixGuard
    {
        igraph_matrix_t* m;
        ~MatrixGuard() { igraph_matrix_destroy(m); }
    } guard{&pos};
    const double radius = std::sqrt(double(n)) / 2.0;
    const bool haveStart = options.start.size() == std::size_t(n);
    // A start at a scale of its own (a file's coordinates, in the hundreds) is brought to the
    // layout's (a disc of `radius`) and the result taken back: forces and steps are tuned to
    // that scale, and the pins, at the start's scale, must stay where they are.
    QPointF centre;
    double toLayout = 1.0;
    if (haveStart && options.fitStart) {
        for (const QPointF& p : options.start)
            centre += p;
        centre /= double(n);
        double spread = 0;
        for (const QPointF& p : options.start)
            spread += QPointF::dotProduct(p - centre, p - centre);
        spread = std::sqrt(spread / double(n)); // a uniform disc's is its radius / sqrt(2)
        if (spread > 0)
            toLayout = radius / std::sqrt(2.0) / spread;
    }
    auto toLayoutScale = [&](const QPointF& p) { return (p - centre) * toLayout; };
    auto toStartScale = [&](const QPointF& p) { return p / toLayout + centre; };
    IgVector minx(n), maxx(n), miny(n), maxy(n);
    for (int i = 0; i < n; ++i) {
        QPointF p;
        const bool pin = graph.pinned[std::size_t(i)].has_value();
        if (graph.pinned[std::size_t(i)]) {
            p = toLayoutScale(*graph.pinned[std::size_t(i)]);
        } else if (haveStart) {
            p = toLayoutScale(options.start[std::size_t(i)]);
        } else {
            const quint64 h = splitmix(quint64(graph.nodeIds[std::size_t(i)]) ^ options.seed);
            const double u = double(h >> 40) / double(1ULL << 24);
            const double a = double(h & 0xffffff) / double(1ULL << 24) * 2.0 * M_PI;
            p = QPointF(radius * std::sqrt(u) * std::cos(a), radius * std::sqrt(u) * std::sin(a));
        }
        MATRIX(pos, i, 0) = p.x();
        MATRIX(pos, i, 1) = p.y();
        minx[i] = pin ? p.x() : -IGRAPH_INFINITY;
        maxx[i] = pin ? p.x() : IGRAPH_INFINITY;
        miny[i] = pin ? p.y() : -IGRAPH_INFINITY;
        maxy[i] = pin ? p.y() : IGRAPH_INFINITY;
    }

    int iterations = options.iterations;
    if (iterations <= 0)
        iterations = n > 5000 ? 150 : n > 1000 ? 300 : 500;
    const double temperature =
        options.startTemperature > 0 ? options.startTemperature : std::sqrt(double(n)) / 10.0;
    session.setProgressSpan(0, 1, iterations);
    session.check(
        igraph_layout_fruchterman_reingold(&g.g, &pos, /*use_seed=*/true, iterations, temperature,
                                           n > 400 ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID,
                                           &weights.v, &minx.v, &maxx.v, &miny.v, &maxy.v),
        "the Fruchterman-Reingold layout");

    std::vector<QPointF> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        out[std::size_t(i)] = graph.pinned[std::size_t(i)]
                                  ? *graph.pinned[std::size_t(i)]
                                  : toStartScale(QPointF(MATRIX(pos, i, 0), MATRIX(pos, i, 1)));
    if (!haveStart)
        packComponents(out, graph, mask, 1.6);
    return out;
}

Centrality computeCentrality(const ActorGraph& graph, const std::vector<char>& mask,
                             GraphControl* control)
{
    const int n = graph.nodeCount();
    Centrality c;
    c.degree.assign(std::size_t(n), 0.0);
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        if (used(mask, e)) {
            c.degree[std::size_t(graph.edges[e].from)] += 1;
            c.degree[std::size_t(graph.edges[e].to)] += 1;
        }
    c.betweenness.assign(std::size_t(n), 0.0);
    c.pageRank.assign(std::size_t(n), n > 0 ? 1.0 / n : 0.0);
    if (n == 0)
        return c;

    IgraphSession session(control);
    session.checkCancelled();
    {
        IgGraph g;
        makeGraph(session, g, nullptr, graph, mask, IGRAPH_UNDIRECTED);
        IgVector result;
        constexpr int kExactLimit = 5000;
        // About four million edge visits in all: ~100 sources at 10k actors, 16 at 100k.
        const int samples =
            std::clamp(int(4e6 / double(n + graph.edgeCount())), 16, std::min(n, 256));
        if (n <= kExactLimit) {
            session.setProgressSpan(0, 0.8, n);
            session.check(igraph_betweenness(&g.g, &result.v, igraph_vss_all(), false, nullptr),
                          "betweenness");
        } else {
            // Brandes from an evenly spread, fixed sample of sources, scaled up: an unbiased
            // estimate whose cost does not grow with the square of the story.
            c.betweennessEstimated = true;
            IgIntVector sources(samples);
            for (int i = 0; i < samples; ++i)
                sources[i] = igraph_integer_t((qint64(i) * n) / samples);
            session.setProgressSpan(0, 0.8, samples);
            session.check(igraph_betweenness_subset(&g.g, &result.v, igraph_vss_all(), false,
                                                    igraph_vss_vector(&sources.v), igraph_vss_all(),
                                                    nullptr),
                          "betweenness");
            for (int i = 0; i < n; ++i)
                result[i] *= double(n) / samples;
        }
        for (int i = 0; i < n; ++i)
            c.betweenness[std::size_t(i)] = result[i];
    }
    {
        IgGraph g;
        IgVector weights;
        makeGraph(session, g, &weights, graph, mask, IGRAPH_DIRECTED, /*bothWays=*/true);
        // ARPACK rather than PRPACK: PRPACK's preprocessing takes over a second at 10k actors.
        IgVector result;
        igraph_real_t value = 0;
        session.setProgressSpan(0.8, 1, 1);
        session.check(igraph_pagerank(&g.g, IGRAPH_PAGERANK_ALGO_ARPACK, &result.v, &value,
                                      igraph_vss_all(), true, 0.85, &weights.v, nullptr),
                      "PageRank");
        for (int i = 0; i < n; ++i)
            c.pageRank[std::size_t(i)] = result[i];
    }
    return c;
}

Communities detectCommunities(const ActorGraph& graph, const std::vector<char>& mask, quint64 seed,
                              GraphControl* control)
{
    const int n = graph.nodeCount();
    Communities out;
    out.membership.assign(std::size_t(n), -1);
    if (n == 0)
        return out;
    std::vector<char> connected(std::size_t(n), 0);
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        if (used(mask, e))
            connected[std::size_t(graph.edges[e].from)] =
                connected[std::size_t(graph.edges[e].to)] = 1;

    IgraphSession session(control);
    session.checkCancelled();
    igraph_rng_seed(igraph_rng_default(), igraph_uint_t(seed));
    IgGraph g;
    IgVector weights;
    makeGraph(session, g, &weights, graph, mask, IGRAPH_UNDIRECTED);
    IgIntVector membership;
    session.setProgressSpan(0, 1, 1);
    session.check(
        igraph_community_multilevel(&g.g, &weights.v, 1.0, &membership.v, nullptr, nullptr),
        "community detection");

    // Number communities by size, largest first (ties: lowest node first), so colours are
    // stable; an actor without relations belongs to none.
    const igraph_integer_t raw = igraph_vector_int_size(&membership.v);
    std::vector<int> size, first;
    for (igraph_integer_t i = 0; i < raw; ++i) {
        if (!connected[std::size_t(i)])
            continue;
        const auto m = std::size_t(membership[i]);
        if (m >= size.size()) {
            size.resize(m + 1, 0);
            first.resize(m + 1, n);
        }
        ++size[m];
        first[m] = std::min(first[m], int(i));
    }
    std::vector<int> order(size.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return size[std::size_t(a)] != size[std::size_t(b)]
                   ? size[std::size_t(a)] > size[std::size_t(b)]
                   : first[std::size_t(a)] < first[std::size_t(b)];
    });
    std::vector<int> rank(size.size(), -1);
    for (std::size_t r = 0; r < order.size(); ++r)
        if (size[std::size_t(order[r])] > 0)
            rank[std::size_t(order[r])] = out.count++;
    for (igraph_integer_t i = 0; i < raw; ++i)
        if (connected[std::size_t(i)])
            out.membership[std::size_t(i)] = rank[std::size_t(membership[i])];
    return out;
}

namespace {

// Nodes without a position (NaN) go next to their positioned neighbours, in a small ring so
// that several newcomers around one actor do not cover each other; a node with none goes
// beside the picture. Deterministic.
void placeNewNodes(std::vector<QPointF>& pos, const ActorGraph& graph)
{
    const std::size_t n = pos.size();
    auto placed = [&pos](std::size_t i) {
        return !std::isnan(pos[i].x()) && !std::isnan(pos[i].y());
    };
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < n; ++i)
        if (!placed(i))
            missing.push_back(i);
    if (missing.empty())
        return;
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i)
        if (placed(i)) {
            minX = any ? std::min(minX, pos[i].x()) : pos[i].x();
            maxX = any ? std::max(maxX, pos[i].x()) : pos[i].x();
            minY = any ? std::min(minY, pos[i].y()) : pos[i].y();
            maxY = any ? std::max(maxY, pos[i].y()) : pos[i].y();
            any = true;
        }
    const double step = any ? std::max(1.0, std::max(maxX - minX, maxY - minY) / 20) : 1.0;
    std::vector<std::vector<int>> neighbours(n);
    for (const ActorGraph::Edge& e : graph.edges) {
        neighbours[std::size_t(e.from)].push_back(e.to);
        neighbours[std::size_t(e.to)].push_back(e.from);
    }
    int lone = 0;
    for (std::size_t k = 0; k < missing.size(); ++k) {
        const std::size_t i = missing[k];
        QPointF sum;
        int count = 0;
        for (int j : neighbours[i])
            if (placed(std::size_t(j))) {
                sum += pos[std::size_t(j)];
                ++count;
            }
        if (count > 0) {
            const double angle = 2.399963 * double(k); // the golden angle: no two alike
            pos[i] = sum / count + QPointF(std::cos(angle), std::sin(angle)) * step;
        } else {
            pos[i] = QPointF(maxX + step * (1 + lone / 10), minY + step * (lone % 10));
            ++lone;
        }
    }
}

} // namespace

MapAnalysis analyseMap(const ActorGraph& graph, const std::vector<char>& mask,
                       const std::vector<QPointF>& cachedBase, GraphControl* control,
                       bool freshLayout)
{
    MapAnalysis a;
    const int n = graph.nodeCount();
    const bool needBase = cachedBase.size() != std::size_t(n);
    // Progress: the whole layout dominates; the window's analysis follows.
    const double baseShare = needBase ? 0.85 : 0.0;
    auto scaled = [control](double from, double width) {
        return [control, from, width](double f) {
            if (control)
                control->report(from + width * f);
        };
    };
    auto run = [&](auto&& work, double from, double width) {
        // A child control forwards progress into its slice and the parent's cancel flag.
        GraphControl slice;
        slice.setProgressCallback([&, from, width](double f) {
            scaled(from, width)(f);
            if (control && control->isCancelled())
                slice.cancel();
        });
        if (control && control->isCancelled())
            throw GraphCancelled();
        return work(&slice);
    };

    QElapsedTimer t;
    t.start();
    // Where a file placed actors: its picture, with any actor it did not place beside its
    // neighbours.
    std::vector<QPointF> given;
    if (needBase && graph.hasGivenPositions()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        given.assign(std::size_t(n), QPointF(nan, nan));
        for (std::size_t i = 0; i < given.size() && i < graph.given.size(); ++i)
            if (graph.given[i])
                given[i] = *graph.given[i];
        placeNewNodes(given, graph);
    }
    if (needBase && !given.empty() && !freshLayout) {
        a.base = std::move(given); // kept, not recomputed
    } else if (needBase) {
        LayoutOptions options;
        options.start = std::move(given); // empty: the layout's own start
        options.fitStart = !options.start.empty();
        a.base =
            run([&](GraphControl* c) { return layoutGraph(graph, {}, options, c); }, 0, baseShare);
        a.layoutsRun = 1;
    } else {
        a.base = cachedBase;
        placeNewNodes(a.base, graph);
    }
    a.positions = a.base;
    a.layoutMs = double(t.nsecsElapsed()) / 1e6;
    const double done = baseShare;
    t.restart();
    a.centrality = run([&](GraphControl* c) { return computeCentrality(graph, mask, c); }, done,
                       (1 - done) * 0.6);
    a.centralityMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    a.communities =
        run([&](GraphControl* c) { return detectCommunities(graph, mask, 0x43686d70, c); },
            done + (1 - done) * 0.6, (1 - done) * 0.4);
    a.communityMs = double(t.nsecsElapsed()) / 1e6;
    if (control)
        control->report(1.0);
    return a;
}

} // namespace chronomap
