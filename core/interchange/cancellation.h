#pragma once

#include "store/store.h"

#include <QString>

#include <atomic>

namespace chronomap {

// Lets the window's Cancel stop a long read (a large sheet, a hostile XML file), not only the
// write that follows it. The thread that reads a file installs the window's flag for as long
// as it reads (CancelScope); the readers' loops call checkCancelled() every few thousand
// rows, elements or megabytes, which throws ReadCancelled once the flag is set. Without a
// scope nothing is cancelled. The flag is per thread: a reader on one thread never sees
// another thread's Cancel.
class CancelScope
{
public:
    explicit CancelScope(const std::atomic<bool>* flag);
    ~CancelScope();
    CancelScope(const CancelScope&) = delete;
    CancelScope& operator=(const CancelScope&) = delete;

private:
    const std::atomic<bool>* m_previous;
};

// A read stopped by Cancel: "FILE: the import was cancelled; nothing was changed".
class ReadCancelled : public StoreError
{
public:
    explicit ReadCancelled(const QString& fileName);
};

// Whether the flag of this thread's CancelScope is set.
bool cancelRequested();
// Throws ReadCancelled for `fileName` when cancelRequested().
void checkCancelled(const QString& fileName);

} // namespace chronomap
