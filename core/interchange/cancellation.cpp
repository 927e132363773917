#include "cancellation.h"

#include <QCoreApplication>

namespace chronomap {

namespace {

thread_local const std::atomic<bool>* t_flag = nullptr;

} // namespace

CancelScope::CancelScope(const std::atomic<bool>* flag) : m_previous(t_flag)
{
    t_flag = flag;
}

CancelScope::~CancelScope()
{
    t_flag = m_previous;
}

ReadCancelled::ReadCancelled(const QString& fileName)
    : StoreError(QCoreApplication::translate("chronomap::ImportSummary",
                                             "%1: the import was cancelled; nothing was changed")
                     .arg(fileName))
{}

bool cancelRequested()
{
    return t_flag && t_flag->load(std::memory_order_relaxed);
}

void checkCancelled(const QString& fileName)
{
    if (cancelRequested())
        throw ReadCancelled(fileName);
}

} // namespace chronomap
