#include "benchmark.h"

#include "actormap/actormapview.h"
#include "graph/graphanalysis.h"
#include "query/selection.h"
#include "story/story.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <qcustomplot.h>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

void line(QTextStream& out, const char* name, double value, const char* unit)
{
    out << name << ' ' << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << '\n';
    out.flush();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

} // namespace

// The actor map's figures: the layout and analysis of the whole story as the window computes
// them (worker code, run here on the calling thread), then frames while panning and zooming
// a 1920x1080 map.
void benchActorMap(Story& story, QTextStream& out)
{
    const ActorGraph graph = ActorGraph::build(story.store().actors(), story.store().relations());
    line(out, "actormap_actors", graph.nodeCount(), "actors");
    line(out, "actormap_relations", graph.edgeCount(), "relations");
    // One run: the layout is deterministic, and at 100k actors a repeat would double the wait.
    const MapAnalysis a = analyseMap(graph, {}, {});
    line(out, "actormap_layout", a.layoutMs, "ms");
    line(out, "actormap_centrality", a.centralityMs, "ms");
    line(out, "actormap_communities", a.communityMs, "ms");

    // Frames: the window's view at 1920x1080 with the story's whole map, then panning and
    // zooming in and out around it, each frame drawn in full (replot into the plot's buffer).
    Selection selection;
    ActorMapView view(&story, &selection);
    view.setAnimated(false);
    view.resize(1920, 1080);
    view.plot()->resize(1920, 1080);
    view.layoutNow();
    view.fitMap();
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh); // warm the sprite and glyph caches
    std::vector<double> frames;
    for (int i = 0; i < 120; ++i) {
        if (i % 40 < 20) {
            const double dx = plot->xAxis->range().size() * (i % 2 ? 0.03 : -0.02);
            plot->xAxis->moveRange(dx);
            plot->yAxis->moveRange(dx * 0.5);
        } else {
            const double f = i % 40 < 30 ? 0.85 : 1.0 / 0.85;
            plot->xAxis->scaleRange(f, plot->xAxis->range().center());
            plot->yAxis->scaleRange(f, plot->yAxis->range().center());
        }
        QElapsedTimer t;
        t.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        frames.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    line(out, "actormap_frame_median", percentile(frames, 0.5), "ms");
    line(out, "actormap_frame_p95", percentile(frames, 0.95), "ms");
}

} // namespace chronomap
