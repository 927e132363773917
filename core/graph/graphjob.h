#pragma once

#include "graph/graphanalysis.h"

#include <QObject>

#include <memory>

template <typename T> class QFutureWatcher;

namespace chronomap {

// A story's actors and relations as the actor map shows them: the graph for layout, and per
// node and edge the entity it stands for. Read on a worker, then handed to the GUI thread.
struct StoryGraph
{
    QList<Actor> actors;       // by node (id order)
    QList<Relation> relations; // by edge (id order; relations with a missing end dropped)
    ActorGraph graph;
    std::vector<int> relationCount; // per node, over the whole story
    double loadMs = 0;              // reading and building
};
// Reads `store`'s actors and relations into a StoryGraph. Checks `control` for a cancel
// between the reads (throws GraphCancelled) and reports progress.
StoryGraph loadStoryGraph(const Store& store, GraphControl* control = nullptr);

// Runs the actor map's heavy work on a worker thread: reading the story's graph (on its own
// read-only connection, so a story of 100k actors never blocks the window) and analyseMap.
// Reports progress, can be cancelled, and when asked again while running, cancels the old
// run and delivers only the newest.
class GraphJob final : public QObject
{
    Q_OBJECT

public:
    explicit GraphJob(QObject* parent = nullptr);
    ~GraphJob() override;

    // Starts (or queues behind a cancelled older run) an analysis of `graph` over `mask`
    // (analyseMap; `freshLayout`: the user asked for a new layout).
    void start(ActorGraph graph, std::vector<char> mask, std::vector<QPointF> cachedBase,
               bool freshLayout = false);
    // Starts (likewise) reading the graph of the story file at `storyPath`; delivers loaded().
    void startLoad(const QString& storyPath);
    void cancel();
    bool isRunning() const;
    // Blocks until the worker has stopped (for tests and shutdown).
    void waitForIdle();

signals:
    void progress(double fraction);
    // The result of the newest start(); older runs are dropped.
    void finished(const std::shared_ptr<const chronomap::MapAnalysis>& result);
    // The graph read by the newest startLoad() (the receiver may move from it).
    void loaded(const std::shared_ptr<chronomap::StoryGraph>& graph);
    void failed(const QString& message, bool cancelled);

private:
    struct Request;
    struct Outcome;
    void queue(std::unique_ptr<Request> request);
    void launch();
    void onDone();

    std::unique_ptr<Request> m_pending;
    std::shared_ptr<GraphControl> m_control;
    QFutureWatcher<Outcome>* m_watcher = nullptr;
    QString m_error;
    bool m_cancelledRun = false;
};

} // namespace chronomap
