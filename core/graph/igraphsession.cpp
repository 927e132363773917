#include "igraphsession.h"

#include "graph/graphanalysis.h"

#include <QCoreApplication>
#include <QMutex>

#include <algorithm>

namespace chronomap {

namespace {

QMutex& sessionMutex()
{
    static QMutex mutex;
    return mutex;
}

// Only the thread holding the session mutex touches these.
QString g_lastError;
GraphControl* g_control = nullptr;
double g_spanFirst = 0, g_spanLast = 1;
long g_spanTicks = 1, g_ticks = 0;

void recordError(const char* reason, const char* file, int line, igraph_error_t code)
{
    Q_UNUSED(file);
    Q_UNUSED(line);
    if (g_lastError.isEmpty())
        g_lastError = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(reason),
                                                    QString::fromUtf8(igraph_strerror(code)));
    // Free what igraph allocated on its way to the error, as its own non-aborting handlers do.
    IGRAPH_FINALLY_FREE();
}

void quietWarning(const char*, const char*, int) {}

igraph_error_t interruption(void*)
{
    ++g_ticks;
    if (g_control) {
        const double f = std::min(1.0, double(g_ticks) / double(std::max(1L, g_spanTicks)));
        g_control->report(g_spanFirst + (g_spanLast - g_spanFirst) * f);
        if (g_control->isCancelled()) {
            // The interrupted function returns at once without passing the error handler:
            // free what it registered for cleanup now, while its frame still holds it (its
            // callers inside igraph free theirs through the error handler).
            IGRAPH_FINALLY_FREE();
            return IGRAPH_INTERRUPTED;
        }
    }
    return IGRAPH_SUCCESS;
}

} // namespace

IgraphSession::IgraphSession(GraphControl* control)
{
    sessionMutex().lock();
    g_lastError.clear();
    g_control = control;
    g_ticks = 0;
    m_oldError = igraph_set_error_handler(recordError);
    m_oldWarning = igraph_set_warning_handler(quietWarning);
    m_oldInterruption = igraph_set_interruption_handler(interruption);
}

IgraphSession::~IgraphSession()
{
    igraph_set_error_handler(m_oldError);
    igraph_set_warning_handler(m_oldWarning);
    igraph_set_interruption_handler(m_oldInterruption);
    g_control = nullptr;
    sessionMutex().unlock();
}

void IgraphSession::checkCancelled() const
{
    if (g_control && g_control->isCancelled())
        throw GraphCancelled();
}

void IgraphSession::check(igraph_error_t code, const char* what) const
{
    if (code == IGRAPH_INTERRUPTED)
        throw GraphCancelled();
    checkCancelled();
    if (code != IGRAPH_SUCCESS)
        throw GraphError(
            QCoreApplication::translate("chronomap::ActorGraph", "actor map: %1 failed: %2")
                .arg(QLatin1String(what), g_lastError.isEmpty()
                                              ? QString::fromUtf8(igraph_strerror(code))
                                              : g_lastError));
}

void IgraphSession::setProgressSpan(double first, double last, long ticks)
{
    g_spanFirst = first;
    g_spanLast = last;
    g_spanTicks = ticks;
    g_ticks = 0;
    report(first);
}

void IgraphSession::report(double fraction) const
{
    if (g_control)
        g_control->report(fraction);
}

} // namespace chronomap
