#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace chronomap {

// While alive, Ctrl+C (SIGINT) does not kill the process: it asks the running command to
// stop, so the command can leave nothing half-done (the story unchanged, no partial file). A
// second Ctrl+C stops at once, after removing the temporary file being written, if any.
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    static bool interrupted();
    // For tests and for a command that runs twice in one process.
    static void reset();
};

// A progress line on stderr for long commands: "importing  42%" redrawn in place, only when
// stderr is a terminal (a log or a pipe gets no control characters), cleared when done.
// update() may be called from a worker thread.
class TerminalProgress
{
public:
    explicit TerminalProgress(const QString& label, bool quiet = false);
    ~TerminalProgress();

    // share in 0..1, or < 0 for "busy" without a figure. Returns false once Ctrl+C was
    // pressed, so it can be handed to work that cancels when its progress callback says so.
    bool update(double share);
    void done();
    bool shown() const { return m_tty; }

private:
    QString m_label;
    bool m_tty = false;
    std::atomic<int> m_last{-2};
    bool m_done = false;
};

// Writes `target` through a hidden temporary file beside it (same suffix, so the format is
// still read from the name) and renames it into place only when `write` succeeded and no
// Ctrl+C came. On a cancel or a failure the target stays as it was and the temporary file is
// removed. Returns false on a cancel; rethrows what `write` threw.
bool writeThroughTemporary(const QString& target, const std::function<void(const QString&)>& write);

} // namespace chronomap
