#include "benchmark.h"

#include "actormap/actormapchart.h"
#include "actormap/actormaplayer.h"
#include "actormap/actormapview.h"
#include "graph/graphanalysis.h"
#include "graph/graphjob.h"
#include "query/selection.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace chronomap {

namespace {

void line(QTextStream& out, const char* name, double value, const char* unit)
{
    benchLine(out, name, value, unit);
}

// Opens the map as the window does, on a running event loop, and measures how long the GUI
// thread is ever kept from a 10 ms heartbeat while the worker reads and lays out the story
// and the user pans (every 50 ms) until a second after the map is shown. Returns the longest
// gap between heartbeats in ms; `toMapMs` gets the time from opening to the laid-out map.
double guiStallMax(Story& story, double& toMapMs)
{
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer beat;
    beat.setInterval(10);
    QObject::connect(&beat, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    Selection selection;
    std::unique_ptr<ActorMapView> view;
    QTimer pan;
    pan.setInterval(50);
    QObject::connect(&pan, &QTimer::timeout, &loop, [&] {
        QCustomPlot* plot = view->plot();
        const double dx = plot->xAxis->range().size() * 0.01;
        plot->xAxis->moveRange(dx);
        plot->replot(QCustomPlot::rpQueuedReplot);
    });
    QTimer::singleShot(0, &loop, [&] {
        last = clock.nsecsElapsed();
        beat.start();
        view = std::make_unique<ActorMapView>(&story, &selection);
        view->resize(1920, 1080);
        view->show();
        QObject::connect(view.get(), &ActorMapView::layoutFinished, &loop, [&] {
            toMapMs = double(clock.nsecsElapsed()) / 1e6;
            QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        });
        pan.start();
    });
    QTimer::singleShot(180000, &loop, &QEventLoop::quit); // a broken layout must not hang
    loop.exec();
    beat.stop();
    pan.stop();
    return double(worst) / 1e6;
}

} // namespace

// The actor map's figures: the layout and analysis of the whole story as the window computes
// them (worker code, run here on the calling thread), then frames while panning and zooming
// a 1920x1080 map.
void benchActorMap(Story& story, QTextStream& out)
{
    // Reading the actors and relations as the worker does, on a connection of its own.
    const auto store = Store::open(story.path(), Store::Mode::ReadOnly, Store::Check::Deferred);
    const StoryGraph loaded = loadStoryGraph(*store);
    const ActorGraph& graph = loaded.graph;
    line(out, "actormap_actors", graph.nodeCount(), "actors");
    line(out, "actormap_relations", graph.edgeCount(), "relations");
    line(out, "actormap_load", loaded.loadMs, "ms");
    // One run: the layout is deterministic, and at 100k actors a repeat would double the wait.
    const MapAnalysis a = analyseMap(graph, {}, {});
    line(out, "actormap_layout", a.layoutMs, "ms");
    line(out, "actormap_centrality", a.centralityMs, "ms");
    line(out, "actormap_communities", a.communityMs, "ms");

    // Frames: the window's chart at 1920x1080 with the story's whole map, then panning and
    // zooming in and out around it, each frame drawn in full (replot into the plot's buffer).
    // The chart the window, the export and Present draw through, laid out at that size (a
    // plot that is not on screen would otherwise keep its first, default size).
    Selection selection;
    ActorMapChart chart(&story, &selection);
    chart.setAnimated(false);
    chart.setSize(QSize(1920, 1080));
    chart.layoutNow();
    chart.fitMap();
    QCustomPlot* plot = chart.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh); // warm the sprite and glyph caches
    // A very large map's body is drawn on a worker: wait for the first, as a user would see
    // it appear, then let each frame install what the worker finished meanwhile.
    auto settle = [&] {
        QElapsedTimer wait;
        wait.start();
        while (chart.layer()->isDrawingBody() && wait.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    };
    settle();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    std::vector<double> frames, cpu;
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
        const double cpu0 = threadCpuMs();
        t.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        frames.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpu0);
        QCoreApplication::processEvents(); // a body the worker finished is shown next frame
    }
    // A replot that changes nothing the map shows (the window replots for the timeline's
    // sake, a hover that finds nothing new): a small map stamps its last frame.
    std::vector<double> unchanged;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        unchanged.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    // Panning while one actor is highlighted (picked in the timeline, a scene's actor): its
    // relations emphasised, every other one dimmed, drawn translucent.
    std::vector<double> highlighted;
    if (!chart.actors().isEmpty()) {
        selection.setHighlight({}, {chart.actors().front().id});
        plot->replot(QCustomPlot::rpImmediateRefresh);
        for (int i = 0; i < 30; ++i) {
            const double dx = plot->xAxis->range().size() * (i % 2 ? 0.03 : -0.02);
            plot->xAxis->moveRange(dx);
            QElapsedTimer t;
            t.start();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            highlighted.push_back(double(t.nsecsElapsed()) / 1e6);
            QCoreApplication::processEvents();
        }
        selection.setHighlight({}, {});
    }
    line(out, "actormap_frame_median", percentile(frames, 0.5), "ms");
    line(out, "actormap_frame_p95", percentile(frames, 0.95), "ms");
    line(out, "actormap_frame_cpu_median", percentile(cpu, 0.5), "ms");
    line(out, "actormap_frame_cpu_p95", percentile(cpu, 0.95), "ms");
    line(out, "actormap_frame_unchanged_median", percentile(unchanged, 0.5), "ms");
    if (!highlighted.empty())
        line(out, "actormap_frame_highlighted_median", percentile(highlighted, 0.5), "ms");
    settle();
    if (chart.layer()->lastBackgroundBodyMs() > 0)
        line(out, "actormap_body_redraw_on_worker", chart.layer()->lastBackgroundBodyMs(), "ms");

    // The window's experience: reading and layout on the worker while the GUI thread paints.
    double toMap = 0;
    const double stall = guiStallMax(story, toMap);
    line(out, "actormap_open_to_map", toMap, "ms");
    line(out, "actormap_gui_stall_max", stall, "ms");
}

} // namespace chronomap
