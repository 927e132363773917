#pragma once

#include "graph/graphanalysis.h"

#include <QObject>

#include <memory>

template <typename T> class QFutureWatcher;

namespace chronomap {

// Runs analyseMap on a worker thread for the actor map: reports progress, can be cancelled,
// and when asked again while running, cancels the old run and delivers only the newest.
class GraphJob final : public QObject
{
    Q_OBJECT

public:
    explicit GraphJob(QObject* parent = nullptr);
    ~GraphJob() override;

    // Starts (or queues behind a cancelled older run) an analysis of `graph` over `mask`.
    void start(ActorGraph graph, std::vector<char> mask, std::vector<QPointF> cachedBase);
    void cancel();
    bool isRunning() const;
    // Blocks until the worker has stopped (for tests and shutdown).
    void waitForIdle();

signals:
    void progress(double fraction);
    // The result of the newest start(); older runs are dropped.
    void finished(const std::shared_ptr<const chronomap::MapAnalysis>& result);
    void failed(const QString& message, bool cancelled);

private:
    struct Request;
    void launch();
    void onDone();

    std::unique_ptr<Request> m_pending;
    std::shared_ptr<GraphControl> m_control;
    QFutureWatcher<std::shared_ptr<const MapAnalysis>>* m_watcher = nullptr;
    QString m_error;
    bool m_cancelledRun = false;
};

} // namespace chronomap
