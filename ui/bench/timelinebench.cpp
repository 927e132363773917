#include "benchmark.h"

#include "query/selection.h"
#include "story/story.h"
#include "timeline/timelineview.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <qcustomplot.h>

#include <ctime>

#include <algorithm>
#include <cmath>
#include <vector>

namespace chronomap {

namespace {

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void line(QTextStream& out, const char* name, double value, const char* unit)
{
    benchLine(out, name, value, unit);
}

// CPU time of the GUI thread per frame (see threadCpuMs).
std::vector<double> g_cpu;

// A full frame as the window draws it: layout, every layer into its buffer, and the widget
// repainted from the buffers.
double frame(TimelineView& view)
{
    QElapsedTimer t;
    const double cpu0 = threadCpuMs();
    t.start();
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const double wall = ms(t);
    g_cpu.push_back(threadCpuMs() - cpu0);
    return wall;
}

} // namespace

void benchTimeline(Story& story, QTextStream& out)
{
    const QSize size(1920, 1080);

    // Open to first frame: the file, the time index, the view and one full replot.
    std::vector<double> firsts;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        auto fresh = Story::open(story.path(), Store::Mode::ReadOnly);
        Selection selection;
        TimelineView view(fresh.get(), &selection);
        view.resize(size);
        view.show();
        view.fitStory();
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        firsts.push_back(ms(t));
    }
    line(out, "timeline_first_frame", percentile(firsts, 0.5), "ms");

    Selection selection;
    TimelineView view(&story, &selection);
    view.resize(size);
    view.show();
    view.fitStory();
    frame(view);

    // A scripted session: zoom in step by step towards a few points of the story, panning
    // at each depth, then back out; 240 frames, every one a change of window.
    std::vector<double> frames;
    g_cpu.clear();
    std::vector<double> densityFrames, detailFrames;
    const TimeIndex& index = story.timeIndex();
    const qint64 lo = index.empty() ? 0 : index.minTime();
    const qint64 hi = index.empty() ? 86400 : index.maxTime();
    const double targets[] = {0.13, 0.5, 0.87};
    for (double target : targets) {
        view.fitStory();
        frame(view);
        const qint64 focus = lo + qint64(double(hi - lo) * target);
        for (int step = 0; step < 40; ++step) {
            view.zoom(1 / 1.3, focus);
            const double f = frame(view);
            frames.push_back(f);
            (view.lastFrameWasDensity() ? densityFrames : detailFrames).push_back(f);
            if (step % 4 == 3) {
                for (double p : {0.15, -0.1, 0.05}) {
                    view.pan(p);
                    const double g = frame(view);
                    frames.push_back(g);
                    (view.lastFrameWasDensity() ? densityFrames : detailFrames).push_back(g);
                }
            }
        }
    }
    for (int step = 0; step < 30 && frames.size() < 400; ++step) {
        view.zoom(1.35);
        frames.push_back(frame(view));
    }
    line(out, "timeline_frames", double(frames.size()), "frames");
    line(out, "timeline_frame_median", percentile(frames, 0.5), "ms");
    line(out, "timeline_frame_p95", percentile(frames, 0.95), "ms");
    line(out, "timeline_frame_cpu_median", percentile(g_cpu, 0.5), "ms");
    line(out, "timeline_frame_cpu_p95", percentile(g_cpu, 0.95), "ms");
    line(out, "timeline_frame_density_median", percentile(densityFrames, 0.5), "ms");
    line(out, "timeline_frame_detail_median", percentile(detailFrames, 0.5), "ms");

    // Hover: alternate between two points so that every move changes what is hovered.
    const QRect plotArea = view.plot()->axisRect()->rect();
    std::vector<double> hovers;
    for (int i = 0; i < 60; ++i) {
        const QPointF p(plotArea.left() + plotArea.width() * (0.2 + 0.6 * (i % 7) / 7.0),
                        plotArea.top() + plotArea.height() * (0.1 + 0.8 * (i % 5) / 5.0));
        QElapsedTimer t;
        t.start();
        const bool changed = view.hoverAt(p, true); // with the hover card, as the window builds it
        if (changed)
            hovers.push_back(ms(t));
    }
    line(out, "timeline_hover_redraw", percentile(hovers, 0.5), "ms");
}

} // namespace chronomap
