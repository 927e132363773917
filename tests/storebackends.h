#pragma once

// The backends the core store tests run on. A data-driven test adds one row per backend with
// addBackendRows() and opens a new, empty story on it with createStore().

#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace chronomap::testing {

inline void addBackendColumn()
{
    QTest::addColumn<QString>("backend");
}

// One row per backend, named "<backend>" or "<backend>: <name>" when name is given.
inline QList<QString> backends()
{
    return {QStringLiteral("sqlite")};
}

// A new, empty story on the backend, in dir for a file (its name taken from the row).
inline std::unique_ptr<Store> createStore(const QString& backend, const QTemporaryDir& dir,
                                          const QString& name)
{
    Q_UNUSED(backend);
    return Store::open(dir.filePath(name + QStringLiteral(".chronomap")), Store::Mode::Create);
}

} // namespace chronomap::testing
