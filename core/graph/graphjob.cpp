#include "graphjob.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace chronomap {

struct GraphJob::Request
{
    ActorGraph graph;
    std::vector<char> mask;
    std::vector<QPointF> cachedBase;
};

GraphJob::GraphJob(QObject* parent)
    : QObject(parent), m_watcher(new QFutureWatcher<std::shared_ptr<const MapAnalysis>>(this))
{
    connect(m_watcher, &QFutureWatcherBase::finished, this, &GraphJob::onDone);
}

GraphJob::~GraphJob()
{
    m_pending.reset();
    cancel();
    waitForIdle();
}

void GraphJob::start(ActorGraph graph, std::vector<char> mask, std::vector<QPointF> cachedBase)
{
    m_pending = std::make_unique<Request>(
        Request{std::move(graph), std::move(mask), std::move(cachedBase)});
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
        try {
            auto result = std::make_shared<MapAnalysis>(
                analyseMap(request->graph, request->mask, request->cachedBase, control.get()));
            return std::shared_ptr<const MapAnalysis>(std::move(result));
        } catch (const GraphCancelled& e) {
            *cancelled = true;
            *error = e.message();
        } catch (const StoreError& e) {
            *error = e.message();
        } catch (const std::exception& e) {
            *error = QString::fromUtf8(e.what());
        }
        return std::shared_ptr<const MapAnalysis>();
    }));
}

void GraphJob::onDone()
{
    const auto result = m_watcher->future().result();
    if (m_pending) {
        launch(); // a newer request superseded this run: its result is stale
        return;
    }
    if (result)
        emit finished(result);
    else
        emit failed(m_error, m_cancelledRun);
}

} // namespace chronomap
