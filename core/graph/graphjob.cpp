#include "graphjob.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include <optional>

namespace chronomap {

StoryGraph loadStoryGraph(const Store& store, GraphControl* control)
{
    auto check = [control](double done) {
        if (control && control->isCancelled())
            throw GraphCancelled();
        if (control)
            control->report(done);
    };
    QElapsedTimer t;
    t.start();
    StoryGraph g;
    check(0.0);
    g.actors = store.actors();
    check(0.25);
    g.relations = store.relations();
    check(0.8);
    // Both come in id order from the store; the graph keeps them in that order.
    std::sort(g.actors.begin(), g.actors.end(),
              [](const Actor& a, const Actor& b) { return a.id < b.id; });
    std::sort(g.relations.begin(), g.relations.end(),
              [](const Relation& a, const Relation& b) { return a.id < b.id; });
    g.graph = ActorGraph::build(g.actors, g.relations);
    // Keep the relations aligned with the graph's edges (relations with a missing end dropped).
    if (g.relations.size() != qsizetype(g.graph.edgeCount())) {
        QList<Relation> kept;
        kept.reserve(g.graph.edgeCount());
        for (const Relation& r : std::as_const(g.relations))
            if (g.graph.indexOf.contains(r.sourceId) && g.graph.indexOf.contains(r.targetId))
                kept.append(r);
        g.relations = std::move(kept);
    }
    g.relationCount.assign(std::size_t(g.graph.nodeCount()), 0);
    for (const ActorGraph::Edge& e : g.graph.edges) {
        ++g.relationCount[std::size_t(e.from)];
        ++g.relationCount[std::size_t(e.to)];
    }
    check(1.0);
    g.loadMs = double(t.nsecsElapsed()) / 1e6;
    return g;
}

// One piece of work for the worker: either reading a story's graph or analysing one.
struct GraphJob::Request
{
    std::optional<QString> storyPath; // set: load; unset: analyse
    ActorGraph graph;
    std::vector<char> mask;
    std::vector<QPointF> cachedBase;
    bool freshLayout = false;
};

// What a run gives back: one of the two, or neither (failed or cancelled).
struct GraphJob::Outcome
{
    std::shared_ptr<StoryGraph> loaded;
    std::shared_ptr<const MapAnalysis> analysis;
};

GraphJob::GraphJob(QObject* parent) : QObject(parent), m_watcher(new QFutureWatcher<Outcome>(this))
{
    connect(m_watcher, &QFutureWatcherBase::finished, this, &GraphJob::onDone);
}

GraphJob::~GraphJob()
{
    m_pending.reset();
    cancel();
    waitForIdle();
}

void GraphJob::start(ActorGraph graph, std::vector<char> mask, std::vector<QPointF> cachedBase,
                     bool freshLayout)
{
    queue(std::make_unique<Request>(Request{std::nullopt, std::move(graph), std::move(mask),
                                            std::move(cachedBase), freshLayout}));
}

void GraphJob::startLoad(const QString& storyPath)
{
    queue(std::make_unique<Request>(Request{storyPath, {}, {}, {}, false}));
}

void GraphJob::queue(std::unique_ptr<Request> request)
{
    m_pending = std::move(request);
    if (isRunning())
        cancel(); // onDone launches the pending request
    else
        launch();
}

void GraphJob::cancel()
{
    if (m_control)
        m_control->cancel();
}

bool GraphJob::isRunning() const
{
    return m_watcher->isRunning();
}

void GraphJob::waitForIdle()
{
    m_watcher->waitForFinished();
}

void GraphJob::launch()
{
    std::shared_ptr<Request> request(m_pending.release());
    m_control = std::make_shared<GraphControl>();
    // Progress arrives on the worker thread: hand it to this object's thread, at most once per
    // percent so a fast layout does not flood the event queue.
    QPointer<GraphJob> self(this);
    auto lastPercent = std::make_shared<std::atomic_int>(-1);
    m_control->setProgressCallback([self, lastPercent](double f) {
        const int percent = int(f * 100);
        if (lastPercent->exchange(percent) == percent)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, f] {
                if (self)
                    emit self->progress(f);
            },
            Qt::QueuedConnection);
    });
    m_error.clear();
    m_cancelledRun = false;
    std::shared_ptr<GraphControl> control = m_control;
    auto* error = &m_error;
    auto* cancelled = &m_cancelledRun;
    m_watcher->setFuture(QtConcurrent::run([request, control, error, cancelled] {
        Outcome out;
        try {
            if (request->storyPath) {
                // Its own read-only connection: the window's connection stays on its thread.
                const auto store =
                    Store::open(*request->storyPath, Store::Mode::ReadOnly, Store::Check::Deferred);
                out.loaded = std::make_shared<StoryGraph>(loadStoryGraph(*store, control.get()));
            } else {
                out.analysis = std::make_shared<const MapAnalysis>(
                    analyseMap(request->graph, request->mask, request->cachedBase, control.get(),
                               request->freshLayout));
            }
        } catch (const GraphCancelled& e) {
            *cancelled = true;
            *error = e.message();
        } catch (const StoreError& e) {
            *error = e.message();
        } catch (const std::exception& e) {
            *error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void GraphJob::onDone()
{
    const Outcome result = m_watcher->future().result();
    if (m_pending) {
        launch(); // a newer request superseded this run: its result is stale
        return;
    }
    if (result.loaded)
        emit loaded(result.loaded);
    else if (result.analysis)
        emit finished(result.analysis);
    else
        emit failed(m_error, m_cancelledRun);
}

} // namespace chronomap
