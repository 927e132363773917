#include "terminalprogress.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace chronomap {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
// The temporary file being written, for the second Ctrl+C to remove (unlink is safe to call
// in a signal handler; QFile is not).
char g_temporary[4096] = {0};
struct sigaction g_previous;
int g_guards = 0;

extern "C" void onInterrupt(int)
{
    if (g_interrupted) {
        if (g_temporary[0])
            ::unlink(g_temporary);
        const char message[] = "\nchronomap: stopped\n";
        [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(130);
    }
    g_interrupted = 1;
    const char message[] = "\nchronomap: stopping (Ctrl+C again to stop at once)\n";
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
}

} // namespace

InterruptGuard::InterruptGuard()
{
    if (g_guards++ > 0)
        return;
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_previous);
}

InterruptGuard::~InterruptGuard()
{
    if (--g_guards > 0)
        return;
    sigaction(SIGINT, &g_previous, nullptr);
}

bool InterruptGuard::interrupted()
{
    return g_interrupted != 0;
}

void InterruptGuard::reset()
{
    g_interrupted = 0;
}

TerminalProgress::TerminalProgress(const QString& label, bool quiet)
    : m_label(label), m_tty(!quiet && ::isatty(STDERR_FILENO))
{}

TerminalProgress::~TerminalProgress()
{
    done();
}

bool TerminalProgress::update(double share)
{
    if (m_tty) {
        const int pct = share < 0 ? -1 : int(std::min(share, 1.0) * 100);
        if (m_last.exchange(pct) != pct) {
            QByteArray line = m_label.toLocal8Bit();
            if (pct < 0)
                line += "\xe2\x80\xa6";
            else
                line += ' ' + QByteArray::number(pct).rightJustified(3) + '%';
            std::fprintf(stderr, "\r%s\033[K", line.constData());
            std::fflush(stderr);
        }
    }
    return !InterruptGuard::interrupted();
}

void TerminalProgress::done()
{
    if (m_done)
        return;
    m_done = true;
    if (m_tty && m_last.load() != -2) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
}

bool writeThroughTemporary(const QString& target, const std::function<void(const QString&)>& write)
{
    const QFileInfo info(target);
    // A name nothing has yet: removing it on failure removes only what this call wrote.
    const QString temporary = temporaryBeside(target);
    const QByteArray native = QFile::encodeName(temporary);
    if (std::size_t(native.size()) < sizeof g_temporary)
        std::memcpy(g_temporary, native.constData(), std::size_t(native.size()) + 1);
    auto forget = [&] {
        g_temporary[0] = 0;
        QFile::remove(temporary);
    };
    try {
        write(temporary);
    } catch (const StoreError& e) {
        forget();
        // The message names the file the user asked for, not the hidden temporary one.
        QString message = e.message();
        throw StoreError(message.replace(temporary, target));
    } catch (...) {
        forget();
        throw;
    }
    if (InterruptGuard::interrupted()) {
        forget();
        return false;
    }
    if (::rename(native.constData(), QFile::encodeName(info.absoluteFilePath()).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        forget();
        throw StoreError(
            QCoreApplication::translate("CommandLine", "%1: cannot write it: %2").arg(target, why));
    }
    g_temporary[0] = 0;
    return true;
}

} // namespace chronomap
