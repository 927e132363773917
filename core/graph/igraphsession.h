#pragma once

#include <igraph.h>

#include <QString>

namespace chronomap {

class GraphControl;

// Holds igraph for one computation. igraph's error, warning and interruption handlers are
// process-wide, so a session locks one mutex for its lifetime (one computation at a time) and
// installs handlers that record errors instead of aborting, stay quiet on warnings and stop
// at the next iteration when the control is cancelled. Restores the previous handlers.
class IgraphSession
{
public:
    explicit IgraphSession(GraphControl* control);
    ~IgraphSession();
    IgraphSession(const IgraphSession&) = delete;
    IgraphSession& operator=(const IgraphSession&) = delete;

    // Throws GraphCancelled if cancelled, GraphError naming `what` if `code` is a failure.
    void check(igraph_error_t code, const char* what) const;
    // Throws GraphCancelled if the control was cancelled.
    void checkCancelled() const;
    // Progress reports for the next igraph call: from `first` to `last` over `ticks` checks.
    void setProgressSpan(double first, double last, long ticks);
    void report(double fraction) const;

private:
    igraph_error_handler_t* m_oldError = nullptr;
    igraph_warning_handler_t* m_oldWarning = nullptr;
    igraph_interruption_handler_t* m_oldInterruption = nullptr;
};

// RAII owners for the igraph types this module uses.
struct IgVector
{
    igraph_vector_t v;
    explicit IgVector(igraph_integer_t n = 0) { igraph_vector_init(&v, n); }
    ~IgVector() { igraph_vector_destroy(&v); }
    IgVector(const IgVector&) = delete;
    IgVector& operator=(const IgVector&) = delete;
    igraph_real_t& operator[](igraph_integer_t i) { return VECTOR(v)[i]; }
};

struct IgIntVector
{
    igraph_vector_int_t v;
    explicit IgIntVector(igraph_integer_t n = 0) { igraph_vector_int_init(&v, n); }
    ~IgIntVector() { igraph_vector_int_destroy(&v); }
    IgIntVector(const IgIntVector&) = delete;
    IgIntVector& operator=(const IgIntVector&) = delete;
    igraph_integer_t& operator[](igraph_integer_t i) { return VECTOR(v)[i]; }
};

struct IgGraph
{
    igraph_t g;
    bool made = false;
    IgGraph() = default;
    ~IgGraph()
    {
        if (made)
            igraph_destroy(&g);
    }
    IgGraph(const IgGraph&) = delete;
    IgGraph& operator=(const IgGraph&) = delete;
};

} // namespace chronomap
